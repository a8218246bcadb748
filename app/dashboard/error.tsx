'use client';

import { buttonClass } from '@/components/dashboard/field';

export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md rounded-2xl border border-red-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold text-zinc-900">No pudimos cargar esta página</h1>
      <p className="mt-2 text-sm text-zinc-600">Puede ser un problema momentáneo de conexión. Inténtalo otra vez.</p>
      <button type="button" onClick={reset} className={`${buttonClass.primary} mt-5`}>
        Reintentar
      </button>
    </div>
  );
}
