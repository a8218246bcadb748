import type { inferRouterOutputs } from '@trpc/server';
import { useFormatter, useTranslations } from 'next-intl';
import { useMoney } from '@/components/ui/use-money';
import type { AppRouter } from '@/server/trpc/root';
import { Card } from './field';
import { RefreshWhilePending } from './payment-return';
import { usePlanCopy, usageLevel } from './plan-copy';
import type { TPlanUsage } from './types';
import { UpgradeButton } from './upgrade-button';
import { UsageBar } from './usage-bar';

export type TBillingStatus = inferRouterOutputs<AppRouter>['billing']['status'];

/** "12 de noviembre de 2026" / "November 12, 2026" (billing periods are whole UTC days). */
function useFormatDay() {
  const format = useFormatter();
  return (d: Date | string) => format.dateTime(new Date(d), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Current plan with usage, then every plan side by side (from plan.usage → plans), with billing state from billing.status. */
export function PlanOverview({ data, billing }: { data: TPlanUsage; billing: TBillingStatus }) {
  const t = useTranslations('dashboard.planPage');
  const copy = usePlanCopy();
  const formatMoney = useMoney();
  const formatDay = useFormatDay();
  const { plan, usage, plans } = data;
  const renewable = plan.code !== 'free' && billing.activePeriod !== null;
  const upgrade = copy.upgradeMessage(plans, plan.code);
  const levels = [usageLevel(usage.activeProducts, plan.limits.activeProducts), usageLevel(usage.stores, plan.limits.stores)];
  const pressing = levels.some((l) => l !== 'ok');
  const full = levels.includes('full');
  const current = plans.findIndex((p) => p.code === plan.code);
  return (
    <div className="space-y-6">
      <PaymentStatus billing={billing} />
      <Card className="space-y-4">
        <div>
          <p className="text-sm text-zinc-600">{t('current')}</p>
          <h2 className="text-2xl font-bold text-violet-700">{copy.planName(plan)}</h2>
          {billing.activePeriod ? (
            <p className="mt-1 text-sm text-zinc-700">
              {t.rich('activeUntil', { date: formatDay(billing.activePeriod.end), b: (chunks) => <span className="font-semibold">{chunks}</span> })}
              {billing.paidUntil && new Date(billing.paidUntil) > new Date(billing.activePeriod.end) ? t('renewedUntil', { date: formatDay(billing.paidUntil) }) : null}
              .
            </p>
          ) : null}
        </div>
        <ReadOnlyNotice stores={billing.readOnly.stores} products={billing.readOnly.products} />
        <UsageBar resource="activeProducts" usage={usage.activeProducts} limit={plan.limits.activeProducts} />
        <UsageBar resource="stores" usage={usage.stores} limit={plan.limits.stores} />
        <p className="text-sm text-zinc-600">{t('photos', { formatted: copy.count(plan.limits.photosPerProduct), count: plan.limits.photosPerProduct })}</p>
        {upgrade ? (
          <p className={`rounded-xl p-3 text-sm ${pressing ? 'bg-amber-50 text-amber-950' : 'bg-violet-50 text-violet-950'}`}>
            {full ? t('atLimit') : pressing ? t('nearLimit') : ''}
            <span className="font-semibold">{upgrade}.</span>
          </p>
        ) : null}
      </Card>

      <section aria-labelledby="planes-titulo" className="space-y-3">
        <h2 id="planes-titulo" className="text-lg font-semibold text-zinc-900">
          {t('plans')}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {plans.map((p, i) => {
            const isCurrent = p.code === plan.code;
            return (
              <li
                key={p.code}
                className={`flex flex-col rounded-2xl border bg-white p-5 shadow-sm ${isCurrent ? 'border-zinc-300' : 'border-violet-300 ring-1 ring-violet-200'}`}
                aria-current={isCurrent ? 'true' : undefined}
              >
                <div className="flex items-start justify-between gap-2">
                  <h3 className="text-lg font-bold text-zinc-900">{copy.planName(p)}</h3>
                  {isCurrent ? (
                    <span className="rounded-full bg-zinc-100 px-2.5 py-1 text-xs font-medium text-zinc-700">{t('yourPlan')}</span>
                  ) : i > current ? (
                    <span className="rounded-full bg-violet-100 px-2.5 py-1 text-xs font-medium text-violet-800">
                      {t('recommended')}
                    </span>
                  ) : null}
                </div>
                <p className="mt-2">
                  <span className="text-3xl font-bold tabular-nums text-zinc-900">{formatMoney(p.monthlyPrice, p.currency)}</span>
                  <span className="text-sm text-zinc-600">{t('perMonth')}</span>
                </p>
                <ul className="mt-4 flex-1 space-y-2 text-sm text-zinc-800">
                  <Feature>{copy.stores(p.limits.stores)}</Feature>
                  <Feature>{copy.activeProducts(p.limits.activeProducts)}</Feature>
                  <Feature>{t('photosFeature', { formatted: copy.count(p.limits.photosPerProduct), count: p.limits.photosPerProduct })}</Feature>
                  <Feature>{t('variantsFeature')}</Feature>
                </ul>
                <div className="mt-5">
                  {isCurrent && renewable ? (
                    <UpgradeButton planName={copy.planName(p)} renew />
                  ) : isCurrent ? (
                    <p className="flex min-h-11 items-center justify-center rounded-xl bg-zinc-50 text-sm font-medium text-zinc-600">
                      {t('currentPlan')}
                    </p>
                  ) : i > current ? (
                    <UpgradeButton planName={copy.planName(p)} />
                  ) : (
                    <p className="text-center text-sm text-zinc-500">{t('included')}</p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

/** What happened to the payment the seller just came back from (?pago=…), or a payment still open. */
function PaymentStatus({ billing }: { billing: TBillingStatus }) {
  const t = useTranslations('dashboard.planPage');
  const formatMoney = useMoney();
  const formatDay = useFormatDay();
  const r = billing.returned;
  if (r?.state === 'confirmed') {
    return (
      <div role="status" className="rounded-2xl border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
        <p className="font-semibold">{t('confirmed')}</p>
        <p className="mt-1">
          {r.periodEnd ? t('activeUntilText', { date: formatDay(r.periodEnd) }) : t('activeNow')} {t('editableAgain')}
        </p>
      </div>
    );
  }
  if (r?.state === 'pending') {
    return (
      <div role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
        <p className="font-semibold">{t('pending')}</p>
        <p className="mt-1">{t('pendingText')}</p>
        {billing.pendingCheckout?.paymentUrl ? (
          <a className="mt-2 inline-block font-semibold underline" href={billing.pendingCheckout.paymentUrl}>
            {t('backToPayment')}
          </a>
        ) : null}
        <RefreshWhilePending />
      </div>
    );
  }
  if (r?.state === 'review') {
    return (
      <div role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
        <p className="font-semibold">{t('review')}</p>
        <p className="mt-1">{t('reviewText')}</p>
      </div>
    );
  }
  if (r?.state === 'failed') {
    return (
      <div role="status" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-sm text-red-950">
        <p className="font-semibold">{t('failed')}</p>
        <p className="mt-1">{t('failedText')}</p>
      </div>
    );
  }
  if (billing.pendingCheckout?.paymentUrl) {
    return (
      <div role="status" className="rounded-2xl border border-violet-200 bg-violet-50 p-4 text-sm text-violet-950">
        <p className="font-semibold">{t('openPayment', { amount: formatMoney(billing.pendingCheckout.amount, billing.pendingCheckout.currency) })}</p>
        <a className="mt-1 inline-block font-semibold underline" href={billing.pendingCheckout.paymentUrl}>
          {t('continuePayment')}
        </a>
      </div>
    );
  }
  return null;
}

/** After a downgrade: what stays visible and on sale but cannot be edited. */
function ReadOnlyNotice({ stores, products }: { stores: number; products: number }) {
  const t = useTranslations('dashboard.planPage');
  const copy = usePlanCopy();
  const format = useFormatter();
  if (!stores && !products) return null;
  const parts = [products ? copy.products(products) : null, stores ? copy.stores(stores) : null].filter((p): p is string => Boolean(p));
  return (
    <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-950">
      {t.rich('readOnly', {
        items: format.list(parts, { type: 'conjunction' }),
        total: products + stores,
        b: (chunks) => <span className="font-semibold">{chunks}</span>,
      })}
    </p>
  );
}

function Feature({ children }: { children: React.ReactNode }) {
  return (
    <li className="flex gap-2">
      <span aria-hidden="true" className="font-bold text-emerald-600">
        ✓
      </span>
      <span>{children}</span>
    </li>
  );
}
