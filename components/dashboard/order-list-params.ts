import { ORDER_STATUS_FILTERS, type TOrderStatusFilter } from '@/server/services/orders/seller-order-schemas';

/** The order list's state as it appears in the URL (Spanish names) and as sellerOrder.list input. */
export type TOrderListState = { status: TOrderStatusFilter; q: string; from: string; to: string; page: number };

export const ORDER_PAGE_SIZE = 20;

export const ORDER_TABS: { value: TOrderStatusFilter; label: string; param: string }[] = [
  { value: 'all', label: 'Todos', param: 'todos' },
  { value: 'paid', label: 'Por enviar', param: 'por-enviar' },
  { value: 'fulfilled', label: 'Enviados', param: 'enviados' },
  { value: 'delivered', label: 'Entregados', param: 'entregados' },
  { value: 'pending_payment', label: 'Pago pendiente', param: 'pago-pendiente' },
  { value: 'closed', label: 'Cerrados', param: 'cerrados' },
];

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function orderListStateFromSearch(sp: SearchParams): TOrderListState {
  const status = ORDER_TABS.find((t) => t.param === one(sp.estado))?.value ?? 'all';
  const from = DAY.test(one(sp.desde)) ? one(sp.desde) : '';
  const to = DAY.test(one(sp.hasta)) ? one(sp.hasta) : '';
  const page = Math.min(10_000, Math.max(1, Number.parseInt(one(sp.pagina), 10) || 1));
  return { status: ORDER_STATUS_FILTERS.includes(status) ? status : 'all', q: one(sp.q).trim().slice(0, 100), from, to: from && to && to < from ? '' : to, page };
}

export function writeOrderListState(params: URLSearchParams, s: TOrderListState): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (k: string, v: string | null) => (v ? next.set(k, v) : next.delete(k));
  set('estado', s.status === 'all' ? null : (ORDER_TABS.find((t) => t.value === s.status)?.param ?? null));
  set('q', s.q || null);
  set('desde', s.from || null);
  set('hasta', s.to || null);
  set('pagina', s.page > 1 ? String(s.page) : null);
  return next;
}

export function orderListInput(storeId: string, s: TOrderListState) {
  return { storeId, status: s.status, q: s.q, from: s.from || null, to: s.to || null, page: s.page, pageSize: ORDER_PAGE_SIZE };
}
