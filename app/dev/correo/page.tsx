import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RefreshButton } from '@/components/auth/dev-mail-refresh';
import { getDb } from '@/server/db/client';
import { env } from '@/server/env';
import { listDevMailCodes, type DevMailKind } from '@/server/services/dev-mail/list-dev-mail-codes';
import { getOutboxEmail, listOutboxEmails, type DevOutboxEmail } from '@/server/services/dev-mail/list-outbox-emails';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Buzón de desarrollo', robots: { index: false } };

const KIND_LABEL: Record<DevMailKind, string> = {
  'sign-up': 'Confirmar registro',
  'reset-password': 'Restablecer contraseña',
  'verify-email': 'Verificar correo',
  'sign-in': 'Código de inicio de sesión',
};

const STATUS: Record<DevOutboxEmail['status'], { label: string; className: string }> = {
  sent: { label: 'Enviado', className: 'bg-emerald-50 text-emerald-800 ring-emerald-200' },
  pending: { label: 'Pendiente', className: 'bg-amber-50 text-amber-800 ring-amber-200' },
  failed: { label: 'Fallido', className: 'bg-red-50 text-red-800 ring-red-200' },
};

type SearchParams = Promise<{ m?: string | string[]; para?: string | string[] }>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function hrefWith(params: { m?: string; para?: string }): string {
  const q = new URLSearchParams();
  if (params.para) q.set('para', params.para);
  if (params.m) q.set('m', params.m);
  const s = q.toString();
  return s ? `/dev/correo?${s}` : '/dev/correo';
}

/**
 * The local mailbox: codes the Cognito emulator "emailed", and the platform's emails that MAIL_DRIVER=local kept in
 * the outbox instead of sending. Exists only on a local stack (auth against the emulator).
 */
