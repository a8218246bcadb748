import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RefreshButton } from '@/components/auth/dev-mail-refresh';
import { env } from '@/server/env';
import { listDevMailCodes, type DevMailKind } from '@/server/services/dev-mail/list-dev-mail-codes';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Buzón de desarrollo', robots: { index: false } };

const KIND_LABEL: Record<DevMailKind, string> = {
  'sign-up': 'Confirmar registro',
  'reset-password': 'Restablecer contraseña',
  'verify-email': 'Verificar correo',
  'sign-in': 'Código de inicio de sesión',
};

/** Codes the Cognito emulator "emailed". Exists only while auth runs against the emulator (dev and local `npm start`). */
export default async function DevMailPage() {
  const e = env();
  if (e.AUTH_MODE !== 'local' || !e.COGNITO_LOCAL_DATA_DIR) notFound();
  const codes = await listDevMailCodes({ dataDir: e.COGNITO_LOCAL_DATA_DIR, userPoolId: e.COGNITO_USER_POOL_ID });
  const time = new Intl.DateTimeFormat('es', { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <main className="mx-auto w-full max-w-2xl px-4 py-8">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold text-zinc-900">Buzón de desarrollo</h1>
          <p className="mt-1 text-sm text-zinc-600">
            Códigos pendientes que el emulador de Cognito habría enviado por correo, del más reciente al más antiguo. Un
            código desaparece al usarse.
          </p>
        </div>
        <RefreshButton />
      </div>

      {codes.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600">
          No hay códigos pendientes. Crea una cuenta o pide restablecer tu contraseña y vuelve aquí.
        </p>
      ) : (
        <ul className="mt-6 space-y-3" aria-label="Códigos pendientes">
          {codes.map((c) => (
            <li key={`${c.email}-${c.kind}`} className="rounded-xl border border-zinc-200 p-4" data-testid="dev-mail-code">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="break-all font-medium text-zinc-900" data-testid="dev-mail-email">
                  {c.email}
                </p>
                <time className="text-xs text-zinc-500" dateTime={c.issuedAt.toISOString()}>
                  {time.format(c.issuedAt)}
                </time>
              </div>
              <p className="mt-1 text-sm text-zinc-600">{KIND_LABEL[c.kind]}</p>
              <p className="mt-2 font-mono text-2xl font-semibold tracking-[0.25em] text-brand" data-testid="dev-mail-value">
                {c.code}
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
