import { ImageResponse } from 'next/og';
import sharp from 'sharp';
import { brandInk } from '@/components/store/brand';
import { getMediaStorage } from '@/server/adapters/media';

export const OG_SIZE = { width: 1200, height: 630 };

/** A product/store photo as a PNG data URL for the OG card (satori reads PNG/JPEG only); null if unreadable. */
export async function ogPhoto(url: string | undefined): Promise<string | null> {
  if (!url) return null;
  try {
    let bytes: Buffer | null = null;
    if (url.startsWith('/media/')) {
      bytes = await getMediaStorage().getObject(decodeURIComponent(url.slice('/media/'.length)));
    } else {
      const res = await fetch(url, { signal: AbortSignal.timeout(4000) });
      if (res.ok) bytes = Buffer.from(await res.arrayBuffer());
    }
    if (!bytes) return null;
    const png = await sharp(bytes).resize(630, 630, { fit: 'cover' }).png().toBuffer();
    return `data:image/png;base64,${png.toString('base64')}`;
  } catch {
    return null;
  }
}

/** 1200×630 share card in the store's brand colour: photo on the right, store/product text on the left. */
export function ogCard({ brand, kicker, title, subtitle, photo }: { brand: string; kicker: string; title: string; subtitle?: string; photo: string | null }) {
  const ink = brandInk(brand);
  return new ImageResponse(
    (
      <div style={{ display: 'flex', width: '100%', height: '100%', background: brand, color: ink }}>
        <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 64, width: photo ? 570 : 1200 }}>
          <div style={{ display: 'flex', fontSize: 30, fontWeight: 700, opacity: 0.85 }}>{kicker}</div>
          <div style={{ display: 'flex', flexDirection: 'column' }}>
            <div style={{ display: 'flex', fontSize: title.length > 40 ? 52 : 64, fontWeight: 800, lineHeight: 1.1 }}>{title.slice(0, 90)}</div>
            {subtitle ? <div style={{ display: 'flex', marginTop: 20, fontSize: 34, opacity: 0.9 }}>{subtitle.slice(0, 120)}</div> : null}
          </div>
          <div style={{ display: 'flex', fontSize: 40, fontWeight: 900, letterSpacing: -1 }}>VITA</div>
        </div>
        {photo ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={photo} width={630} height={630} alt="" style={{ objectFit: 'cover' }} />
        ) : null}
      </div>
    ),
    OG_SIZE,
  );
}
