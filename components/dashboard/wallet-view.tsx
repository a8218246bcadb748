'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { useMoney } from '@/components/ui/use-money';
import { minorToMajorText, MoneyInput, parseMajorToMinor } from '@/components/ui/money-input';
import { PAYOUT_NETWORKS } from '@/server/services/wallet/schemas';
import { Notice, Pill, type TPillTone } from './commerce-ui';
import type { TWallet } from './commerce-types';
import { buttonClass, Card, describedBy, Field, inputClass } from './field';
import { WalletIcon } from './icons';
import { appErrorOf } from './trpc-error';
import { PageStepper } from './list-pagination';

const PAGE_SIZE = 20;
const DATE_TIME = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } as const;

const PAYOUT_TONE: Record<TWallet['payouts'][number]['status'], TPillTone> = {
  requested: 'amber',
  processing: 'sky',
  paid: 'green',
  failed: 'red',
  rejected: 'red',
};

/** Ledger kinds with words in messages `dashboard.wallet.ledger` (others show their code). */
const LEDGER_KINDS = new Set(['payment', 'release', 'refund', 'payout_hold', 'payout', 'payout_release', 'payout_failed', 'tip', 'tip_refund']);
const KYC_STATES = new Set(['unverified', 'pending', 'declined']);

/** The store's money: three balances, withdrawal (once KYC is approved), movements and payouts. */
export function WalletView({ storeId, initialData }: { storeId: string; initialData: TWallet }) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.wallet');
  const format = useFormatter();
  const formatMoney = useMoney();
  const signed = (n: number, currency: string) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatMoney(Math.abs(n), currency)}`;
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
    { label: t('available'), value: w.balances.available, hint: t('availableHint'), tone: 'border-emerald-200' },
    { label: t('pending'), value: w.balances.pending, hint: t('pendingHint') },
    { label: t('inTransit'), value: w.balances.inTransit, hint: t('inTransitHint') },
  ];

  return (
    <div className="space-y-5">
      <section aria-label={t('balances')}>
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
              <h2 className="text-base font-semibold text-zinc-900">{w.kycStatus === 'pending' ? t('kycPendingTitle') : t('kycTitle')}</h2>
              <p className="mt-1 text-sm text-zinc-600">{t(`kyc.${KYC_STATES.has(w.kycStatus) ? (w.kycStatus as 'unverified' | 'pending' | 'declined') : 'unverified'}`)}</p>
              {/* A full prefetch: with Next 15.5's default (loading-boundary) prefetch, a tap that lands while that
                  prefetch is in flight can leave the navigation stuck on this page — the router fetches the rest
                  lazily and drops the patch when its tree moved meanwhile (server-patch-reducer). The full payload
                  commits in one step (e2e/trust/journey.spec.ts on phones, right after the page loads). */}
              <Link href={`/dashboard/tiendas/${storeId}/verificacion`} prefetch className={`${buttonClass.primary} mt-3`}>
                {w.kycStatus === 'pending' ? t('kycSee') : t('kycStart')}
              </Link>
            </div>
          </div>
        )}
      </Card>

      <section aria-labelledby="movimientos" className="space-y-3">
        <h2 id="movimientos" className="text-lg font-semibold text-zinc-900">
          {t('movements')}
        </h2>
        {w.transactions.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-8 text-center text-sm text-zinc-600">
            {t('noMovements')}
          </p>
        ) : (
          <div className={`transition-opacity ${query.isPlaceholderData ? 'opacity-60' : ''}`}>
            <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm">
              {w.transactions.map((tx) => (
                <li key={tx.id} className="flex items-start justify-between gap-3 p-3 sm:p-4">
                  <div className="min-w-0">
                    <p className="font-medium text-zinc-900">{LEDGER_KINDS.has(tx.kind) ? t(`ledger.${tx.kind as 'payment'}`) : tx.kind}</p>
                    {tx.memo ? <p className="truncate text-sm text-zinc-600">{tx.memo}</p> : null}
                    <p className="text-xs text-zinc-500">
                      <time dateTime={new Date(tx.createdAt).toISOString()}>{format.dateTime(new Date(tx.createdAt), DATE_TIME)}</time>
                      {tx.kind === 'release' ? t('released') : ''}
                    </p>
                  </div>
                  <p className={`shrink-0 font-semibold tabular-nums ${tx.amount > 0 ? 'text-emerald-700' : tx.amount < 0 ? 'text-zinc-900' : 'text-zinc-500'}`}>
                    {signed(tx.amount, c)}
                  </p>
                </li>
              ))}
            </ul>
            {pages > 1 ? (
              <nav aria-label={t('movementsPagination')} className="mt-3 flex justify-end">
                <PageStepper page={page} pages={pages} onPage={setPage} previous={t('previous')} next={t('next')} />
              </nav>
            ) : null}
          </div>
        )}
      </section>

      <section aria-labelledby="retiros" className="space-y-3">
        <h2 id="retiros" className="text-lg font-semibold text-zinc-900">
          {t('payouts')}
        </h2>
        {w.payouts.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-8 text-center text-sm text-zinc-600">{t('noPayouts')}</p>
        ) : (
          <ul className="divide-y divide-zinc-100 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm">
            {w.payouts.map((p) => {
              const tone = PAYOUT_TONE[p.status];
              const label = t(`payoutStatus.${p.status}`);
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
                    <p className="text-xs text-zinc-500">{format.dateTime(new Date(p.createdAt), DATE_TIME)}</p>
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
  const t = useTranslations('dashboard.wallet');
  const formatMoney = useMoney();
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
        setNotice({ tone: 'ok', text: t('requested') });
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
    if (minor === null || Number.isNaN(minor) || minor <= 0) fields.amount = t('enterAmount');
    else if (minor > available) fields.amount = t('youHave', { amount: formatMoney(available, currency) });
    if (!network) fields.network = t('chooseNetwork');
    if (!address.trim()) fields.address = t('enterAddress');
    setErrors(fields);
    if (Object.keys(fields).length) return;
    request.mutate({ storeId, amount: minor!, network: network as (typeof PAYOUT_NETWORKS)[number], address: address.trim() });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t('withdraw')}>
      <div>
        <h2 className="text-base font-semibold text-zinc-900">{t('withdraw')}</h2>
        <p className="mt-0.5 text-sm text-zinc-600">{t('withdrawText')}</p>
      </div>
      {notice ? (
        <Notice tone={notice.tone} onClose={() => setNotice(null)}>
          {notice.text}
          {reauth ? (
            <>
              {' '}
              <a className="font-semibold underline" href={`/ingresar?reauth=1&next=${encodeURIComponent(`/dashboard/tiendas/${storeId}/billetera`)}`}>
                {t('signInAgain')}
              </a>
            </>
          ) : null}
        </Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-amount`} label={t('amount')} error={err('amount')} hint={t('availableAmount', { amount: formatMoney(available, currency) })}>
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
              {t('all')}
            </button>
          </div>
        </Field>
        <Field id={`${id}-network`} label={t('networkLabel')} error={err('network')}>
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
            <option value="">{t('choose')}</option>
            {PAYOUT_NETWORKS.map((n) => (
              <option key={n} value={n}>
                {t(`network.${n}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id={`${id}-address`} label={t('address')} error={err('address')} hint={network === 'USDT-ERC20' ? t('erc20Hint') : network === 'USDT-TRC20' ? t('trc20Hint') : undefined}>
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
        {request.isPending ? t('requesting') : t('withdraw')}
      </button>
    </form>
  );
}
