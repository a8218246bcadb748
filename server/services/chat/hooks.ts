import { logger } from '../../log/logger';
import type { MessageDTO } from './types';

/**
 * The event point for "a chat message was sent" (after its transaction committed). Web Push (H-PWA) registers a
 * listener here: `onChatMessage((e) => sendPushTo(e.recipient...))`. Listeners run after the response path, must not
 * throw (errors are logged), and see each message once per process that committed it.
 */
export type ChatMessageEvent = {
  message: MessageDTO;
  storeId: string;
  storeName: string;
  buyerId: string;
  /** Who should be told: the buyer (seller replied) or the store's members (buyer wrote). */
  recipient: 'buyer' | 'store';
};

type Listener = (e: ChatMessageEvent) => void | Promise<void>;
const globalForHooks = globalThis as unknown as { vitaChatListeners?: Set<Listener> };
const listeners = (globalForHooks.vitaChatListeners ??= new Set<Listener>());

export function onChatMessage(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitChatMessage(e: ChatMessageEvent): void {
  for (const l of listeners) {
    Promise.resolve()
      .then(() => l(e))
      .catch((err) => logger.warn({ err, messageId: e.message.id }, 'chat message listener failed'));
  }
}
