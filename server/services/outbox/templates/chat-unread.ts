import { z } from 'zod';
import { buyerFooter, defineTemplate, renderLayout, sellerFooter } from './layout';

export const ZChatUnreadData = z.object({
  /** Who gets it: the buyer (the store replied) or the store's owner (a buyer wrote). */
  recipient: z.enum(['buyer', 'seller']),
  storeName: z.string().min(1).max(200),
  /** The other side's name as the recipient knows it (the store for a buyer, the buyer for a seller). */
  fromName: z.string().min(1).max(200),
  count: z.number().int().positive(),
  /** The newest unread messages, oldest first (plain text, shortened). */
  excerpts: z.array(z.string().max(300)).min(1).max(5),
  /** App path of the conversation ("/mensajes/<id>" or "/dashboard/inbox/<storeId>/<id>"). */
  path: z.string().regex(/^\/[A-Za-z0-9/_-]*$/),
});
export type TChatUnreadData = z.input<typeof ZChatUnreadData>;

/** One email per burst of unread chat messages (server/services/chat/notify-unread.ts decides when). */
export const chatUnread = defineTemplate(ZChatUnreadData, (d, { locale, appUrl }) => {
  const en = locale === 'en';
  const href = `${appUrl.replace(/\/$/, '')}${d.path}`;
  const many = d.count > 1;
  const subject = en
    ? `${d.fromName} sent you ${many ? `${d.count} messages` : 'a message'}`
    : `${d.fromName} te ${many ? `envió ${d.count} mensajes` : 'envió un mensaje'}`;
  return renderLayout({
    locale,
    brand: d.recipient === 'buyer' ? d.storeName : 'VITA',
    subject,
    preheader: d.excerpts.at(-1)!,
    blocks: [
      { kind: 'heading', text: subject },
      ...d.excerpts.map((text) => ({ kind: 'p' as const, text: `“${text}”` })),
      { kind: 'button', label: en ? 'Reply' : 'Responder', href },
      {
        kind: 'p',
        muted: true,
        text: en ? 'We email you when messages stay unread for a few minutes; one email per conversation burst.' : 'Te escribimos cuando hay mensajes sin leer por unos minutos; un correo por conversación.',
      },
    ],
    footer: d.recipient === 'buyer' ? buyerFooter(d.storeName, locale) : sellerFooter(locale),
  });
});
