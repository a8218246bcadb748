'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { formatMoney } from '@/components/ui/money';
import { minorToMajorText, MoneyInput, parseMajorToMinor } from '@/components/ui/money-input';
import { CARRIERS, ZFulfillOrderInput } from '@/server/services/orders/seller-order-schemas';
import { ConfirmAction, Notice } from './commerce-ui';
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
      onSuccess: after('Pedido marcado como entregado. El dinero pasa a disponible en unos minutos.'),
      onError,
    }),
  );
  const cancel = useMutation(
    trpc.sellerOrder.cancel.mutationOptions({
      onSuccess: after('Pedido cancelado. Las unidades reservadas volvieron a tu stock.'),
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
          Actualizando el pedido…
        </p>
      ) : null}
      {refreshing ? null : (
        <>
          {order.status === 'paid' && !pickup ? (
            <ShipForm
              storeId={storeId}
              orderId={order.id}
              onShipped={after('Pedido enviado. Le avisamos a tu cliente por correo con el seguimiento.')}
              onError={onError}
            />
          ) : null}

          {order.status === 'fulfilled' || (order.status === 'paid' && pickup) ? (
            <div className="space-y-2">
              <p className="text-sm text-zinc-700">
                {pickup ? '¿Tu cliente ya recogió el pedido?' : '¿El pedido llegó? Al marcarlo como entregado, el dinero pasa a disponible.'}
              </p>
              <button
                type="button"
                disabled={deliver.isPending}
                onClick={() => deliver.mutate({ storeId, orderId: order.id })}
                className={`${buttonClass.primary} w-full sm:w-auto`}
              >
                {deliver.isPending ? 'Guardando…' : pickup ? 'Marcar como recogido' : 'Marcar como entregado'}
              </button>
            </div>
          ) : null}

          {order.status === 'pending_payment' ? (
            <div className="space-y-2">
              <p className="text-sm text-zinc-700">Tu cliente aún no paga. Si no lo hará, cancela el pedido para liberar el stock reservado.</p>
              <ConfirmAction
                label={cancel.isPending ? 'Cancelando…' : 'Cancelar pedido'}
                question={`¿Cancelar el pedido #${order.number}?`}
                confirmLabel="Sí, cancelar"
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
              onRefunded={after('Reembolso registrado. Devuelve el dinero a tu cliente y le avisamos por correo.')}
              onError={onError}
            />
          ) : null}

          {['delivered', 'cancelled', 'expired', 'refunded'].includes(order.status) && !refundable ? (
            <p className="text-sm text-zinc-600">Este pedido está cerrado: no hay nada pendiente.</p>
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
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Enviar pedido">
      <div className="flex items-center gap-2">
        <TruckIcon className="size-5 text-violet-600" />
        <h3 className="text-base font-semibold text-zinc-900">Enviar pedido</h3>
      </div>
      <Field id={`${id}-carrier`} label="Empresa de envío" error={err('carrier')}>
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
          <option value="">Elige…</option>
          {CARRIERS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>
      {carrier === 'Otro' ? (
        <Field id={`${id}-carrierName`} label="Nombre de la empresa" error={err('carrierName')}>
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
      <Field id={`${id}-trackingNumber`} label="Número de seguimiento" error={err('trackingNumber')}>
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
        label="Enlace de seguimiento"
        optional
        error={err('trackingUrl')}
        hint="Si la empresa te dio uno, tu cliente lo abre desde el correo."
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
        {fulfill.isPending ? 'Guardando…' : 'Marcar como enviado'}
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
        Reembolsar
      </button>
    );
  }
  function submit(e: React.FormEvent) {
    e.preventDefault();
    const minor = parseMajorToMinor(amount, order.currency);
    if (minor === null || Number.isNaN(minor) || minor <= 0 || minor > left) {
      setError(`Ingresa un monto entre ${formatMoney(1, order.currency)} y ${formatMoney(left, order.currency)}.`);
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
    <form onSubmit={submit} noValidate className="space-y-4 rounded-2xl border border-zinc-200 bg-zinc-50 p-3" aria-label="Reembolsar pedido">
      <h3 className="text-base font-semibold text-zinc-900">Reembolsar</h3>
      <p className="text-sm text-zinc-600">
        Registra lo que devuelves a tu cliente: se descuenta de tu saldo y la comisión de VITA se devuelve en proporción.
      </p>
      <Field id={`${id}-amount`} label="Monto" error={error ?? undefined} hint={`Hasta ${formatMoney(left, order.currency)}.`}>
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
      <Field id={`${id}-reason`} label="Motivo" optional>
        <input
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={300}
          className={inputClass}
          placeholder="Talla equivocada, producto dañado…"
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={refund.isPending} className={buttonClass.danger}>
          {refund.isPending ? 'Registrando…' : 'Confirmar reembolso'}
        </button>
        <button type="button" onClick={() => setOpen(false)} className={buttonClass.ghost}>
          Cancelar
        </button>
      </div>
    </form>
  );
}
