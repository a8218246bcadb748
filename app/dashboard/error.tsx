'use client';

import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/dashboard/field';

export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('dashboard.pages');
  return (
    <div role="alert" className="mx-auto max-w-md rounded-2xl border border-red-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold text-zinc-900">{t('errorTitle')}</h1>
      <p className="mt-2 text-sm text-zinc-600">{t('errorText')}</p>
      <button type="button" onClick={reset} className={`${buttonClass.primary} mt-5`}>
        {t('retry')}
      </button>
    </div>
  );
}
