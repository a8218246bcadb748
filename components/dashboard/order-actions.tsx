'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { useMoney } from '@/components/ui/use-money';
import { minorToMajorText, MoneyInput, parseMajorToMinor } from '@/components/ui/money-input';
import { CARRIERS, ZFulfillOrderInput } from '@/server/services/orders/seller-order-schemas';
import { Notice } from './commerce-ui';
import { ConfirmAction } from './confirm-action';
import { buttonClass, describedBy, Field, inputClass } from './field';
import { TruckIcon } from './icons';
import { appErrorOf, issuesToFields } from './trpc-error';

type Props = {
  storeId: string;
  order: {
    id: string;
    number: number;
    status: string;
    deliveryKind: string;
    total: number;
    refundedAmount: number;
    currency: string;
  };
};

/** What the seller can do with the order now: ship, mark delivered, cancel (unpaid) or refund (paid). */
export function OrderActions({ storeId, order }: Props) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.orderActions');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // While the page re-renders with the order's new state, the old state's forms stay hidden (no second submit).
  const [refreshing, startRefresh] = useTransition();
  const after = (text: string) => () => {
    setError(null);
    setDone(text);
    startRefresh(() => router.refresh());
  };
  const onError = (err: unknown) => {
    setDone(null);
    setError(appErrorOf(err).message);
    // Someone else may have moved the order: show its real state.
    startRefresh(() => router.refresh());
  };
  const deliver = useMutation(
    trpc.sellerOrder.markDelivered.mutationOptions({
      onSuccess: after(t('delivered')),
      onError,
    }),
  );
  const cancel = useMutation(
    trpc.sellerOrder.cancel.mutationOptions({
      onSuccess: after(t('cancelled')),
      onError,
    }),
  );
  const pickup = order.deliveryKind === 'pickup';
  const refundable = ['paid', 'fulfilled', 'delivered'].includes(order.status) && order.refundedAmount < order.total;

  return (
    <div className="space-y-4">
      {done ? (
        <Notice tone="ok" onClose={() => setDone(null)}>
          {done}
        </Notice>
      ) : null}
      {error ? (
        <Notice tone="error" onClose={() => setError(null)}>
          {error}
        </Notice>
      ) : null}

      {refreshing ? (
        <p role="status" className="text-sm text-zinc-600">
          {t('updating')}
        </p>
      ) : null}
      {refreshing ? null : (
        <>
          {order.status === 'paid' && !pickup ? (
            <ShipForm
              storeId={storeId}
              orderId={order.id}
              onShipped={after(t('shipped'))}
              onError={onError}
            />
          ) : null}

          {order.status === 'fulfilled' || (order.status === 'paid' && pickup) ? (
            <div className="space-y-2">
              <p className="text-sm text-zinc-700">
                {pickup ? t('pickedUpQ') : t('arrivedQ')}
              </p>
              <button
                type="button"
                disabled={deliver.isPending}
                onClick={() => deliver.mutate({ storeId, orderId: order.id })}
                className={`${buttonClass.primary} w-full sm:w-auto`}
              >
                {deliver.isPending ? t('saving') : pickup ? t('markPickedUp') : t('markDelivered')}
              </button>
            </div>
          ) : null}

          {order.status === 'pending_payment' ? (
            <div className="space-y-2">
              <p className="text-sm text-zinc-700">{t('unpaid')}</p>
              <ConfirmAction
                label={cancel.isPending ? t('cancelling') : t('cancelOrder')}
                question={t('cancelQ', { number: order.number })}
                confirmLabel={t('yesCancel')}
                busy={cancel.isPending}
                className={buttonClass.danger}
                onConfirm={() => cancel.mutate({ storeId, orderId: order.id })}
              />
            </div>
          ) : null}

          {refundable ? (
            <RefundForm
              storeId={storeId}
              order={order}
              onRefunded={after(t('refundedDone'))}
              onError={onError}
            />
          ) : null}

          {['delivered', 'cancelled', 'expired', 'refunded'].includes(order.status) && !refundable ? (
            <p className="text-sm text-zinc-600">{t('closed')}</p>
          ) : null}
        </>
      )}
    </div>
  );
}