export default async function DevMailPage({ searchParams }: { searchParams: SearchParams }) {
  const e = env();
  if (e.AUTH_MODE !== 'local') notFound();
  const showCodes = Boolean(e.COGNITO_LOCAL_DATA_DIR);
  const showOutbox = e.MAIL_DRIVER === 'local';
  if (!showCodes && !showOutbox) notFound();

  const sp = await searchParams;
  const selectedId = one(sp.m);
  const para = one(sp.para)?.trim() || undefined;
  const db = getDb();
  const [codes, emails, selected] = await Promise.all([
    showCodes ? listDevMailCodes({ dataDir: e.COGNITO_LOCAL_DATA_DIR!, userPoolId: e.COGNITO_USER_POOL_ID }) : Promise.resolve([]),
    showOutbox ? listOutboxEmails({ db, appUrl: e.APP_URL, to: para }) : Promise.resolve([]),
    showOutbox && selectedId ? getOutboxEmail({ db, id: selectedId, appUrl: e.APP_URL }) : Promise.resolve(null),
  ]);
  const time = new Intl.DateTimeFormat('es', { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <main className="mx-auto w-full max-w-2xl px-4 py-8">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold text-zinc-900">Buzón de desarrollo</h1>
          <p className="mt-1 text-sm text-zinc-600">
            Lo que este entorno local habría enviado por correo: nada sale de la máquina.
          </p>
        </div>
        <RefreshButton />
      </div>

      {showCodes && (
        <section className="mt-8" aria-labelledby="dev-mail-codes">
          <h2 id="dev-mail-codes" className="text-base font-semibold text-zinc-900">
            Códigos de acceso
          </h2>
          <p className="mt-1 text-sm text-zinc-600">
            Códigos pendientes que el emulador de Cognito habría enviado, del más reciente al más antiguo. Un código
            desaparece al usarse.
          </p>
          {codes.length === 0 ? (
            <p className="mt-4 rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600">
              No hay códigos pendientes. Crea una cuenta o pide restablecer tu contraseña y vuelve aquí.
            </p>
          ) : (
            <ul className="mt-4 space-y-3" aria-label="Códigos pendientes">
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
        </section>
      )}

      {showOutbox && (
        <section className="mt-10" aria-labelledby="dev-mail-outbox">
          <h2 id="dev-mail-outbox" className="text-base font-semibold text-zinc-900">
            Correos de la plataforma
          </h2>
          <p className="mt-1 text-sm text-zinc-600">Pedidos, pagos, envíos y planes, del más reciente al más antiguo (últimos 100).</p>

          <form action="/dev/correo" method="get" className="mt-4 flex gap-2">
            <label htmlFor="dev-mail-para" className="sr-only">
              Destinatario
            </label>
            <input
              id="dev-mail-para"
              name="para"
              type="email"
              defaultValue={para}
              placeholder="Filtrar por destinatario"
              className="min-w-0 flex-1 rounded-xl border border-zinc-300 px-3 py-2 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand"
            />
            <button type="submit" className="rounded-xl border border-zinc-300 px-3 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-50">
              Filtrar
            </button>
          </form>

          {emails.length === 0 ? (
            <p className="mt-4 rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600">
              {para ? `No hay correos para ${para}.` : 'Todavía no hay correos. Haz un pedido y vuelve aquí.'}
            </p>
          ) : (
            <ul className="mt-4 space-y-3" aria-label="Correos de la plataforma">
              {emails.map((m) => {
                const open = selected?.id === m.id ? selected : null;
                const status = STATUS[m.status];
                return (
                  <li
                    key={m.id}
                    className="rounded-xl border border-zinc-200 p-4"
                    data-testid="dev-mail-message"
                    data-template={m.template}
                    data-status={m.status}
                  >
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <p className="break-all text-sm text-zinc-600" data-testid="dev-mail-message-to">
                        {m.to}
                      </p>
                      <time className="text-xs text-zinc-500" dateTime={m.createdAt.toISOString()}>
                        {time.format(m.createdAt)}
                      </time>
                    </div>
                    <Link
                      href={hrefWith({ para, m: open ? undefined : m.id })}
                      scroll={false}
                      className="mt-1 block font-medium text-zinc-900 underline-offset-2 hover:underline"
                      data-testid="dev-mail-message-subject"
                      aria-expanded={Boolean(open)}
                    >
                      {m.subject ?? `(${m.template})`}
                    </Link>
                    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
                      <span className={`rounded-full px-2 py-0.5 font-medium ring-1 ${status.className}`} data-testid="dev-mail-message-status">
                        {status.label}
                      </span>
                      <span className="text-zinc-500">
                        {m.template} · {m.locale}
                        {m.attempts > 1 ? ` · ${m.attempts} intentos` : ''}
                      </span>
                    </div>
                    {m.lastError && m.status !== 'sent' && <p className="mt-2 break-words text-xs text-red-700">{m.lastError}</p>}

                    {open && (
                      <div className="mt-4 space-y-3">
                        {open.preview && (
                          <p className="text-xs text-amber-800">Vista previa: el worker todavía no lo entregó.</p>
                        )}
                        {open.rendered ? (
                          <>
                            {/* The message's own HTML, isolated: no scripts, no same-origin access, no navigation. */}
                            <iframe
                              title={`Correo: ${open.rendered.subject}`}
                              srcDoc={open.rendered.html}
                              sandbox=""
                              referrerPolicy="no-referrer"
                              className="h-[640px] w-full rounded-lg border border-zinc-200 bg-zinc-100"
                              data-testid="dev-mail-message-html"
                            />
                            <details open>
                              <summary className="cursor-pointer text-sm font-medium text-zinc-800">Texto plano</summary>
                              <pre
                                className="mt-2 whitespace-pre-wrap break-words rounded-lg bg-zinc-50 p-3 text-xs text-zinc-800"
                                data-testid="dev-mail-message-text"
                              >
                                {open.rendered.text}
                              </pre>
                            </details>
                          </>
                        ) : (
                          <p className="text-sm text-red-700">No se pudo mostrar: {open.renderError}</p>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
