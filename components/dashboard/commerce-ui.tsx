'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { CloseIcon } from './icons';

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
