import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { getMediaStorage } from '@/server/adapters/media';
import { api } from '@/server/trpc/server';

/** The part of a public media URL before the key (the adapter builds URLs as prefix + key). */
export function mediaUrlPrefix(): string {
  const sample = 'k/sample.jpg';
  const url = getMediaStorage().publicUrl(sample);
  return url.endsWith(sample) ? url.slice(0, -sample.length) : '/media/';
}

export function mediaUrl(key: string | null | undefined): string | null {
  return key ? getMediaStorage().publicUrl(key) : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A store of the signed-in seller, or the 404 page (for ids that are malformed, unknown, or someone else's). */
export async function sellerStoreOr404(storeId: string) {
  if (!UUID.test(storeId)) notFound();
  try {
    return await (await api()).store.get({ storeId });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === 'NOT_FOUND' || err.code === 'BAD_REQUEST')) notFound();
    throw err;
  }
}

export async function sellerProductOr404(storeId: string, productId: string) {
  if (!UUID.test(productId)) notFound();
  try {
    return await (await api()).product.get({ storeId, productId });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === 'NOT_FOUND' || err.code === 'BAD_REQUEST')) notFound();
    throw err;
  }
}

/** `?tienda=<id>` when it names one of the seller's stores, else the first store. */
export function pickStore<T extends { id: string }>(stores: T[], wanted: string | string[] | undefined): T | undefined {
  const id = Array.isArray(wanted) ? wanted[0] : wanted;
  return stores.find((s) => s.id === id) ?? stores[0];
}

export function firstParam(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
