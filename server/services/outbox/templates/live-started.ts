import { z } from 'zod';
import { buyerFooter, defineTemplate, renderLayout } from './layout';

export const ZLiveStartedData = z.object({
  storeName: z.string().min(1).max(200),
  title: z.string().min(1).max(200),
  /** The show's public id: the link is /live/<slug>. */
  slug: z.string().regex(/^[a-z0-9-]{4,64}$/),
});
export type TLiveStartedData = z.input<typeof ZLiveStartedData>;

/** To a follower of the store: the store just went live. */
export const liveStarted = defineTemplate(ZLiveStartedData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const href = `${appUrl.replace(/\/$/, '')}/live/${d.slug}`;
  return renderLayout({
    locale,
    brand: d.storeName,
    subject: en ? `${d.storeName} is live: ${d.title}` : `${d.storeName} está en vivo: ${d.title}`,
    preheader: d.title,
    blocks: [
      { kind: 'heading', text: en ? `${d.storeName} is live now` : `${d.storeName} está en vivo ahora` },
      { kind: 'p', text: en ? `“${d.title}” has just started. Join to watch and buy without leaving the stream.` : `“${d.title}” acaba de empezar. Entra a verlo y compra sin salir de la transmisión.` },
      { kind: 'button', label: en ? 'Watch the live' : 'Ver el en vivo', href },
    ],
    footer: buyerFooter(d.storeName, locale),
  });
});
