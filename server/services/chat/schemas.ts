import { z } from 'zod';
import { vmsg } from '../../errors/validation';

/**
 * Shared by the chat components (browser) and the chat procedures (server): no server-only imports here.
 */
export const MESSAGE_MAX_CHARS = 2000;
export const MESSAGE_MAX_ATTACHMENTS = 4;

const ZBody = z
  .string()
  .trim()
  .max(MESSAGE_MAX_CHARS, `Máximo ${MESSAGE_MAX_CHARS} caracteres.`)
  // Control characters other than newlines and tabs have no place in a chat message (and break rendering).
  .transform((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ''));

/** A client-generated id per send attempt: a retried request returns the first message instead of a second one. */
const ZClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, vmsg('invalidClientId'));

const ZAttachments = z
  .array(z.string().uuid(vmsg('invalidPhoto')))
  .max(MESSAGE_MAX_ATTACHMENTS, `Máximo ${MESSAGE_MAX_ATTACHMENTS} fotos por mensaje.`)
  .default([]);

function requireContent<T extends { body: string; attachments: string[] }>(v: T, ctx: z.RefinementCtx) {
  if (!v.body && v.attachments.length === 0) ctx.addIssue({ code: 'custom', path: ['body'], message: vmsg('messageOrPhoto') });
}

/** A buyer opens (or continues) the conversation with a store, from a product page, the store page or an order. */
export const ZStartConversationInput = z
  .object({
    storeId: z.string().uuid(vmsg('invalidStore')),
    productId: z.string().uuid(vmsg('invalidProduct')).optional(),
    orderId: z.string().uuid(vmsg('invalidOrder')).optional(),
    body: ZBody,
    attachments: ZAttachments,
    clientId: ZClientId,
  })
  .superRefine(requireContent);
export type TStartConversationInput = z.input<typeof ZStartConversationInput>;

export const ZSendMessageInput = z
  .object({
    conversationId: z.string().uuid(vmsg('invalidConversation')),
    body: ZBody,
    attachments: ZAttachments,
    clientId: ZClientId,
  })
  .superRefine(requireContent);
export type TSendMessageInput = z.input<typeof ZSendMessageInput>;

/** A seller reply; `suggestionId` + `suggestionIndex` when it started from an AI chip (sent as is or edited). */
export const ZSellerReplyInput = z
  .object({
    conversationId: z.string().uuid(vmsg('invalidConversation')),
    body: ZBody,
    attachments: ZAttachments,
    clientId: ZClientId,
    suggestionId: z.string().uuid().optional(),
    suggestionIndex: z.number().int().min(0).max(2).optional(),
  })
  .superRefine(requireContent);
export type TSellerReplyInput = z.input<typeof ZSellerReplyInput>;

export const INBOX_FILTERS = ['all', 'unread', 'unanswered', 'done'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export const ZInboxListInput = z.object({
  filter: z.enum(INBOX_FILTERS).default('all'),
  productId: z.string().uuid(vmsg('invalidProduct')).optional(),
  q: z.string().trim().max(100, vmsg('maxChars', { maximum: 100 })).optional(),
  /** lastMessageAt of the last row of the previous page (ISO). */
  before: z.string().datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(50).default(30),
});
export type TInboxListInput = z.input<typeof ZInboxListInput>;

export const ZConversationRef = z.object({ conversationId: z.string().uuid(vmsg('invalidConversation')) });

export const ZMessagesPageInput = z.object({
  conversationId: z.string().uuid(vmsg('invalidConversation')),
  /** createdAt of the oldest message already shown (ISO): the page before it. */
  before: z.string().datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
