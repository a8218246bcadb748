import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { VitaAuthenticator, type AuthClientConfig } from '@/components/auth/authenticator';
import { IntlProvider } from '@/components/providers/intl';
import { safeNextPath } from '@/server/auth/next-path';
import { getCurrentUser } from '@/server/auth/require-user';
import { env } from '@/server/env';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('title'), robots: { index: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function IngresarPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : null);
  // ?reauth=1: a sensitive action asked for a fresh sign-in (server/auth/recent-auth.ts), so show the form anyway.
  if (params.reauth !== '1' && (await getCurrentUser())) redirect(next);

  const t = await getTranslations('auth');
  const e = env();
  const local = e.AUTH_MODE === 'local';
  const config: AuthClientConfig = {
    userPoolId: e.COGNITO_USER_POOL_ID,
    userPoolClientId: e.COGNITO_CLIENT_ID,
    userPoolEndpoint: local ? e.COGNITO_ENDPOINT : undefined,
  };

  return (
    <IntlProvider namespaces={['auth']}>
      <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col px-4 pb-10 pt-8 sm:pt-16">
        <header className="mb-6 text-center">
          <Link href="/" className="inline-block rounded-md text-3xl font-black tracking-tight text-brand focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand">
            VITA
          </Link>
          <h1 className="mt-3 text-xl font-semibold text-zinc-900">{t('heading')}</h1>
          <p className="mt-1 text-sm text-zinc-600">{t('tagline')}</p>
        </header>

        <div className="overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm">
          <VitaAuthenticator config={config} next={next} initialState={params.modo === 'registro' ? 'signUp' : 'signIn'} />
        </div>

        {local ? (
          <p className="mt-6 text-center text-sm text-zinc-600">
            {t('noCode')}{' '}
            <a
              href="/dev/correo"
              target="_blank"
              rel="noopener"
              className="font-medium text-brand underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
            >
              {t('devMailbox')}
            </a>
          </p>
        ) : null}
      </main>
    </IntlProvider>
  );
}
