import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveOffer } from '@/components/product/live-offer';
import { ProductGrid } from '@/components/product/product-card';
import { ProductGallery } from '@/components/product/product-gallery';
import { brandStyle, whatsappDigits } from '@/components/store/brand';
import { ChatIcon, ShieldIcon, TruckIcon, VerifiedIcon } from '@/components/ui/icons';
import { SectionHeader } from '@/components/ui/section-header';
import { formatMoney } from '@/components/ui/money';
import { getProductPageCached } from '@/server/cache/catalog';

/** ISR: the HTML may be a couple of minutes old; the buy box reads exact price and stock live. */
export const revalidate = 120;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ store: string; product: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { store, product } = await params;
  const page = await getProductPageCached(store, product);
  if (!page) return { title: 'Producto no encontrado' };
  const p = page.product;
  const description = `${formatMoney(p.priceMin, p.currency)} · ${p.description}`.slice(0, 160);
  return {
    title: `${p.title} — ${page.store.name}`,
    description,
    openGraph: { title: p.title, description, images: p.images[0] ? [p.images[0].url] : undefined },
  };
}

export default async function ProductPage({ params }: Props) {
  const { store: storeSlug, product: productSlug } = await params;
  const page = await getProductPageCached(storeSlug, productSlug);
  if (!page) notFound();
  const { store, product, related } = page;

  return (
    <main style={brandStyle(store.brandColor)} className="mx-auto max-w-6xl px-4 pt-4">
      <nav aria-label="Ruta" className="flex flex-wrap items-center gap-1 text-sm text-zinc-500">
        <Link href="/" className="hover:text-zinc-900 hover:underline">
          Inicio
        </Link>
        <span aria-hidden="true">/</span>
        {product.category && (
          <>
            <Link href={`/c/${product.category.slug}`} className="hover:text-zinc-900 hover:underline">
              {product.category.nameEs}
            </Link>
            <span aria-hidden="true">/</span>
          </>
        )}
        <Link href={`/s/${store.slug}`} className="hover:text-zinc-900 hover:underline">
          {store.name}
        </Link>
      </nav>

      <div className="mt-4 grid gap-8 md:grid-cols-[1.15fr_1fr] lg:gap-12">
        <ProductGallery images={product.images} title={product.title} />

        <div className="md:sticky md:top-24 md:self-start">
          <Link href={`/s/${store.slug}`} className="group inline-flex items-center gap-2 rounded-full py-1 pr-3 text-sm font-medium text-zinc-700 hover:text-zinc-900">
            <span className="relative size-8 overflow-hidden rounded-full bg-brand ring-1 ring-black/5">
              {store.logo && <Image src={store.logo.url} alt="" fill sizes="32px" className="object-cover" />}
            </span>
            <span className="group-hover:underline">{store.name}</span>
            {store.verified && (
              <span className="text-brand" title="Tienda verificada">
                <VerifiedIcon />
                <span className="sr-only">Tienda verificada</span>
              </span>
            )}
          </Link>
          <h1 className="mt-2 text-2xl font-bold leading-tight tracking-tight text-zinc-900 sm:text-3xl">{product.title}</h1>

          <div className="mt-5">
            <LiveOffer
              productId={product.id}
              title={product.title}
              currency={product.currency}
              options={product.options}
              variants={product.variants}
              storeName={store.name}
              whatsapp={whatsappDigits(store.whatsapp)}
            />
          </div>

          <ul className="mt-6 space-y-3 rounded-2xl bg-zinc-50 p-4 text-sm text-zinc-700">
            <li className="flex gap-3">
              <ChatIcon className="size-5 shrink-0 text-zinc-500" />
              Coordina el envío y el pago directamente con {store.name}.
            </li>
            <li className="flex gap-3">
              <TruckIcon className="size-5 shrink-0 text-zinc-500" />
              Precios en {product.currency}. El costo de envío depende de tu ciudad.
            </li>
            <li className="flex gap-3">
              <ShieldIcon className="size-5 shrink-0 text-zinc-500" />
              {store.verified ? 'Tienda con identidad verificada por VITA.' : 'Pide fotos y detalles antes de pagar.'}
            </li>
          </ul>

          <section aria-labelledby="desc" className="mt-8">
            <h2 id="desc" className="text-base font-semibold text-zinc-900">
              Descripción
            </h2>
            <div className="mt-2 whitespace-pre-line text-[15px] leading-relaxed text-zinc-700">{product.description || 'Sin descripción.'}</div>
          </section>
        </div>
      </div>

      {related.length > 0 && (
        <section aria-labelledby="related" className="mt-16">
          <SectionHeader id="related" title={`Más de ${store.name}`} href={`/s/${store.slug}`} linkLabel="Ver tienda" />
          <ProductGrid products={related} showStore={false} />
        </section>
      )}
    </main>
  );
}
