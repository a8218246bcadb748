/**
 * Browser side of the cart on cached public pages (header badge, add-to-cart): plain fetches to the tRPC route
 * instead of the tRPC/TanStack client, which these pages do not ship. Holds the badge count for every island.
 */

type TrpcError = { message?: string; data?: { code?: string; details?: Record<string, unknown> } };

export class CartRequestError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(message: string, code: string, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

const COUNT_KEY = 'vita:cart-count';
let count: number | null = null;
const listeners = new Set<() => void>();

function emit() {
  for (const l of listeners) l();
}

export function subscribeCartCount(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Last known count: this page's, else the one remembered from the previous page (shown until the fetch answers). */
export function getCartCount(): number | null {
  if (count !== null) return count;
  try {
    const stored = sessionStorage.getItem(COUNT_KEY);
    return stored === null ? null : Number(stored);
  } catch {
    return null;
  }
}

export function setCartCount(next: number) {
  count = next;
  try {
    sessionStorage.setItem(COUNT_KEY, String(next));
  } catch {
    // Private mode: the badge still works for this page.
  }
  emit();
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`/api/trpc/${path}`, { cache: 'no-store', credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body = (await res.json().catch(() => null)) as { result?: { data?: { json?: T } }; error?: { json?: TrpcError } } | null;
  if (!res.ok || !body?.result) {
    const err = body?.error?.json;
    throw new CartRequestError(err?.message ?? 'No pudimos conectar. Inténtalo de nuevo.', err?.data?.code ?? 'NETWORK', err?.data?.details ?? {});
  }
  return body.result.data?.json as T;
}

let inflight: Promise<void> | null = null;
/** Refreshes the badge count once per page (several islands may ask). */
export function refreshCartCount(): Promise<void> {
  inflight ??= call<number>('cart.count')
    .then((n) => setCartCount(n))
    .catch(() => {
      // The badge keeps its last value.
    });
  return inflight;
}

export async function addToCartRequest(variantId: string, qty: number): Promise<{ qty: number; count: number }> {
  const res = await call<{ qty: number; count: number }>('cart.add', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { variantId, qty } }),
  });
  setCartCount(res.count);
  return res;
}
