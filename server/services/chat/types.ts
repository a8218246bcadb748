/** What chat procedures and realtime events carry. Dates are ISO strings: the same shape in a query and in an event. */

export type AttachmentDTO = { mediaId: string; url: string; width: number | null; height: number | null };

export type MessageDTO = {
  id: string;
  conversationId: string;
  sender: 'buyer' | 'seller';
  body: string;
  attachments: AttachmentDTO[];
  productId: string | null;
  orderId: string | null;
  suggestionId: string | null;
  createdAt: string;
};

export type ContextProduct = { id: string; title: string; slug: string; price: number; currency: string; imageUrl: string | null };
export type ContextOrder = { id: string; number: number; status: string; total: number; currency: string };

/** A conversation as its list row; `unread` is the viewer's side. */
export type ConversationRow = {
  id: string;
  store: { id: string; name: string; slug: string; logoUrl: string | null };
  buyer: { id: string; name: string };
  product: ContextProduct | null;
  order: ContextOrder | null;
  status: 'open' | 'done';
  lastMessageAt: string;
  lastMessagePreview: string;
  lastSender: 'buyer' | 'seller' | null;
  messageCount: number;
  unread: number;
};

export type SuggestionDTO = {
  id: string;
  messageId: string;
  conversationId: string;
  replies: Array<{ text: string; style: 'answer' | 'question' | 'action' }>;
  intent: string;
  lang: string;
  provider: string;
  model: string;
  latencyMs: number;
  usedIndex: number | null;
  createdAt: string;
};

export type SummaryDTO = {
  id: string;
  conversationId: string;
  wants: string;
  openQuestions: string[];
  nextStep: string;
  messageCount: number;
  trigger: string;
  provider: string;
  model: string;
  createdAt: string;
};

/** Events on a store's chat channel (`chat-store:<storeId>`), read by its members' inbox. */
export type StoreChatEvent =
  | { type: 'message'; conversation: ConversationRow; message: MessageDTO }
  | { type: 'conversation'; conversation: ConversationRow }
  | { type: 'suggestions'; suggestion: SuggestionDTO }
  | { type: 'summary'; summary: SummaryDTO };

/** Events on a buyer's chat channel (`chat-user:<userId>`). */
export type BuyerChatEvent = { type: 'message'; conversation: ConversationRow; message: MessageDTO } | { type: 'conversation'; conversation: ConversationRow };

export const storeChannel = (storeId: string) => `chat-store:${storeId}`;
export const buyerChannel = (userId: string) => `chat-user:${userId}`;
