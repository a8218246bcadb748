import type { inferRouterOutputs } from '@trpc/server';
import { formatMoney } from '@/components/ui/money';
import type { AppRouter } from '@/server/trpc/root';
import { Card } from './field';
import { RefreshWhilePending } from './payment-return';
import { plural, upgradeMessage, usageLevel } from './plan-copy';
import type { TPlanUsage } from './types';
import { UpgradeButton } from './upgrade-button';
import { UsageBar } from './usage-bar';

export type TBillingStatus = inferRouterOutputs<AppRouter>['billing']['status'];

const longDate = new Intl.DateTimeFormat('es', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const formatDay = (d: Date | string) => longDate.format(new Date(d));

/** Current plan with usage, then every plan side by side (from plan.usage → plans), with billing state from billing.status. */
export function PlanOverview({ data, billing }: { data: TPlanUsage; billing: TBillingStatus }) {
  const { plan, usage, plans } = data;
  const renewable = plan.code !== 'free' && billing.activePeriod !== null;
  const upgrade = upgradeMessage(plans, plan.code);
  const levels = [usageLevel(usage.activeProducts, plan.limits.activeProducts), usageLevel(usage.stores, plan.limits.stores)];
  const pressing = levels.some((l) => l !== 'ok');
  const full = levels.includes('full');
  const current = plans.findIndex((p) => p.code === plan.code);
  return (
    <div className="space-y-6">
      <PaymentStatus billing={billing} />
      <Card className="space-y-4">
        <div>
          <p className="text-sm text-zinc-600">Tu plan actual</p>
          <h2 className="text-2xl font-bold text-violet-700">{plan.nameEs}</h2>
          {billing.activePeriod ? (
            <p className="mt-1 text-sm text-zinc-700">
              Activo hasta el <span className="font-semibold">{formatDay(billing.activePeriod.end)}</span>
              {billing.paidUntil && new Date(billing.paidUntil) > new Date(billing.activePeriod.end) ? (
                <> · renovado hasta el {formatDay(billing.paidUntil)}</>
              ) : null}
              .
            </p>
          ) : null}
        </div>
        <ReadOnlyNotice stores={billing.readOnly.stores} products={billing.readOnly.products} />
        <UsageBar resource="activeProducts" usage={usage.activeProducts} limit={plan.limits.activeProducts} />
        <UsageBar resource="stores" usage={usage.stores} limit={plan.limits.stores} />
        <p className="text-sm text-zinc-600">Hasta {plural(plan.limits.photosPerProduct, 'foto', 'fotos')} por producto.</p>
        {upgrade ? (
          <p className={`rounded-xl p-3 text-sm ${pressing ? 'bg-amber-50 text-amber-950' : 'bg-violet-50 text-violet-950'}`}>
            {full ? 'Llegaste a un límite de tu plan. ' : pressing ? 'Estás cerca del límite de tu plan. ' : ''}
            <span className="font-semibold">{upgrade}.</span>
          </p>
        ) : null}
      </Card>

      <section aria-labelledby="planes-titulo" className="space-y-3">
        <h2 id="planes-titulo" className="text-lg font-semibold text-zinc-900">
          Planes
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
                  <h3 className="text-lg font-bold text-zinc-900">{p.nameEs}</h3>
                  {isCurrent ? (
                    <span className="rounded-full bg-zinc-100 px-2.5 py-1 text-xs font-medium text-zinc-700">Tu plan</span>
                  ) : i > current ? (
                    <span className="rounded-full bg-violet-100 px-2.5 py-1 text-xs font-medium text-violet-800">
                      Recomendado
                    </span>
                  ) : null}
                </div>
                <p className="mt-2">
                  <span className="text-3xl font-bold tabular-nums text-zinc-900">{formatMoney(p.monthlyPrice, p.currency)}</span>
                  <span className="text-sm text-zinc-600"> / mes</span>
                </p>
                <ul className="mt-4 flex-1 space-y-2 text-sm text-zinc-800">
                  <Feature>{plural(p.limits.stores, 'tienda', 'tiendas')}</Feature>
                  <Feature>{plural(p.limits.activeProducts, 'producto activo', 'productos activos')}</Feature>
                  <Feature>{plural(p.limits.photosPerProduct, 'foto', 'fotos')} por producto</Feature>
                  <Feature>Variantes con stock propio, tienda con tu marca</Feature>
                </ul>
                <div className="mt-5">
                  {isCurrent && renewable ? (
                    <UpgradeButton planName={p.nameEs} renew />
                  ) : isCurrent ? (
                    <p className="flex min-h-11 items-center justify-center rounded-xl bg-zinc-50 text-sm font-medium text-zinc-600">
                      Plan actual
                    </p>
                  ) : i > current ? (
                    <UpgradeButton planName={p.nameEs} />
                  ) : (
                    <p className="text-center text-sm text-zinc-500">Incluido en tu plan actual.</p>
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
  const r = billing.returned;
  if (r?.state === 'confirmed') {
    return (
      <div role="status" className="rounded-2xl border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
        <p className="font-semibold">Pago confirmado.</p>
        <p className="mt-1">{r.periodEnd ? `Tu plan está activo hasta el ${formatDay(r.periodEnd)}.` : 'Tu plan ya está activo.'} Todo vuelve a ser editable.</p>
      </div>
    );
  }
  if (r?.state === 'pending') {
    return (
      <div role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
        <p className="font-semibold">Pago pendiente.</p>
        <p className="mt-1">Lo confirmaremos apenas llegue; esta página se actualiza sola. No hace falta pagar de nuevo.</p>
        {billing.pendingCheckout?.paymentUrl ? (
          <a className="mt-2 inline-block font-semibold underline" href={billing.pendingCheckout.paymentUrl}>
            Volver a la página de pago
          </a>
        ) : null}
        <RefreshWhilePending />
      </div>
    );
  }
  if (r?.state === 'review') {
    return (
      <div role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
        <p className="font-semibold">Recibimos tu pago, pero necesita una revisión.</p>
        <p className="mt-1">El monto o el plazo no coincidieron. Nuestro equipo lo revisa y te escribimos por correo; no pagues de nuevo.</p>
      </div>
    );
  }
  if (r?.state === 'failed') {
    return (
      <div role="status" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-sm text-red-950">
        <p className="font-semibold">El pago no se completó.</p>
        <p className="mt-1">El plazo venció o el pago fue rechazado. No se te cobró nada; puedes intentarlo de nuevo.</p>
      </div>
    );
  }
  if (billing.pendingCheckout?.paymentUrl) {
    return (
      <div role="status" className="rounded-2xl border border-violet-200 bg-violet-50 p-4 text-sm text-violet-950">
        <p className="font-semibold">Tienes un pago pendiente de {formatMoney(billing.pendingCheckout.amount, billing.pendingCheckout.currency)}.</p>
        <a className="mt-1 inline-block font-semibold underline" href={billing.pendingCheckout.paymentUrl}>
          Continuar el pago
        </a>
      </div>
    );
  }
  return null;
}

/** After a downgrade: what stays visible and on sale but cannot be edited. */
function ReadOnlyNotice({ stores, products }: { stores: number; products: number }) {
  if (!stores && !products) return null;
  const parts = [
    products ? plural(products, 'producto', 'productos') : null,
    stores ? plural(stores, 'tienda', 'tiendas') : null,
  ].filter(Boolean);
  return (
    <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-950">
      Al volver al plan Gratis, {parts.join(' y ')} {products + stores === 1 ? 'quedó' : 'quedaron'} en solo lectura: siguen
      visibles y a la venta, pero no puedes editarlos. <span className="font-semibold">Mejora a Pro para editarlos de nuevo.</span>
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
