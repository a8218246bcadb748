import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useMoney } from '@/components/ui/use-money';
import type { TOrderStatus } from '@/server/services/orders/seller-order-schemas';
import type { TSellerOrder } from './commerce-types';
import { Card } from './field';
import { OrderActions } from './order-actions';
import { OrderStatusBadge } from './order-status';
import { variantLabel } from './types';

const DATE_TIME = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' } as const;

/** Timeline kinds with words in messages `dashboard.order.event` (others show their code). */
const EVENTS = new Set(['placed', 'paid', 'payment_review', 'payment_partial', 'funds_released', 'fulfilled', 'delivered', 'cancelled', 'expired', 'refunded', 'partially_refunded']);

type OrderT = ReturnType<typeof useTranslations<'dashboard.order'>>;

function eventDetail(t: OrderT, money: (n: number) => string, e: TSellerOrder['events'][number]): string | null {
  const d = e.data as Record<string, unknown>;
  if (e.kind === 'fulfilled') return [d.carrier, d.trackingNumber].filter(Boolean).join(' · ') || null;
  if ((e.kind === 'refunded' || e.kind === 'partially_refunded') && typeof d.amount === 'number') {
    return `${money(d.amount)}${d.reason ? ` · ${String(d.reason)}` : ''}`;
  }
  if (e.kind === 'cancelled' && typeof d.releasedUnits === 'number' && d.releasedUnits > 0) {
    return t('unitsBack', { count: d.releasedUnits });
  }
  return null;
}

function actorLabel(t: OrderT, actor: string): string {
  if (actor.startsWith('user:')) return t('actor.store');
  if (actor === 'system') return t('actor.system');
  return t('actor.customer');
}

