import { AskSellerLink } from '@/components/chat/ask-seller-link';
import Image from 'next/image';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useMoney } from '@/components/ui/use-money';
import type { BuyerOrder } from '@/server/services/orders/get-buyer-order';
import { OrderStatusBadge } from './order-status-badge';
import { isKnownEvent, orderDateFormat } from './order-words';

function Row({ label, value, strong = false, tone }: { label: string; value: string; strong?: boolean; tone?: string }) {
  return (
    <div className={`flex justify-between ${strong ? 'font-semibold text-zinc-900' : 'text-zinc-600'} ${tone ?? ''}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

/** A buyer's order: status, what was bought, totals, delivery, tracking, timeline and receipt. */
export function OrderDetail({ order }: { order: BuyerOrder }) {
  const t = useTranslations('orders');
  const format = useFormatter();
  const formatMoney = useMoney();
  const money = (n: number) => formatMoney(n, order.currency);
  const orderDate = (d: Date | string, withTime?: boolean) => format.dateTime(new Date(d), orderDateFormat(withTime));
  const a = order.shippingAddress;
  return (
    <article className="space-y-5">
      <header>
        <p className="text-sm text-zinc-500">{orderDate(order.createdAt, true)}</p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight text-zinc-900">{t('order', { number: order.number })}</h1>
          <OrderStatusBadge status={order.status} />
        </div>
        <p className="mt-1 text-sm text-zinc-600">
          {t.rich('from', {
            store: () => (
              <Link href={`/s/${order.store.slug}`} className="font-medium text-zinc-900 hover:underline">
                {order.store.name}
              </Link>
            ),
          })}
        </p>
      </header>

      {order.status === 'pending_payment' && order.paymentUrl && (
        <div className="rounded-2xl bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-inset ring-amber-200">
          <p>{order.checkoutStatus === 'partially_paid' ? t('partialPayment') : t('noPaymentYet')}</p>
          <a href={order.paymentUrl} className="mt-2 inline-flex h-11 items-center rounded-xl bg-violet-700 px-4 font-semibold text-white hover:bg-violet-800">
            {order.checkoutStatus === 'partially_paid' ? t('completePayment') : t('goPay')}
          </a>
        </div>
      )}

      {(order.carrier || order.trackingNumber) && (
        <section aria-labelledby="tracking-h" className="rounded-2xl border border-zinc-200 bg-white p-4 text-sm">
          <h2 id="tracking-h" className="font-semibold text-zinc-900">
            {t('tracking')}
          </h2>
          <p className="mt-1 text-zinc-700">
            {order.carrier && <span>{order.carrier}</span>}
            {order.trackingNumber && (
              <>
                {order.carrier ? ' · ' : ''}
                {t('trackingNumber')} <span className="font-mono">{order.trackingNumber}</span>
              </>
            )}
          </p>
          {order.trackingUrl && (
            <a href={order.trackingUrl} target="_blank" rel="noopener noreferrer" className="mt-2 inline-block font-semibold text-violet-700 hover:underline">
              {t('track')}
            </a>
          )}
        </section>
      )}

      <section aria-labelledby="items-h" className="rounded-2xl border border-zinc-200 bg-white">
        <h2 id="items-h" className="border-b border-zinc-100 px-4 py-3 font-semibold text-zinc-900">
          {t('products')}
        </h2>
        <ul className="divide-y divide-zinc-100 px-4">
          {order.items.map((i) => (
            <li key={i.id} className="flex items-center gap-3 py-3 text-sm">
              <span className="relative size-14 shrink-0 overflow-hidden rounded-xl bg-zinc-100">
                {i.imageUrl && <Image src={i.imageUrl} alt="" fill sizes="56px" className="object-cover" />}
              </span>
              <span className="min-w-0 flex-1">
                {i.productSlug ? (
                  <Link href={`/s/${order.store.slug}/p/${i.productSlug}`} className="line-clamp-2 font-medium text-zinc-900 hover:underline">
                    {i.title}
                  </Link>
                ) : (
                  <span className="line-clamp-2 font-medium text-zinc-900">{i.title}</span>
                )}
                <span className="block text-xs text-zinc-500">
                  {Object.values(i.options).join(' · ')}
                  {Object.keys(i.options).length ? ' · ' : ''}
                  {i.qty} × {money(i.unitPrice)}
                </span>
              </span>
              <span className="font-semibold tabular-nums text-zinc-900">{money(i.lineTotal)}</span>
            </li>
          ))}
        </ul>
        <dl className="space-y-1 border-t border-zinc-100 px-4 py-3 text-sm">
          <Row label={t('subtotal')} value={money(order.subtotal)} />
          {order.discount > 0 && <Row label={order.couponCode ? t('discountWithCode', { code: order.couponCode }) : t('discount')} value={`−${money(order.discount)}`} tone="text-emerald-700" />}
          <Row label={t('shipping')} value={order.shippingFee === 0 ? t('free') : money(order.shippingFee)} />
          <Row label={t('total')} value={money(order.total)} strong />
          {order.refundedAmount > 0 && <Row label={t('refunded')} value={`−${money(order.refundedAmount)}`} tone="text-rose-700" />}
        </dl>
      </section>

      <section aria-labelledby="delivery-h" className="rounded-2xl border border-zinc-200 bg-white p-4 text-sm">
        <h2 id="delivery-h" className="font-semibold text-zinc-900">
          {t('delivery')}
        </h2>
        <p className="mt-1 text-zinc-800">{order.delivery.label}</p>
        {order.delivery.details && <p className="text-zinc-600">{order.delivery.kind === 'pickup' ? t('pickupAt', { details: order.delivery.details }) : order.delivery.details}</p>}
        {a && (
          <address className="mt-2 not-italic text-zinc-700">
            {a.line1}
            {a.line2 ? `, ${a.line2}` : ''}
            <br />
            {[a.city, a.region, a.postalCode].filter(Boolean).join(', ')} · {a.country}
            {a.notes && <span className="mt-1 block text-zinc-500">“{a.notes}”</span>}
          </address>
        )}
        <p className="mt-2 text-zinc-600">
          {order.contact.name} · {order.contact.email}
          {order.contact.phone ? ` · ${order.contact.phone}` : ''}
        </p>
      </section>

      {order.events.length > 0 && (
        <section aria-labelledby="timeline-h" className="rounded-2xl border border-zinc-200 bg-white p-4 text-sm">
          <h2 id="timeline-h" className="font-semibold text-zinc-900">
            {t('history')}
          </h2>
          <ol className="mt-3 space-y-3 border-l-2 border-zinc-200 pl-4">
            {order.events.map((e, idx) => (
              <li key={`${e.kind}-${idx}`} className="relative">
                <span className="absolute -left-[1.4rem] top-1 size-3 rounded-full bg-violet-600 ring-2 ring-white" aria-hidden="true" />
                <p className="font-medium text-zinc-900">{isKnownEvent(e.kind) ? t(`event.${e.kind}`) : t('update')}</p>
                <p className="text-xs text-zinc-500">{orderDate(e.at, true)}</p>
              </li>
            ))}
          </ol>
        </section>
      )}

      <div className="flex flex-wrap gap-3">
        {order.receiptUrl && (
          <a href={order.receiptUrl} className="inline-flex h-11 items-center rounded-xl border border-zinc-300 bg-white px-4 text-sm font-semibold text-zinc-900 hover:bg-zinc-50" download>
            {t('receipt')}
          </a>
        )}
        {order.store.whatsapp && (
          <a
            href={`https://wa.me/${order.store.whatsapp.replace(/\D/g, '')}?text=${encodeURIComponent(t('whatsappText', { store: order.store.name, number: order.number }))}`}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex h-11 items-center rounded-xl bg-emerald-700 px-4 text-sm font-semibold text-white hover:bg-emerald-800"
          >
            {t('writeStore')}
          </a>
        )}
        <AskSellerLink storeId={order.store.id} orderId={order.id} label={t('askAbout')} className="inline-flex h-11 items-center gap-2 rounded-xl border border-violet-200 bg-white px-4 text-sm font-semibold text-violet-700 hover:bg-violet-50" />
      </div>
    </article>
  );
}
