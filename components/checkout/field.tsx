import type { InputHTMLAttributes, ReactNode } from 'react';
import { forwardRef } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: ReactNode };

/** Labelled input with its error under it (aria-invalid + aria-describedby). */
export const Field = forwardRef<HTMLInputElement, Props>(function Field({ label, error, hint, id, className = '', ...rest }, ref) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        className={`h-12 w-full rounded-xl border bg-white px-3 text-base outline-none transition focus:ring-2 ${
          error ? 'border-rose-400 focus:border-rose-500 focus:ring-rose-100' : 'border-zinc-300 focus:border-violet-500 focus:ring-violet-100'
        }`}
        {...rest}
      />
      {hint && !error ? <p className="mt-1 text-xs text-zinc-500">{hint}</p> : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
});