function Row({ label, children, strong }: { label: ReactNode; children: ReactNode; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-4 ${strong ? 'font-semibold text-zinc-900' : 'text-zinc-700'}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}

/** One order for the seller: what to do now first, then what was bought, money, buyer, delivery and timeline. */
export function OrderDetail({ storeId, order: o }: { storeId: string; order: TSellerOrder }) {
  const t = useTranslations('dashboard.order');
  const formatMoney = useMoney();
  const m = (n: number) => formatMoney(n, o.currency);
  const pickup = o.delivery.kind === 'pickup';
  const a = o.shippingAddress;
  return (
    <div className="flex flex-col gap-5 lg:grid lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-5">
        <Card className="order-2 lg:order-none">
          <h2 className="text-base font-semibold text-zinc-900">{t('products')}</h2>
          <ul className="mt-3 divide-y divide-zinc-100">
            {o.items.map((i) => (
              <li key={i.id} className="flex items-start justify-between gap-3 py-2.5">
                <div className="min-w-0">
                  <p className="font-medium text-zinc-900">{i.title}</p>
                  <p className="text-sm text-zinc-600">
                    {Object.keys(i.options).length ? `${variantLabel(i.options)} · ` : ''}
                    {i.qty} × {m(i.unitPrice)}
                    {i.sku ? <span className="text-zinc-500">{t('sku', { sku: i.sku })}</span> : null}
                  </p>
                </div>
                <p className="shrink-0 font-medium tabular-nums text-zinc-900">{m(i.lineTotal)}</p>
              </li>
            ))}
          </ul>
          <dl className="mt-3 space-y-1.5 border-t border-zinc-200 pt-3 text-sm">
            <Row label={t('subtotal')}>{m(o.subtotal)}</Row>
            {o.discount > 0 ? <Row label={o.couponCode ? t('discountWithCode', { code: o.couponCode }) : t('discount')}>−{m(o.discount)}</Row> : null}
            <Row label={o.delivery.label}>{o.shippingFee > 0 ? m(o.shippingFee) : t('free')}</Row>
            <Row label={t('totalPaid')} strong>
              {m(o.total)}
            </Row>
            {o.commission > 0 ? <Row label={t('commission')}>−{m(o.commission)}</Row> : null}
            {o.refundedAmount > 0 ? <Row label={t('refunded')}>−{m(o.refundedAmount)}</Row> : null}
            <div className="flex justify-between gap-4 rounded-xl bg-emerald-50 px-3 py-2 font-semibold text-emerald-900">
              <dt>{t('youReceive')}</dt>
              <dd className="tabular-nums">{m(o.net)}</dd>
            </div>
          </dl>
        </Card>

        <div className="order-3 grid gap-5 sm:grid-cols-2 lg:order-none">
          <Card>
            <h2 className="text-base font-semibold text-zinc-900">{t('customer')}</h2>
            <p className="mt-2 font-medium text-zinc-900">{o.contact.name}</p>
            <p className="mt-1 text-sm">
              <a href={`mailto:${o.contact.email}`} className="break-all text-violet-700 underline">
                {o.contact.email}
              </a>
            </p>
            {o.contact.phone ? (
              <p className="mt-1 text-sm">
                <a href={`tel:${o.contact.phone.replace(/[^\d+]/g, '')}`} className="text-violet-700 underline">
                  {o.contact.phone}
                </a>
              </p>
            ) : null}
          </Card>
          <Card>
            <h2 className="text-base font-semibold text-zinc-900">{pickup ? t('pickup') : t('shipping')}</h2>
            <p className="mt-2 text-sm font-medium text-zinc-900">{o.delivery.label}</p>
            {pickup ? (
              o.delivery.details ? <p className="mt-1 text-sm text-zinc-600">{o.delivery.details}</p> : null
            ) : a ? (
              <address className="mt-1 text-sm not-italic text-zinc-700">
                {a.line1}
                {a.line2 ? <>, {a.line2}</> : null}
                <br />
                {[a.city, a.region, a.postalCode].filter(Boolean).join(', ')} · {a.country}
                {a.notes ? <span className="mt-1 block text-zinc-500">{t('note', { note: a.notes })}</span> : null}
              </address>
            ) : (
              <p className="mt-1 text-sm text-zinc-500">{t('noAddress')}</p>
            )}
            {o.carrier ? (
              <p className="mt-2 text-sm text-zinc-700">
                {o.carrier} · <span className="font-mono">{o.trackingNumber}</span>
                {o.trackingUrl ? (
                  <>
                    {' '}
                    ·{' '}
                    <a href={o.trackingUrl} target="_blank" rel="noopener noreferrer" className="text-violet-700 underline">
                      {t('tracking')}
                    </a>
                  </>
                ) : null}
              </p>
            ) : null}
          </Card>
        </div>
      </div>

      <div className="contents lg:flex lg:flex-col lg:gap-5">
        <Card className="order-1 lg:order-none">
          <h2 className="sr-only">{t('actions')}</h2>
          <OrderActions
            storeId={storeId}
            order={{
              id: o.id,
              number: o.number,
              status: o.status,
              deliveryKind: o.delivery.kind,
              total: o.total,
              refundedAmount: o.refundedAmount,
              currency: o.currency,
            }}
          />
        </Card>
        <Card className="order-4 lg:order-none">
          <h2 className="text-base font-semibold text-zinc-900">{t('history')}</h2>
          <ol className="mt-3 space-y-3 border-l-2 border-zinc-200 pl-4">
            {o.events.some((e) => e.kind === 'placed') ? null : <TimelineItem at={o.createdAt} title={t('event.placed')} />}
            {o.events.map((e) => (
              <TimelineItem key={e.id} at={e.at} title={EVENTS.has(e.kind) ? t(`event.${e.kind as 'placed'}`) : e.kind} detail={eventDetail(t, m, e)} who={actorLabel(t, e.actor)} />
            ))}
          </ol>
        </Card>
      </div>
    </div>
  );
}

function TimelineItem({ at, title, detail, who }: { at: Date; title: string; detail?: string | null; who?: string }) {
  const format = useFormatter();
  return (
    <li className="relative">
      <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 size-2.5 rounded-full bg-violet-500 ring-4 ring-white" />
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {detail ? <p className="text-sm text-zinc-600">{detail}</p> : null}
      <p className="text-xs text-zinc-500">
        <time dateTime={new Date(at).toISOString()}>{format.dateTime(new Date(at), DATE_TIME)}</time>
        {who ? ` · ${who}` : ''}
      </p>
    </li>
  );
}

export function OrderTitle({ number, status, deliveryKind }: { number: number; status: TOrderStatus; deliveryKind: string }) {
  const t = useTranslations('dashboard.order');
  return (
    <span className="flex flex-wrap items-center gap-2">
      {t('order', { number })} <OrderStatusBadge status={status} deliveryKind={deliveryKind} />
    </span>
  );
}
