import { notFound, redirect } from 'next/navigation';
import { shortcutTarget } from '@/components/pwa/shortcuts';
import { api } from '@/server/trpc/server';

/** Home-screen shortcuts (app/manifest.ts) land here and go to that section of the seller's first store. */
export default async function ShortcutPage({ params }: { params: Promise<{ destino: string }> }) {
  const { destino } = await params;
  const stores = await (await api()).store.mine();
  const target = shortcutTarget(destino, stores[0]?.id ?? null);
  if (target === undefined) notFound();
  redirect(target);
}
