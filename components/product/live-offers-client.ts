/**
 * Browser side of the live price/stock islands: collects the product ids every island on the page asks for,
 * fetches them in one GET to /api/live-offers (the `catalog.liveOffers` service behind a `no-store` route; no
 * tRPC/TanStack client here: this ships on cached public pages, where every kilobyte counts), and notifies
 * subscribers.
 */
import type { LiveOffer } from '@/server/services/catalog/get-live-offers';

export type { LiveOffer };

const MAX_IDS = 60;
/** undefined = not loaded yet; null = no longer public (archived, suspended, deleted). */
const offers = new Map<string, LiveOffer | null>();
const listeners = new Set<() => void>();
const pending = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;

function emit() {
  for (const l of listeners) l();
}

async function fetchChunk(ids: string[]) {
  try {
    const res = await fetch(`/api/live-offers?ids=${ids.join(',')}`, { cache: 'no-store', headers: { accept: 'application/json' } });
    if (!res.ok) return; // Keep showing the cached values.
    const body = (await res.json()) as { offers?: LiveOffer[] };
    const list = body.offers ?? [];
    const seen = new Set<string>();
    for (const o of list) {
      offers.set(o.productId, o);
      seen.add(o.productId);
    }
    for (const id of ids) if (!seen.has(id)) offers.set(id, null);
    emit();
  } catch {
    // Offline or aborted: the cached page values stay.
  }
}

function flush() {
  timer = null;
  const ids = [...pending];
  pending.clear();
  for (let i = 0; i < ids.length; i += MAX_IDS) void fetchChunk(ids.slice(i, i + MAX_IDS));
}

/** Asks for fresh offers; calls in the same tick are batched into one request. */
export function requestLiveOffers(ids: string[], { force = false } = {}) {
  for (const id of ids) if (force || !offers.has(id)) pending.add(id);
  if (pending.size && !timer) timer = setTimeout(flush, 0);
}

export function subscribeLiveOffers(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function getLiveOffer(id: string): LiveOffer | null | undefined {
  return offers.get(id);
}
