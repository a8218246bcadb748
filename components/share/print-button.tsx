'use client';

/** The label comes translated from the server component (the QR page ships no i18n client). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print mt-6 inline-flex h-12 items-center rounded-full bg-zinc-900 px-6 text-sm font-semibold text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600"
    >
      {label}
    </button>
  );
}
