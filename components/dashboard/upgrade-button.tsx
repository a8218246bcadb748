'use client';

import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { buttonClass } from './field';
import { appErrorOf } from './trpc-error';

/**
 * Starts paying a month of the plan (an upgrade, or a renewal that starts where the paid time ends) and sends the
 * browser to the payment page; the provider brings it back to /dashboard/plan?pago=…
 */
export function UpgradeButton({ planName, renew = false }: { planName: string; renew?: boolean }) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.plan');
  const locale = useLocale() === 'en' ? 'en' : 'es';
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const upgrade = useMutation(
    trpc.billing.upgrade.mutationOptions({
      onMutate: () => setError(null),
      onSuccess: ({ paymentUrl }) => {
        setLeaving(true);
        window.location.assign(paymentUrl);
      },
      onError: (err) => setError(appErrorOf(err).message),
    }),
  );
  const busy = upgrade.isPending || leaving;
  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={() => upgrade.mutate({ locale })}
        disabled={busy}
        aria-describedby={error ? errorId : undefined}
        className={`${renew ? buttonClass.secondary : buttonClass.primary} w-full`}
      >
        {busy ? t('opening') : renew ? t('renew', { plan: planName }) : t('upgradeTo', { plan: planName })}
      </button>
      {error ? (
        <p id={errorId} role="alert" className="rounded-xl border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {error}
        </p>
      ) : null}
    </div>
  );
}
