'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { formatMoney } from '@/components/ui/money';
import { minorToMajorText, MoneyInput, parseMajorToMinor } from '@/components/ui/money-input';
import { LEDGER_KIND_LABEL, PAYOUT_NETWORKS } from '@/server/services/wallet/schemas';
import { Notice, Pill, type TPillTone } from './commerce-ui';
import type { TWallet } from './commerce-types';
import { buttonClass, Card, describedBy, Field, inputClass } from './field';
import { WalletIcon } from './icons';
import { appErrorOf } from './trpc-error';

const PAGE_SIZE = 20;
const dateTime = new Intl.DateTimeFormat('es', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

const PAYOUT_STATUS: Record<TWallet['payouts'][number]['status'], [string, TPillTone]> = {
  requested: ['Solicitado', 'amber'],
  processing: ['En proceso', 'sky'],
  paid: ['Pagado', 'green'],
  failed: ['Fallido', 'red'],
  rejected: ['Rechazado', 'red'],
};

const NETWORK_LABEL: Record<(typeof PAYOUT_NETWORKS)[number], string> = {
  'USDT-TRC20': 'USDT · red TRON (TRC-20)',
  'USDT-ERC20': 'USDT · red Ethereum (ERC-20)',
};

const KYC_COPY: Record<string, string> = {
  unverified: 'Para retirar tu dinero necesitamos verificar tu identidad una sola vez. Tus ventas siguen llegando mientras tanto.',
  pending: 'Estamos revisando tu verificación. Te avisaremos cuando puedas retirar.',
  declined: 'No pudimos verificar tu identidad. Vuelve a intentarlo con un documento vigente y bien iluminado.',
};

function signed(n: number, currency: string) {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatMoney(Math.abs(n), currency)}`;
}

/** The store's money: three balances, withdrawal (once KYC is approved), movements and payouts. */
export function WalletView({ storeId, initialData }: { storeId: string; initialData: TWallet }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const query = useQuery({
    ...trpc.wallet.get.queryOptions({ storeId, page, pageSize: PAGE_SIZE }),
    initialData: page === 1 ? initialData : undefined,
    placeholderData: keepPreviousData,
  });
  const w = query.data ?? initialData;
  const c = w.currency;
  const pages = Math.max(1, Math.ceil(w.transactionsTotal / PAGE_SIZE));
  const cards: { label: string; value: number; hint: string; tone?: string }[] = [
    { label: 'Disponible', value: w.balances.available, hint: 'Puedes retirarlo.', tone: 'border-emerald-200' },
    { label: 'Pendiente', value: w.balances.pending, hint: 'Se libera al entregar el pedido.' },
    { label: 'En camino', value: w.balances.inTransit, hint: 'Retiros en proceso.' },
  ];

  return (
    <div className="space-y-5">
      <section aria-label="Saldos">
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3">
          {cards.map((card, i) => (
            // Phones: "Disponible" across the top, the other two side by side below it.
            <div key={card.label} className={`rounded-2xl border bg-white p-3 shadow-sm sm:p-4 ${i === 0 ? 'col-span-2 sm:col-span-1' : ''} ${card.tone ?? 'border-zinc-200'}`}>
              <dt className="text-sm font-medium text-zinc-600">{card.label}</dt>
              <dd className={`mt-0.5 font-semibold tabular-nums ${i === 0 ? 'text-2xl text-emerald-800' : 'text-xl text-zinc-900 sm:text-2xl'}`}>{formatMoney(card.value, c)}</dd>
              <dd className="mt-1 text-xs text-zinc-500">{card.hint}</dd>
            </div>
          ))}
        </dl>
      </section>

      <Card>
        {w.kycStatus === 'approved' ? (
          <PayoutForm storeId={storeId} currency={c} available={w.balances.available} />
        ) : (
          <div className="flex gap-3">
            <WalletIcon className="mt-0.5 size-6 shrink-0 text-violet-600" />
            <div>
              <h2 className="text-base font-semibold text-zinc-900">{w.kycStatus === 'pending' ? 'Verificación en revisión' : 'Verifica tu identidad para retirar'}</h2>
              <p className="mt-1 text-sm text-zinc-600">{KYC_COPY[w.kycStatus] ?? KYC_COPY.unverified}</p>
              <Link href={`/dashboard/tiendas/${storeId}/verificacion`} className={`${buttonClass.primary} mt-3`}>
                {w.kycStatus === 'pending' ? 'Ver mi verificación' : 'Verificar mi identidad'}
              </Link>
            </div>
          </div>
        )}
      </Card>

      <section aria-labelledby="movimientos" className="space-y-3">
        <h2 id="movimientos" className="text-lg font-semibold text-zinc-900">
          Movimientos
        </h2>
        {w.transactions.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-8 text-center text-sm text-zinc-600">
            Aún no hay movimientos. Cuando te paguen un pedido, lo verás aquí.
          </p>
        ) : (
          <div className={`transition-opacity ${query.isPlaceholderData ? 'opacity-60' : ''}`}>
            <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm">
              {w.transactions.map((t) => (
                <li key={t.id} className="flex items-start justify-between gap-3 p-3 sm:p-4">
                  <div className="min-w-0">
                    <p className="font-medium text-zinc-900">{LEDGER_KIND_LABEL[t.kind] ?? t.kind}</p>
                    {t.memo ? <p className="truncate text-sm text-zinc-600">{t.memo}</p> : null}
                    <p className="text-xs text-zinc-500">
                      <time dateTime={new Date(t.createdAt).toISOString()}>{dateTime.format(new Date(t.createdAt))}</time>
                      {t.kind === 'release' ? ' · de pendiente a disponible' : ''}
                    </p>
                  </div>
                  <p className={`shrink-0 font-semibold tabular-nums ${t.amount > 0 ? 'text-emerald-700' : t.amount < 0 ? 'text-zinc-900' : 'text-zinc-500'}`}>
                    {signed(t.amount, c)}
                  </p>
                </li>
              ))}
            </ul>
            {pages > 1 ? (
              <nav aria-label="Paginación de movimientos" className="mt-3 flex items-center justify-end gap-2">
                <button type="button" onClick={() => setPage((p) => p - 1)} disabled={page <= 1} className={`${buttonClass.secondary} px-3`}>
                  <span aria-hidden="true">←</span>
                  <span className="sr-only sm:not-sr-only">Anterior</span>
                </button>
                <span className="text-sm tabular-nums text-zinc-600">
                  {page} / {pages}
                </span>
                <button type="button" onClick={() => setPage((p) => p + 1)} disabled={page >= pages} className={`${buttonClass.secondary} px-3`}>
                  <span className="sr-only sm:not-sr-only">Siguiente</span>
                  <span aria-hidden="true">→</span>
                </button>
              </nav>
            ) : null}
          </div>
        )}
      </section>

      <section aria-labelledby="retiros" className="space-y-3">
        <h2 id="retiros" className="text-lg font-semibold text-zinc-900">
          Retiros
        </h2>
        {w.payouts.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-8 text-center text-sm text-zinc-600">Aún no has retirado dinero.</p>
        ) : (
          <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm">
            {w.payouts.map((p) => {
              const [label, tone] = PAYOUT_STATUS[p.status];
              return (
                <li key={p.id} className="flex items-start justify-between gap-3 p-3 sm:p-4">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-zinc-900">{p.destination.network}</span>
                      <Pill tone={tone}>{label}</Pill>
                    </p>
                    <p className="truncate font-mono text-xs text-zinc-500" title={p.destination.address}>
                      {p.destination.address.slice(0, 6)}…{p.destination.address.slice(-4)}
                    </p>
                    {p.failureReason ? <p className="text-xs text-red-700">{p.failureReason}</p> : null}
                    <p className="text-xs text-zinc-500">{dateTime.format(new Date(p.createdAt))}</p>
                  </div>
                  <p className="shrink-0 font-semibold tabular-nums text-zinc-900">{formatMoney(p.amount, p.currency)}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

function PayoutForm({ storeId, currency, available }: { storeId: string; currency: string; available: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [amount, setAmount] = useState('');
  const [network, setNetwork] = useState<string>('');
  const [address, setAddress] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  // Payouts need a recent sign-in: offer the way back through /ingresar, returning here.
  const [reauth, setReauth] = useState(false);
  // ── wallet.requestPayout is the payouts engineer's procedure (server/services/payouts/request-payout.ts).
  const request = useMutation(
    trpc.wallet.requestPayout.mutationOptions({
      onSuccess: () => {
        setAmount('');
        setAddress('');
        setNotice({ tone: 'ok', text: 'Retiro solicitado. Lo verás en «En camino» hasta que llegue a tu billetera.' });
        void queryClient.invalidateQueries(trpc.wallet.get.pathFilter());
      },
      onError: (err) => {
        const info = appErrorOf(err);
        setErrors(info.fields);
        setNotice(Object.keys(info.fields).length ? null : { tone: 'error', text: info.message });
        setReauth(info.details?.reason === 'RECENT_AUTH_REQUIRED');
      },
    }),
  );
  const err = (k: string) => errors[k];
  const clear = (k: string) => setErrors((e) => (e[k] ? Object.fromEntries(Object.entries(e).filter(([key]) => key !== k)) : e));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    const minor = parseMajorToMinor(amount, currency);
    const fields: Record<string, string> = {};
    if (minor === null || Number.isNaN(minor) || minor <= 0) fields.amount = 'Ingresa un monto.';
    else if (minor > available) fields.amount = `Tienes ${formatMoney(available, currency)} disponibles.`;
    if (!network) fields.network = 'Elige una red.';
    if (!address.trim()) fields.address = 'Indica la dirección de tu billetera.';
    setErrors(fields);
    if (Object.keys(fields).length) return;
    request.mutate({ storeId, amount: minor!, network: network as (typeof PAYOUT_NETWORKS)[number], address: address.trim() });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Retirar">
      <div>
        <h2 className="text-base font-semibold text-zinc-900">Retirar</h2>
        <p className="mt-0.5 text-sm text-zinc-600">Enviamos tu dinero disponible en USDT a tu billetera. Revisa bien la red y la dirección.</p>
      </div>
      {notice ? (
        <Notice tone={notice.tone} onClose={() => setNotice(null)}>
          {notice.text}
          {reauth ? (
            <>
              {' '}
              <a className="font-semibold underline" href={`/ingresar?reauth=1&next=${encodeURIComponent(`/dashboard/tiendas/${storeId}/billetera`)}`}>
                Iniciar sesión de nuevo
              </a>
            </>
          ) : null}
        </Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-amount`} label="Monto" error={err('amount')} hint={`Disponible: ${formatMoney(available, currency)}`}>
          <div className="flex gap-2">
            <MoneyInput
              id={`${id}-amount`}
              currency={currency}
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value);
                clear('amount');
              }}
              invalid={Boolean(err('amount'))}
              className="flex-1"
              aria-describedby={describedBy(`${id}-amount`, { hint: true, error: err('amount') })}
            />
            <button
              type="button"
              onClick={() => {
                setAmount(minorToMajorText(available, currency));
                clear('amount');
              }}
              className={`${buttonClass.secondary} px-3`}
            >
              Todo
            </button>
          </div>
        </Field>
        <Field id={`${id}-network`} label="Red" error={err('network')}>
          <select
            id={`${id}-network`}
            value={network}
            onChange={(e) => {
              setNetwork(e.target.value);
              clear('network');
              clear('address');
            }}
            className={inputClass}
            aria-invalid={err('network') ? true : undefined}
            aria-describedby={describedBy(`${id}-network`, { error: err('network') })}
          >
            <option value="">Elige…</option>
            {PAYOUT_NETWORKS.map((n) => (
              <option key={n} value={n}>
                {NETWORK_LABEL[n]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id={`${id}-address`} label="Dirección de tu billetera" error={err('address')} hint={network === 'USDT-ERC20' ? 'Empieza con 0x (42 caracteres).' : network === 'USDT-TRC20' ? 'Empieza con T (34 caracteres).' : undefined}>
        <input
          id={`${id}-address`}
          value={address}
          onChange={(e) => {
            setAddress(e.target.value);
            clear('address');
          }}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          className={`${inputClass} font-mono`}
          aria-invalid={err('address') ? true : undefined}
          aria-describedby={describedBy(`${id}-address`, { hint: Boolean(network), error: err('address') })}
        />
      </Field>
      <button type="submit" disabled={request.isPending || available <= 0} className={`${buttonClass.primary} w-full sm:w-auto`}>
        {request.isPending ? 'Solicitando…' : 'Retirar'}
      </button>
    </form>
  );
}
