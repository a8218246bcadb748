'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { appErrorOf } from '@/components/dashboard/trpc-error';
import { useTRPC } from '@/components/providers/trpc';
import { formatMoney } from '@/components/ui/money';

const POLL_MS = 2000;

/** The page the payment provider sends the buyer back to: polls until the payment settles, then says what happened. */
export function PaymentStatus({ checkoutId, token }: { checkoutId: string; token?: string }) {
  const trpc = useTRPC();
  const status = useQuery({
    ...trpc.checkout.status.queryOptions({ checkoutId, token }),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? POLL_MS : false),
    refetchIntervalInBackground: false,
    retry: 2,
    staleTime: 0,
  });

  if (status.isPending) {
    return <Panel icon="clock" title="Comprobando tu pago…" tone="neutral" />;
  }
  if (status.isError) {
    const info = appErrorOf(status.error);
    return (
      <Panel icon="alert" title={info.code === 'NOT_FOUND' ? 'No encontramos este pago' : 'No pudimos comprobar el pago'} tone="neutral">
        <p>{info.code === 'NOT_FOUND' ? 'Abre el enlace completo que te enviamos por correo o ingresa con tu cuenta.' : info.message}</p>
        {info.code !== 'NOT_FOUND' && (
          <button type="button" className="mt-3 font-semibold underline" onClick={() => void status.refetch()}>
            Reintentar
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
              <span className="block font-medium text-zinc-900">Pedido #{o.number}</span>
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
        <Panel icon="clock" title="Esperando tu pago" tone="neutral">
          <p aria-live="polite">Esta página se actualiza sola en cuanto recibamos la confirmación. Tu stock está reservado hasta las {time(s.expiresAt)}.</p>
          {s.paymentUrl && <PayLink href={s.paymentUrl} label="Ir a pagar" />}
          {orders}
        </Panel>
      );
    case 'paid':
      return (
        <Panel icon="check" title="¡Pago recibido!" tone="success">
          <p>Te enviamos la confirmación por correo. Cada tienda prepara su pedido.</p>
          {orders}
        </Panel>
      );
    case 'partially_paid':
      return (
        <Panel icon="alert" title="Recibimos solo una parte del pago" tone="warning">
          <p>
            Llegaron {formatMoney(s.paidAmount, s.currency)} de {formatMoney(s.amount, s.currency)}. Completa el pago antes de las {time(s.expiresAt)} para confirmar tu pedido.
          </p>
          {s.paymentUrl && <PayLink href={s.paymentUrl} label="Completar el pago" />}
          {orders}
        </Panel>
      );
    case 'expired':
    case 'failed':
      return (
        <Panel icon="cross" title={s.status === 'expired' ? 'El tiempo para pagar terminó' : 'El pago no se completó'} tone="danger">
          {/* Checkout took the lines out of the cart and nothing puts them back: send the buyer to the store, not to an empty cart. */}
          <p>No se cobró nada y liberamos el stock reservado. Si aún los quieres, vuelve a agregar los productos al carrito.</p>
          <div className="mt-4 flex flex-wrap justify-center gap-2">
            {(s.orders.length ? s.orders : [null]).map((o) => (
              <Link key={o?.id ?? 'home'} href={o ? `/s/${o.storeSlug}` : '/'} className="inline-flex h-11 items-center rounded-2xl bg-zinc-900 px-5 text-sm font-semibold text-white">
                {o ? `Volver a ${o.storeName}` : 'Seguir comprando'}
              </Link>
            ))}
          </div>
        </Panel>
      );
    case 'review':
      return (
        <Panel icon="clock" title="Estamos revisando tu pago" tone="warning">
          <p>Recibimos un pago que no coincide exactamente con tu pedido. Una persona de VITA lo revisará y te escribiremos a tu correo.</p>
          {orders}
        </Panel>
      );
    case 'refunded':
      return (
        <Panel icon="alert" title="Pago reembolsado" tone="neutral">
          <p>Este pago fue devuelto.</p>
          {orders}
        </Panel>
      );
  }
}

function time(d: Date | string) {
  return new Date(d).toLocaleTimeString('es', { hour: '2-digit', minute: '2-digit' });
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
