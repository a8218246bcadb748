import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import QRCode from 'qrcode';
import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/share/print-button';
import { brandStyle } from '@/components/store/brand';
import { getStorePageCached } from '@/server/cache/catalog';
import { absoluteUrl } from '@/server/http/site-url';
import { staticLocale } from '@/server/i18n/static';

/** Printable QR poster of a store (for the counter, a market stall, packaging). Static, rebuilt with the store page. */
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getStorePageCached((await params).store);
  return { title: page ? `QR · ${page.store.name}` : 'QR', robots: { index: false } };
}

export default async function StoreQrPage({ params }: Props) {
  staticLocale('es');
  const page = await getStorePageCached((await params).store);
  if (!page) notFound();
  const { store } = page;
  const url = absoluteUrl(`/s/${store.slug}`);
  // Error correction "M": still scans with a sticker or a fold over it; SVG prints sharp at any size.
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#18181b', light: '#ffffff' } });
  return (
    <main style={brandStyle(store.brandColor)} className="mx-auto flex max-w-md flex-col items-center px-4 py-10 text-center print:py-0">
      <style>{'@media print{header,footer,.no-print{display:none!important}@page{margin:12mm}}'}</style>
      <div className="w-full rounded-3xl border-4 border-brand bg-white p-8 print:border-8">
        <p className="text-sm font-semibold uppercase tracking-widest text-zinc-600">Escanea y compra</p>
        <h1 className="mt-2 text-3xl font-black tracking-tight text-zinc-900">{store.name}</h1>
        <div
          className="mx-auto mt-6 w-full max-w-xs [&>svg]:h-auto [&>svg]:w-full"
          role="img"
          aria-label={`Código QR de ${url}`}
          data-testid="store-qr"
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        <p className="mt-4 break-all text-sm font-medium text-zinc-700">{url.replace(/^https?:\/\//, '')}</p>
        <p className="mt-6 text-lg font-black tracking-tight text-violet-700">VITA</p>
      </div>
      <PrintButton label={(await getTranslations({ locale: 'es', namespace: 'catalog.share' }))('printQr')} />
    </main>
  );
}
