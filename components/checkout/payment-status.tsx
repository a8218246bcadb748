'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { appErrorOf } from '@/components/dashboard/trpc-error';
import { useTRPC } from '@/components/providers/trpc';
import { useMoney } from '@/components/ui/use-money';

const POLL_MS = 2000;

/** The page the payment provider sends the buyer back to: polls until the payment settles, then says what happened. */
export function PaymentStatus({ checkoutId, token }: { checkoutId: string; token?: string }) {
  const trpc = useTRPC();
  const t = useTranslations('checkout.status');
  const formatMoney = useMoney();
  const format = useFormatter();
  const time = (d: Date | string) => format.dateTime(new Date(d), { hour: '2-digit', minute: '2-digit' });
  const status = useQuery({
    ...trpc.checkout.status.queryOptions({ checkoutId, token }),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? POLL_MS : false),
    refetchIntervalInBackground: false,
    retry: 2,
    staleTime: 0,
  });

  if (status.isPending) {
    return <Panel icon="clock" title={t('checking')} tone="neutral" />;
  }
  if (status.isError) {
    const info = appErrorOf(status.error);
    return (
      <Panel icon="alert" title={info.code === 'NOT_FOUND' ? t('notFound') : t('checkFailed')} tone="neutral">
        <p>{info.code === 'NOT_FOUND' ? t('notFoundText') : info.message}</p>
        {info.code !== 'NOT_FOUND' && (
          <button type="button" className="mt-3 font-semibold underline" onClick={() => void status.refetch()}>
            {t('retry')}
          </button>
        )}
      </Panel>
    );
  }
  const s = status.data;
  const orderHref = (id: string) => `/pedidos/${id}${token ? `?t=${encodeURIComponent(token)}` : ''}`;
  const orders = (
    <ul className="mt-4 divide-y divide-zinc-100 rounded-2xl border border-zinc-200 bg-white text-left">
      {s.orders.map((o) => (
        <li key={o.id}>
          <Link href={orderHref(o.id)} className="flex items-center justify-between gap-3 px-4 py-3 hover:bg-zinc-50">
            <span>
              <span className="block font-medium text-zinc-900">{t('order', { number: o.number })}</span>
              <span className="text-sm text-zinc-600">{o.storeName}</span>
            </span>
            <span className="text-sm font-semibold tabular-nums text-zinc-900">{formatMoney(o.total, o.currency)} →</span>
          </Link>
        </li>
      ))}
    </ul>
  );

  switch (s.status) {
    case 'pending':
      return (
        <Panel icon="clock" title={t('pendingTitle')} tone="neutral">
          <p aria-live="polite">{t('pendingText', { time: time(s.expiresAt) })}</p>
          {s.paymentUrl && <PayLink href={s.paymentUrl} label={t('goPay')} />}
          {orders}
        </Panel>
      );
    case 'paid':
      return (
        <Panel icon="check" title={t('paidTitle')} tone="success">
          <p>{t('paidText')}</p>
          {orders}
        </Panel>
      );
    case 'partially_paid':
      return (
        <Panel icon="alert" title={t('partialTitle')} tone="warning">
          <p>
            {t('partialText', { paid: formatMoney(s.paidAmount, s.currency), amount: formatMoney(s.amount, s.currency), time: time(s.expiresAt) })}
          </p>
          {s.paymentUrl && <PayLink href={s.paymentUrl} label={t('completePayment')} />}
          {orders}
        </Panel>
      );
    case 'expired':
    case 'failed':
      return (
        <Panel icon="cross" title={s.status === 'expired' ? t('expiredTitle') : t('failedTitle')} tone="danger">
          {/* Checkout took the lines out of the cart and nothing puts them back: send the buyer to the store, not to an empty cart. */}
          <p>{t('releasedText')}</p>
          <div className="mt-4 flex flex-wrap justify-center gap-2">
            {(s.orders.length ? s.orders : [null]).map((o) => (
              <Link key={o?.id ?? 'home'} href={o ? `/s/${o.storeSlug}` : '/'} className="inline-flex h-11 items-center rounded-2xl bg-zinc-900 px-5 text-sm font-semibold text-white">
                {o ? t('backTo', { store: o.storeName }) : t('keepShopping')}
              </Link>
            ))}
          </div>
        </Panel>
      );
    case 'review':
      return (
        <Panel icon="clock" title={t('reviewTitle')} tone="warning">
          <p>{t('reviewText')}</p>
          {orders}
        </Panel>
      );
    case 'refunded':
      return (
        <Panel icon="alert" title={t('refundedTitle')} tone="neutral">
          <p>{t('refundedText')}</p>
          {orders}
        </Panel>
      );
  }
}

function PayLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} className="mt-4 inline-flex h-12 items-center rounded-2xl bg-violet-700 px-6 text-sm font-semibold text-white hover:bg-violet-800">
      {label}
    </a>
  );
}

const TONES = {
  neutral: 'bg-zinc-100 text-zinc-700',
  success: 'bg-emerald-100 text-emerald-800',
  warning: 'bg-amber-100 text-amber-800',
  danger: 'bg-rose-100 text-rose-800',
} as const;

const ICONS = {
  clock: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  alert: (
    <>
      <path d="M12 4 2.8 19.5h18.4L12 4Z" />
      <path d="M12 10v4.5M12 17.2v.1" />
    </>
  ),
  cross: <path d="M6 6l12 12M18 6 6 18" />,
} as const;

function Panel({ icon, title, tone, children }: { icon: keyof typeof ICONS; title: string; tone: keyof typeof TONES; children?: React.ReactNode }) {
  return (
    <section className="text-center" data-testid="payment-status">
      <span className={`mx-auto flex size-16 items-center justify-center rounded-full ${TONES[tone]}`} aria-hidden="true">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" className="size-8">
          {ICONS[icon]}
        </svg>
      </span>
      <h1 className="mt-4 text-2xl font-bold tracking-tight text-zinc-900">{title}</h1>
      <div className="mt-2 text-zinc-600">{children}</div>
    </section>
  );
}
