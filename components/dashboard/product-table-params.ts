import type { PRODUCT_SORTS } from '@/server/services/products/schemas';

/** The product table's state as it appears in the URL (Spanish names) and as product.list input. */
export type TProductSort = (typeof PRODUCT_SORTS)[number];
export type TProductStatusFilter = 'active' | 'archived' | 'all';
export type TTableState = { q: string; status: TProductStatusFilter; sort: TProductSort; dir: 'asc' | 'desc'; page: number };

export const PAGE_SIZE = 20;

export const STATUS_TABS: { value: TProductStatusFilter; label: string; param: string }[] = [
  { value: 'active', label: 'Activos', param: 'activos' },
  { value: 'archived', label: 'Archivados', param: 'archivados' },
  { value: 'all', label: 'Todos', param: 'todos' },
];

export const SORT_OPTIONS: { value: TProductSort; label: string; param: string; defaultDir: 'asc' | 'desc' }[] = [
  { value: 'created', label: 'Recientes', param: 'recientes', defaultDir: 'desc' },
  { value: 'title', label: 'Nombre', param: 'nombre', defaultDir: 'asc' },
  { value: 'price', label: 'Precio', param: 'precio', defaultDir: 'asc' },
  { value: 'stock', label: 'Stock', param: 'stock', defaultDir: 'asc' },
  { value: 'updated', label: 'Última edición', param: 'editados', defaultDir: 'desc' },
];

export const DEFAULT_TABLE_STATE: TTableState = { q: '', status: 'active', sort: 'created', dir: 'desc', page: 1 };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export function tableStateFromSearch(sp: SearchParams | URLSearchParams): TTableState {
  const get = (k: string) => (sp instanceof URLSearchParams ? (sp.get(k) ?? '') : one(sp[k]));
  const status = STATUS_TABS.find((t) => t.param === get('estado'))?.value ?? DEFAULT_TABLE_STATE.status;
  const sortOpt = SORT_OPTIONS.find((s) => s.param === get('orden'));
  const sort = sortOpt?.value ?? DEFAULT_TABLE_STATE.sort;
  const dirParam = get('dir');
  const dir = dirParam === 'asc' || dirParam === 'desc' ? dirParam : (sortOpt?.defaultDir ?? DEFAULT_TABLE_STATE.dir);
  const page = Math.min(10_000, Math.max(1, Number.parseInt(get('pagina'), 10) || 1));
  return { q: get('q').trim().slice(0, 100), status, sort, dir, page };
}

/** Writes the state into `params` (only non-default values, so URLs stay short). */
export function writeTableState(params: URLSearchParams, s: TTableState): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (k: string, v: string | null) => (v ? next.set(k, v) : next.delete(k));
  set('q', s.q || null);
  set('estado', s.status === DEFAULT_TABLE_STATE.status ? null : (STATUS_TABS.find((t) => t.value === s.status)?.param ?? null));
  const sortOpt = SORT_OPTIONS.find((o) => o.value === s.sort);
  set('orden', s.sort === DEFAULT_TABLE_STATE.sort ? null : (sortOpt?.param ?? null));
  set('dir', s.dir === (sortOpt?.defaultDir ?? 'desc') ? null : s.dir);
  set('pagina', s.page > 1 ? String(s.page) : null);
  return next;
}

export function listInput(storeId: string, s: TTableState) {
  return { storeId, q: s.q, status: s.status, sort: s.sort, dir: s.dir, page: s.page, pageSize: PAGE_SIZE };
}
