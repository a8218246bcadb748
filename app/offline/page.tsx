import type { Metadata } from 'next';
import { OfflineView } from '@/components/pwa/offline-view';

/** Precached by the service worker and shown for any page that cannot load without a connection. Static. */
export const dynamic = 'force-static';
export const metadata: Metadata = { title: 'Sin conexión', robots: { index: false } };

export default function OfflinePage() {
  return <OfflineView />;
}
