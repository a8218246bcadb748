import { z } from 'zod';
import { vmsg } from '../../errors/validation';

/** The data the server hands to the AI layer (already fetched and authorised elsewhere). */
const ZMoney = z.number().int().min(0);
const ZCurrency = z.string().length(3);

export const ZStoreFacts = z.object({
  name: z.string().min(1).max(200),
  currency: ZCurrency,
  deliveryOptions: z
    .array(
      z.object({
        label: z.string().min(1).max(200),
        kind: z.enum(['flat_rate', 'free_over', 'pickup']),
        price: ZMoney,
        freeOver: ZMoney.nullish(),
        details: z.string().max(500).nullish(),
      }),
    )
    .max(20),
  paymentMethods: z.array(z.string().min(1).max(100)).max(20),
  returnPolicy: z.string().max(2000).nullish(),
});

export const ZProductFacts = z.object({
  id: z.string().min(1),
  title: z.string().min(1).max(300),
  price: ZMoney,
  currency: ZCurrency,
  variants: z.array(z.object({ options: z.record(z.string(), z.string()), stock: z.number().int().min(0), price: ZMoney.nullish() })).max(500),
  url: z.string().max(500).nullish(),
});

export const ZOrderFacts = z.object({
  number: z.string().min(1).max(40),
  status: z.enum(['pending_payment', 'paid', 'fulfilled', 'delivered', 'cancelled', 'expired', 'refunded']),
  total: ZMoney,
  currency: ZCurrency,
  items: z.array(z.string().max(300)).max(50).optional(),
  deliveryLabel: z.string().max(200).nullish(),
  carrier: z.string().max(100).nullish(),
  trackingNumber: z.string().max(100).nullish(),
  trackingUrl: z.string().max(500).nullish(),
  updatedAt: z.string().nullish(),
});

export const ZConversationFacts = z.object({
  productId: z.string().nullish(),
  orderNumber: z.string().nullish(),
  messages: z.array(z.object({ from: z.enum(['buyer', 'seller']), text: z.string().max(2000), at: z.string().optional() })).max(200),
});

export const ZLocale = z.enum(['es', 'en']);

export const ZSuggestRepliesInput = z.object({
  store: ZStoreFacts,
  products: z.array(ZProductFacts).max(200),
  orders: z.array(ZOrderFacts).max(50).optional(),
  conversation: ZConversationFacts.optional(),
  message: z.string().trim().min(1, vmsg('writeMessage')).max(2000, vmsg('maxChars', { maximum: 2000 })),
  locale: ZLocale,
});
export type TSuggestRepliesInput = z.infer<typeof ZSuggestRepliesInput>;

export const ZSummarizeInput = ZSuggestRepliesInput.omit({ message: true }).extend({ conversation: ZConversationFacts });
export type TSummarizeInput = z.infer<typeof ZSummarizeInput>;

/** What a model must return; anything else falls back to the built-in engine. */
export const ZModelReplies = z.object({
  replies: z
    .array(z.object({ text: z.string().trim().min(1).max(1000), style: z.enum(['answer', 'question', 'action']).catch('answer') }))
    .min(1)
    .max(3),
});

export const ZModelSummary = z.object({
  wants: z.string().trim().min(1).max(500),
  openQuestions: z.array(z.string().trim().min(1).max(300)).max(10),
  nextStep: z.string().trim().min(1).max(300),
});
