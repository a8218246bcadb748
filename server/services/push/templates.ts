import { z } from 'zod';
import { formatMoney } from '../../../components/ui/money';

/** Notifications the outbox can send by push, with the data each needs (checked when queued and when sent). */
export const PUSH_TEMPLATES = {
  /** To a store's owner/team: a new paid order. */
  order_paid: z.object({ storeId: z.string(), orderId: z.string(), number: z.number().int(), total: z.number().int(), currency: z.string().length(3), storeName: z.string() }),
  /** To a buyer or seller: a chat message arrived. */
  new_message: z.object({ conversationId: z.string(), from: z.string(), preview: z.string().max(500), url: z.string().startsWith('/') }),
  /** To a follower: a followed store went live. */
  store_live: z.object({ storeName: z.string(), showTitle: z.string().optional(), url: z.string().startsWith('/') }),
} as const;

export type PushTemplate = keyof typeof PUSH_TEMPLATES;
export type PushData<T extends PushTemplate> = z.infer<(typeof PUSH_TEMPLATES)[T]>;

/** Which preference switch a template obeys. */
export const PREFERENCE_OF: Record<PushTemplate, 'newOrder' | 'newMessage' | 'storeLive'> = {
  order_paid: 'newOrder',
  new_message: 'newMessage',
  store_live: 'storeLive',
};

export function isPushTemplate(t: string): t is PushTemplate {
  return t in PUSH_TEMPLATES;
}

export type RenderedPush = { title: string; body: string; url: string; tag: string };

/** Title/body in the recipient's language; `url` is where a tap opens; `tag` collapses repeats on the device. */
export function renderPush(template: string, locale: string, raw: unknown): RenderedPush {
  if (!isPushTemplate(template)) throw new Error(`unknown push template ${template}`);
  const en = locale === 'en';
  switch (template) {
    case 'order_paid': {
      const d = PUSH_TEMPLATES.order_paid.parse(raw);
      const total = formatMoney(d.total, d.currency, en ? 'en' : 'es');
      return {
        title: en ? `New order #${d.number}` : `Nuevo pedido #${d.number}`,
        body: en ? `${d.storeName}: ${total} paid. Time to pack it!` : `${d.storeName}: ${total} pagado. ¡A preparar el envío!`,
        url: `/dashboard/tiendas/${d.storeId}/pedidos/${d.orderId}`,
        tag: `order:${d.orderId}`,
      };
    }
    case 'new_message': {
      const d = PUSH_TEMPLATES.new_message.parse(raw);
      return { title: en ? `Message from ${d.from}` : `Mensaje de ${d.from}`, body: d.preview.slice(0, 140), url: d.url, tag: `conv:${d.conversationId}` };
    }
    case 'store_live': {
      const d = PUSH_TEMPLATES.store_live.parse(raw);
      return {
        title: en ? `${d.storeName} is live` : `${d.storeName} está en vivo`,
        body: d.showTitle ?? (en ? 'Join now and shop the live offers.' : 'Entra ahora y compra las ofertas del vivo.'),
        url: d.url,
        tag: `live:${d.url}`,
      };
    }
  }
}