function ShipForm({
  storeId,
  orderId,
  onShipped,
  onError,
}: {
  storeId: string;
  orderId: string;
  onShipped: () => void;
  onError: (e: unknown) => void;
}) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.orderActions');
  const id = useId();
  const [carrier, setCarrier] = useState<string>('');
  const [carrierName, setCarrierName] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [trackingUrl, setTrackingUrl] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fulfill = useMutation(
    trpc.sellerOrder.fulfill.mutationOptions({
      onSuccess: onShipped,
      onError: (err) => {
        const info = appErrorOf(err);
        if (Object.keys(info.fields).length) setErrors(info.fields);
        else onError(err);
      },
    }),
  );
  const clear = (k: string) => setErrors((e) => (e[k] ? Object.fromEntries(Object.entries(e).filter(([key]) => key !== k)) : e));
  const err = (k: string) => errors[k];

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = {
      storeId,
      orderId,
      carrier: carrier as (typeof CARRIERS)[number],
      carrierName: carrier === 'Otro' ? carrierName : undefined,
      trackingNumber,
      trackingUrl,
    };
    const parsed = ZFulfillOrderInput.safeParse(input);
    if (!parsed.success) {
      const fields = issuesToFields(parsed.error.issues);
      setErrors(fields);
      document.getElementById(`${id}-${Object.keys(fields)[0]}`)?.focus();
      return;
    }
    fulfill.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t('ship')}>
      <div className="flex items-center gap-2">
        <TruckIcon className="size-5 text-violet-600" />
        <h3 className="text-base font-semibold text-zinc-900">{t('ship')}</h3>
      </div>
      <Field id={`${id}-carrier`} label={t('carrier')} error={err('carrier')}>
        <select
          id={`${id}-carrier`}
          value={carrier}
          onChange={(e) => {
            setCarrier(e.target.value);
            clear('carrier');
          }}
          className={inputClass}
          aria-invalid={err('carrier') ? true : undefined}
          aria-describedby={describedBy(`${id}-carrier`, {
            error: err('carrier'),
          })}
        >
          <option value="">{t('choose')}</option>
          {CARRIERS.map((c) => (
            <option key={c} value={c}>
              {c === 'Otro' ? t('other') : c}
            </option>
          ))}
        </select>
      </Field>
      {carrier === 'Otro' ? (
        <Field id={`${id}-carrierName`} label={t('carrierName')} error={err('carrierName')}>
          <input
            id={`${id}-carrierName`}
            value={carrierName}
            onChange={(e) => {
              setCarrierName(e.target.value);
              clear('carrierName');
            }}
            maxLength={60}
            className={inputClass}
            aria-invalid={err('carrierName') ? true : undefined}
            aria-describedby={describedBy(`${id}-carrierName`, {
              error: err('carrierName'),
            })}
          />
        </Field>
      ) : null}
      <Field id={`${id}-trackingNumber`} label={t('trackingNumber')} error={err('trackingNumber')}>
        <input
          id={`${id}-trackingNumber`}
          value={trackingNumber}
          onChange={(e) => {
            setTrackingNumber(e.target.value);
            clear('trackingNumber');
          }}
          maxLength={80}
          autoComplete="off"
          className={inputClass}
          aria-invalid={err('trackingNumber') ? true : undefined}
          aria-describedby={describedBy(`${id}-trackingNumber`, {
            error: err('trackingNumber'),
          })}
        />
      </Field>
      <Field
        id={`${id}-trackingUrl`}
        label={t('trackingUrl')}
        optional
        error={err('trackingUrl')}
        hint={t('trackingUrlHint')}
      >
        <input
          id={`${id}-trackingUrl`}
          type="url"
          inputMode="url"
          value={trackingUrl}
          onChange={(e) => {
            setTrackingUrl(e.target.value);
            clear('trackingUrl');
          }}
          placeholder="https://"
          className={inputClass}
          aria-invalid={err('trackingUrl') ? true : undefined}
          aria-describedby={describedBy(`${id}-trackingUrl`, {
            hint: true,
            error: err('trackingUrl'),
          })}
        />
      </Field>
      <button type="submit" disabled={fulfill.isPending} className={`${buttonClass.primary} w-full sm:w-auto`}>
        {fulfill.isPending ? t('saving') : t('markShipped')}
      </button>
    </form>
  );
}

function RefundForm({
  storeId,
  order,
  onRefunded,
  onError,
}: {
  storeId: string;
  order: Props['order'];
  onRefunded: () => void;
  onError: (e: unknown) => void;
}) {
  const trpc = useTRPC();
  const t = useTranslations('dashboard.orderActions');
  const formatMoney = useMoney();
  const id = useId();
  const left = order.total - order.refundedAmount;
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState(minorToMajorText(left, order.currency));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  // One key per opened form: a double click or a retry after a timeout records one refund.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const refund = useMutation(
    trpc.sellerOrder.refund.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        setKey(crypto.randomUUID());
        onRefunded();
      },
      onError: (err) => {
        const info = appErrorOf(err);
        if (info.fields.amount || info.appCode === 'BAD_REQUEST') setError(info.fields.amount ?? info.message);
        else onError(err);
      },
    }),
  );
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={`${buttonClass.secondary} w-full sm:w-auto`}>
        {t('refund')}
      </button>
    );
  }
  function submit(e: React.FormEvent) {
    e.preventDefault();
    const minor = parseMajorToMinor(amount, order.currency);
    if (minor === null || Number.isNaN(minor) || minor <= 0 || minor > left) {
      setError(t('refundRange', { min: formatMoney(1, order.currency), max: formatMoney(left, order.currency) }));
      return;
    }
    setError(null);
    refund.mutate({
      storeId,
      orderId: order.id,
      amount: minor,
      reason,
      idempotencyKey: key,
    });
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-2xl border border-zinc-200 bg-zinc-50 p-3" aria-label={t('refundOrder')}>
      <h3 className="text-base font-semibold text-zinc-900">{t('refund')}</h3>
      <p className="text-sm text-zinc-600">{t('refundText')}</p>
      <Field id={`${id}-amount`} label={t('amount')} error={error ?? undefined} hint={t('upTo', { amount: formatMoney(left, order.currency) })}>
        <MoneyInput
          id={`${id}-amount`}
          currency={order.currency}
          value={amount}
          onChange={(e) => {
            setAmount(e.target.value);
            setError(null);
          }}
          invalid={Boolean(error)}
          aria-describedby={describedBy(`${id}-amount`, {
            hint: true,
            error: error ?? undefined,
          })}
        />
      </Field>
      <Field id={`${id}-reason`} label={t('reason')} optional>
        <input
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={300}
          className={inputClass}
          placeholder={t('reasonPlaceholder')}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={refund.isPending} className={buttonClass.danger}>
          {refund.isPending ? t('recording') : t('confirmRefund')}
        </button>
        <button type="button" onClick={() => setOpen(false)} className={buttonClass.ghost}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
