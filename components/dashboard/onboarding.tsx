import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { StoreIcon } from './icons';

const STEPS = [1, 2, 3] as const;

/** First visit, no store yet: what VITA does in three steps and one clear action. */
export function Onboarding({ name }: { name?: string }) {
  const t = useTranslations('dashboard.onboarding');
  return (
    <div className="mx-auto max-w-xl space-y-6 py-2 sm:py-8">
      <div className="rounded-3xl bg-gradient-to-br from-violet-600 to-fuchsia-600 p-6 text-white shadow-lg sm:p-8">
        <StoreIcon className="size-10" />
        <h1 className="mt-4 text-2xl font-bold sm:text-3xl">{name ? t('hello', { name }) : t('welcome')}</h1>
        <p className="mt-2 text-base text-violet-50">
          {t('lead')}
        </p>
        <Link
          href="/dashboard/tiendas/nueva"
          className="mt-6 inline-flex min-h-12 w-full items-center justify-center rounded-xl bg-white px-5 text-base font-semibold text-violet-800 shadow-sm hover:bg-violet-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white sm:w-auto"
        >
          {t('open')}
        </Link>
      </div>
      <ol className="space-y-3">
        {STEPS.map((n, i) => (
          <li key={n} className="flex gap-4 rounded-2xl border border-zinc-200 bg-white p-4">
            <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-violet-100 font-semibold text-violet-800">
              {i + 1}
            </span>
            <div>
              <h2 className="font-semibold text-zinc-900">{t(`step${n}Title`)}</h2>
              <p className="mt-0.5 text-sm text-zinc-600">{t(`step${n}Text`)}</p>
            </div>
          </li>
        ))}
      </ol>
      <p className="text-center text-sm text-zinc-500">
        {t.rich('help', { b: (chunks) => <span className="font-medium">{chunks}</span> })}
      </p>
    </div>
  );
}
