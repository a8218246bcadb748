import { OwnDocumentHeaders } from '@/components/security/own-document-headers';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LiveViewer } from '@/components/live/live-viewer';
import { IntlProvider } from '@/components/providers/intl';
import { TrpcProvider } from '@/components/providers/trpc';
import { getCurrentUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

/** Live status, pins and chat change every second: rendered per request, then kept current over SSE. */
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ show: string }> }): Promise<Metadata> {
  const { show } = await params;
  const page = /^[a-z0-9-]{4,64}$/.test(show) ? await (await api()).live.show({ slug: show }) : null;
  const t = await getTranslations('live.meta');
  if (!page) return { title: t('title') };
  const title = `${page.show.title} · ${page.store.name}`;
  const description = t('description', { title: page.show.title, store: page.store.name });
  // The cover (if any) is the share preview; relative media URLs resolve against metadataBase.
  const images = page.cover ? [{ url: page.cover, alt: page.show.title }] : undefined;
  return { title, description, openGraph: { title, description, type: 'video.other', siteName: 'VITA', images }, twitter: { card: page.cover ? 'summary_large_image' : 'summary', title, images: page.cover ? [page.cover] : undefined } };
}

export default async function LiveShowPage({ params }: { params: Promise<{ show: string }> }) {
  const { show } = await params;
  if (!/^[a-z0-9-]{4,64}$/.test(show)) notFound();
  const [page, user] = await Promise.all([(await api()).live.show({ slug: show }), getCurrentUser()]);
  if (!page) notFound();
  return (
    <IntlProvider>
      <TrpcProvider>
        <OwnDocumentHeaders page="live" />
        <LiveViewer initial={page} user={user ? { name: user.name ?? '', email: user.email } : null} />
      </TrpcProvider>
    </IntlProvider>
  );
}
