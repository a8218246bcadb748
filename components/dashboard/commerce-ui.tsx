'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { buttonClass } from './field';
import { CloseIcon } from './icons';

/** An on/off switch (role="switch") with its visible label. */
export function Switch({
  checked,
  onChange,
  label,
  disabled,
}: {
  checked: boolean;
  onChange: (next: boolean) => void;
  label: ReactNode;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      disabled={disabled}
      onClick={() => onChange(!checked)}
      className="inline-flex min-h-11 items-center gap-2 rounded-xl px-1 text-sm font-medium text-zinc-700 focus-visible:outline-2 focus-visible:outline-violet-600 disabled:opacity-60"
    >
      <span
        aria-hidden="true"
        className={`relative inline-flex h-6 w-10 shrink-0 items-center rounded-full transition-colors ${checked ? 'bg-violet-600' : 'bg-zinc-300'}`}
      >
        <span className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${checked ? 'translate-x-[1.125rem]' : 'translate-x-0.5'}`} />
      </span>
      {label}
    </button>
  );
}

export type TPillTone = 'green' | 'amber' | 'red' | 'zinc' | 'violet' | 'sky';
const TONES: Record<TPillTone, string> = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  amber: 'bg-amber-50 text-amber-900 ring-amber-200',
  red: 'bg-red-50 text-red-800 ring-red-200',
  zinc: 'bg-zinc-100 text-zinc-700 ring-zinc-300',
  violet: 'bg-violet-50 text-violet-800 ring-violet-200',
  sky: 'bg-sky-50 text-sky-800 ring-sky-200',
};

export function Pill({ tone, children }: { tone: TPillTone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}

/** A destructive action that asks first, inline (no modal): the button turns into "¿Seguro? Sí / No". */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  busy,
  ariaLabel,
  className = buttonClass.ghost,
}: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  ariaLabel?: string;
  className?: string;
}) {
  const t = useTranslations('common');
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} disabled={busy} className={className} aria-label={ariaLabel}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={id} className="flex flex-wrap items-center gap-2 rounded-xl bg-red-50 p-2 ring-1 ring-red-200">
      <span id={id} className="px-1 text-sm text-red-900">
        {question}
      </span>
      <button
        ref={confirmRef}
        type="button"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        className="inline-flex min-h-11 items-center rounded-xl bg-red-600 px-4 text-sm font-semibold text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600"
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)} className={`${buttonClass.ghost} px-3`}>
        {t('no')}
      </button>
    </div>
  );
}

export function Notice({ tone, children, onClose }: { tone: 'ok' | 'error'; children: ReactNode; onClose?: () => void }) {
  const t = useTranslations('common');
  const cls = tone === 'ok' ? 'border-emerald-200 bg-emerald-50 text-emerald-900' : 'border-red-200 bg-red-50 text-red-800';
  return (
    <div role={tone === 'ok' ? 'status' : 'alert'} className={`relative rounded-2xl border p-3 pr-12 text-sm ${cls}`}>
      {children}
      {onClose ? (
        <button
          type="button"
          onClick={onClose}
          aria-label={t('closeNotice')}
          className="absolute right-1 top-1 flex size-11 items-center justify-center rounded-xl text-zinc-600 hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-violet-600"
        >
          <CloseIcon className="size-5" />
        </button>
      ) : null}
    </div>
  );
}
