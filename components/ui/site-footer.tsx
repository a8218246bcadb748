import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 bg-zinc-50">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm text-zinc-600 sm:grid-cols-3">
        <div>
          <p className="text-xl font-black tracking-tight text-violet-700">VITA</p>
          <p className="mt-2 max-w-xs">Tiendas independientes de Latinoamérica, en un solo lugar. Compra directo a quien lo hace.</p>
        </div>
        <nav aria-label="Comprar" className="space-y-2">
          <p className="font-semibold text-zinc-900">Comprar</p>
          <p><Link className="hover:text-zinc-900 hover:underline" href="/buscar">Todos los productos</Link></p>
          <p><Link className="hover:text-zinc-900 hover:underline" href="/buscar?orden=newest">Novedades</Link></p>
          <p><Link className="hover:text-zinc-900 hover:underline" href="/buscar?orden=bestsellers">Más vendidos</Link></p>
        </nav>
        <nav aria-label="Vender" className="space-y-2">
          <p className="font-semibold text-zinc-900">Vender</p>
          <p><Link className="hover:text-zinc-900 hover:underline" href="/dashboard">Abre tu tienda gratis</Link></p>
          <p><Link className="hover:text-zinc-900 hover:underline" href="/ingresar">Ingresar</Link></p>
        </nav>
      </div>
      <p className="border-t border-zinc-200 py-4 text-center text-xs text-zinc-500">© {new Date().getFullYear()} VITA · Hecho en Latinoamérica</p>
    </footer>
  );
}
