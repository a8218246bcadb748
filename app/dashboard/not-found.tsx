import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/dashboard/field';

export default function DashboardNotFound() {
  const t = useTranslations('dashboard.pages');
  return (
    <div className="mx-auto max-w-md rounded-2xl border border-zinc-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold text-zinc-900">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-sm text-zinc-600">{t('notFoundText')}</p>
      <Link href="/dashboard" className={`${buttonClass.primary} mt-5`}>
        {t('backToPanel')}
      </Link>
    </div>
  );
}
