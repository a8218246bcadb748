/**
 * Plain data the language layer works from. The server fetches it (catalog, commerce settings, orders) and hands it
 * over; nothing here reads the database, so the same shapes feed the built-in engine, the prompts and the eval.
 * Money is integer minor units + ISO currency, like everywhere else.
 */

export type Locale = 'es' | 'en';

export type DeliveryOptionFacts = {
  label: string;
  /** Same kinds as delivery_options.kind: flat_rate (price always), free_over (free from freeOver), pickup (free). */
  kind: 'flat_rate' | 'free_over' | 'pickup';
  price: number;
  freeOver?: number | null;
  /** Seller-written: where, when, how long ("1 a 2 días hábiles", "Av. Larco 345, lun–sáb 10–19 h"). */
  details?: string | null;
};

export type StoreFacts = {
  name: string;
  currency: string;
  deliveryOptions: DeliveryOptionFacts[];
  /** Seller-written labels ("Yape", "Tarjeta de crédito o débito"). */
  paymentMethods: string[];
  returnPolicy?: string | null;
};

export type VariantFacts = {
  /** {"Talla":"M","Color":"Rojo"}; {} for a product without options. */
  options: Record<string, string>;
  stock: number;
  /** Overrides the product price when set. */
  price?: number | null;
};

export type ProductFacts = {
  id: string;
  title: string;
  price: number;
  currency: string;
  variants: VariantFacts[];
  url?: string | null;
};

export type OrderStatus = 'pending_payment' | 'paid' | 'fulfilled' | 'delivered' | 'cancelled' | 'expired' | 'refunded';

export type OrderFacts = {
  /** Human order number as shown to people ("1042"). */
  number: string;
  status: OrderStatus;
  total: number;
  currency: string;
  /** Titles of the items, for the reply ("Polo básico (M, Rojo)"). */
  items?: string[];
  deliveryLabel?: string | null;
  carrier?: string | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  /** ISO timestamp of the last status change. */
  updatedAt?: string | null;
};

export type ConversationMessage = { from: 'buyer' | 'seller'; text: string; at?: string };

export type ConversationFacts = {
  /** The product the conversation was opened from, when any (a ProductFacts.id). */
  productId?: string | null;
  /** The order the conversation was opened from, when any (an OrderFacts.number). */
  orderNumber?: string | null;
  /** Earlier messages, oldest first (the new buyer message is passed separately). */
  messages: ConversationMessage[];
};

export const INTENTS = [
  'greeting',
  'price',
  'availability',
  'variant',
  'shipping',
  'payment',
  'order_status',
  'returns',
  'discount',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

export type SuggestedReply = {
  text: string;
  /** answer: direct answer; question: answer + a question back; action: answer + a call to action. */
  style: 'answer' | 'question' | 'action';
};

export type ConversationSummary = {
  /** What the buyer wants, in the seller's words of the data (product, variant, delivery). */
  wants: string;
  /** Buyer questions that no seller message has answered yet. */
  openQuestions: string[];
  nextStep: string;
};

export type TokenUsage = { inputTokens: number; outputTokens: number; totalTokens: number };
