import Link from 'next/link';
import { buttonClass } from '@/components/dashboard/field';

export default function DashboardNotFound() {
  return (
    <div className="mx-auto max-w-md rounded-2xl border border-zinc-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold text-zinc-900">No encontramos lo que buscas</h1>
      <p className="mt-2 text-sm text-zinc-600">Puede que se haya eliminado o que pertenezca a otra cuenta.</p>
      <Link href="/dashboard" className={`${buttonClass.primary} mt-5`}>
        Volver al panel
      </Link>
    </div>
  );
}
