import { formatMoney } from '@/components/ui/money';
import { Card } from './field';
import { plural, upgradeMessage, usageLevel } from './plan-copy';
import type { TPlanUsage } from './types';
import { UpgradeButton } from './upgrade-button';
import { UsageBar } from './usage-bar';

/** Current plan with usage, then every plan side by side (from plan.usage → plans). */
export function PlanOverview({ data }: { data: TPlanUsage }) {
  const { plan, usage, plans } = data;
  const upgrade = upgradeMessage(plans, plan.code);
  const levels = [usageLevel(usage.activeProducts, plan.limits.activeProducts), usageLevel(usage.stores, plan.limits.stores)];
  const pressing = levels.some((l) => l !== 'ok');
  const full = levels.includes('full');
  const current = plans.findIndex((p) => p.code === plan.code);
  return (
    <div className="space-y-6">
      <Card className="space-y-4">
        <div>
          <p className="text-sm text-zinc-600">Tu plan actual</p>
          <h2 className="text-2xl font-bold text-violet-700">{plan.nameEs}</h2>
        </div>
        <UsageBar label="productos activos" usage={usage.activeProducts} limit={plan.limits.activeProducts} />
        <UsageBar label={plan.limits.stores === 1 ? 'tienda' : 'tiendas'} usage={usage.stores} limit={plan.limits.stores} />
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
                  {isCurrent ? (
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
