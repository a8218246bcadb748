import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CustomerActions } from '@/components/crm/customer-actions';
import { sellerStoreOr404 } from '@/components/dashboard/load';
import { PageHeader } from '@/components/dashboard/page-header';
import { formatMoney } from '@/components/ui/money';
import { requireUser } from '@/server/auth/require-user';
import { SEGMENT_LABEL } from '@/server/services/crm/schemas';
import { api } from '@/server/trpc/server';

export const metadata: Metadata = { title: 'Cliente' };

const when = new Intl.DateTimeFormat('es', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const STATUS: Record<string, string> = { pending_payment: 'pendiente de pago', paid: 'pagado', fulfilled: 'enviado', delivered: 'entregado', cancelled: 'cancelado', refunded: 'reembolsado' };

export default async function CustomerPage({ params }: { params: Promise<{ storeId: string; buyerId: string }> }) {
  const { storeId, buyerId: raw } = await params;
  const buyerId = decodeURIComponent(raw);
  await requireUser(`/dashboard/tiendas/${storeId}/clientes`);
  const store = await sellerStoreOr404(storeId);
  const page = await (await api()).crm.customer({ storeId: store.id, buyerId }).catch((e) => {
    if (e instanceof TRPCError && (e.code === 'NOT_FOUND' || e.code === 'BAD_REQUEST')) notFound();
    throw e;
  });
  const c = page.customer;
  return (
    <div className="space-y-4">
      <PageHeader title={c.name} description={`${SEGMENT_LABEL[c.segment]} · ${c.email}`} back={{ href: `/dashboard/tiendas/${store.id}/clientes`, label: 'Clientes' }} />
      <section className="grid grid-cols-3 gap-2 text-center">
        <div className="rounded-2xl bg-white p-3 ring-1 ring-zinc-200">
          <p className="text-xs text-zinc-500">Valor total</p>
          <p className="text-lg font-bold text-zinc-900">{formatMoney(c.ltv, c.currency)}</p>
        </div>
        <div className="rounded-2xl bg-white p-3 ring-1 ring-zinc-200">
          <p className="text-xs text-zinc-500">Pedidos</p>
          <p className="text-lg font-bold text-zinc-900">{c.orders}</p>
        </div>
        <div className="rounded-2xl bg-white p-3 ring-1 ring-zinc-200">
          <p className="text-xs text-zinc-500">Última vez</p>
          <p className="text-sm font-bold text-zinc-900">{when.format(new Date(c.lastInteractionAt))}</p>
        </div>
      </section>

      {page.nextSteps.length ? (
        <section className="rounded-2xl bg-violet-50 p-4" data-testid="next-steps">
          <h2 className="mb-2 font-semibold text-violet-900">Siguientes pasos sugeridos</h2>
          <ul className="space-y-1.5 text-sm">
            {page.nextSteps.map((s, i) => (
              <li key={i}>{s.href ? <Link href={s.href} className="text-violet-800 underline-offset-2 hover:underline">→ {s.text}</Link> : <span className="text-violet-900">→ {s.text}</span>}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {page.summary ? (
        <section className="rounded-2xl bg-white p-4 text-sm ring-1 ring-zinc-200" data-testid="customer-summary">
          <h2 className="mb-1 font-semibold text-zinc-900">Resumen de la conversación</h2>
          <p>{page.summary.wants}</p>
          <p className="mt-1 text-zinc-600">Siguiente paso: {page.summary.nextStep}</p>
        </section>
      ) : null}

      <section className="rounded-2xl bg-white p-4 ring-1 ring-zinc-200">
        <h2 className="mb-2 font-semibold text-zinc-900">Etiquetas y notas</h2>
        <CustomerActions storeId={store.id} buyerId={c.id} tags={c.tags} />
        {page.notes.length ? (
          <ul className="mt-3 space-y-2">
            {page.notes.map((n) => (
              <li key={n.id} className="rounded-xl bg-amber-50 px-3 py-2 text-sm">
                <p className="whitespace-pre-wrap break-words text-zinc-900">{n.body}</p>
                <p className="mt-1 text-xs text-zinc-500">{when.format(new Date(n.createdAt))}{n.author ? ` · ${n.author}` : ''}</p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section className="rounded-2xl bg-white p-4 ring-1 ring-zinc-200">
        <div className="mb-2 flex items-center justify-between">
          <h2 className="font-semibold text-zinc-900">Historial</h2>
          {c.conversationId ? (
            <Link href={`/dashboard/inbox/${store.id}/${c.conversationId}`} className="text-sm font-medium text-violet-700">
              Abrir chat →
            </Link>
          ) : null}
        </div>
        <ol className="space-y-2" data-testid="timeline">
          {page.timeline.map((t, i) => (
            <li key={i} className="flex gap-3 text-sm">
              <span className="w-24 shrink-0 text-xs text-zinc-400">{when.format(new Date(t.at))}</span>
              {t.kind === 'order' ? (
                <Link href={`/dashboard/tiendas/${store.id}/pedidos/${t.orderId}`} className="text-zinc-900">
                  🧾 Pedido #{t.number} · {formatMoney(t.total, t.currency)} · {STATUS[t.status] ?? t.status}
                </Link>
              ) : t.kind === 'message' ? (
                <span className={`min-w-0 break-words ${t.from === 'buyer' ? 'text-zinc-900' : 'text-zinc-500'}`}>
                  {t.from === 'buyer' ? '💬 ' : '↩︎ Tú: '}
                  {t.text}
                </span>
              ) : (
                <span className="min-w-0 break-words text-zinc-900">
                  🔴 En vivo «{t.showTitle}»: {t.tip ? `propina ${formatMoney(t.tip.amount, t.tip.currency)}` : t.text}
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
