import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TwoStepSettings } from '@/components/account/two-step-settings';
import { PageHeader } from '@/components/dashboard/page-header';
import { ThemeSwitch } from '@/components/ui/theme-switch';
import { requireUser } from '@/server/auth/require-user';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security'))('title') };
}

export default async function SecurityPage() {
  await requireUser('/dashboard/seguridad');
  const t = await getTranslations('security');
  const theme = await getTranslations('common.theme');
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t('title')} description={t('description')} />
      <TwoStepSettings />
      {/* The account page is also where the theme of this device is chosen (the public footer has the same switch). */}
      <section aria-labelledby="appearance-title" className="mt-6 space-y-3 rounded-2xl border border-zinc-200 bg-white p-4 sm:p-6">
        <div>
          <h2 id="appearance-title" className="text-base font-semibold text-zinc-900">
            {t('appearance.title')}
          </h2>
          <p className="mt-1 text-sm text-zinc-600">{t('appearance.help')}</p>
        </div>
        <ThemeSwitch size="large" labels={{ label: theme('label'), system: theme('system'), light: theme('light'), dark: theme('dark') }} />
      </section>
    </div>
  );
}
