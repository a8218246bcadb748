import type { Db } from '../../db/client';
import { env } from '../../env';
import { enqueue } from '../../jobs/queue';
import { logger } from '../../log/logger';
import { generateSuggestions, summarize } from './ai';
import { UNREAD_EMAIL_DELAY_S } from './notify-unread';

/**
 * Work that follows a committed message and must never hold up its sending: AI suggestions (then an automatic
 * summary of a long thread) and the unread-email check. Started in-process right after the commit for speed, with a
 * queued job behind each one in case this process dies first (every step is idempotent).
 */
export type ChatBackground = {
  afterBuyerMessage(messageId: string, conversationId: string): void;
  afterMessage(conversationId: string, recipient: 'buyer' | 'seller'): void;
};

async function safely(what: string, f: () => Promise<unknown>): Promise<void> {
  try {
    await f();
  } catch (err) {
    logger.warn({ err }, `chat background step failed: ${what}`);
  }
}

export function defaultChatBackground(db: Db): ChatBackground {
  return {
    afterBuyerMessage(messageId, conversationId) {
      // Under vitest, writes landing after a call returned would race the tests' table checks: tests drive the AI
      // steps explicitly (generateSuggestions / summarize) or pass their own background.
      if (env().NODE_ENV !== 'test')
        void safely('suggest', async () => {
        await generateSuggestions({ db, messageId, appUrl: env().APP_URL });
        await summarize({ db, conversationId, trigger: 'auto', appUrl: env().APP_URL });
      });
      void safely('enqueue suggest', () => enqueue('chat.suggest', { messageId, conversationId }, { startAfter: 30, singletonKey: `chat.suggest:${messageId}` }));
    },
    afterMessage(conversationId, recipient) {
      void safely('enqueue notify', () =>
        enqueue('chat.notify', { conversationId, recipient }, { startAfter: UNREAD_EMAIL_DELAY_S, singletonKey: `chat.notify:${conversationId}:${recipient}`, singletonSeconds: 60 }),
      );
    },
  };
}

/** For tests: collects what would run, so a test can await it or leave it. */
export function recordingBackground(): ChatBackground & { buyerMessages: string[]; notifications: Array<[string, string]> } {
  const buyerMessages: string[] = [];
  const notifications: Array<[string, string]> = [];
  return {
    buyerMessages,
    notifications,
    afterBuyerMessage: (id) => void buyerMessages.push(id),
    afterMessage: (c, r) => void notifications.push([c, r]),
  };
}
