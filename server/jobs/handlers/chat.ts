import { getDb } from '../../db/client';
import { env } from '../../env';
import { pruneRealtimeEvents } from '../../realtime/prune';
import { generateSuggestions, summarize } from '../../services/chat/ai';
import { notifyUnread } from '../../services/chat/notify-unread';
import { kickOutbox } from '../../services/outbox/kick-outbox';
import type { JobHandlers } from '../handlers';

export const chatJobs: JobHandlers<'chat.suggest' | 'chat.notify' | 'realtime.prune'> = {
  // Safety net behind the in-process run right after a buyer message (server/services/chat/background.ts): a no-op
  // when the suggestions are already stored.
  'chat.suggest': async ({ messageId, conversationId }) => {
    await generateSuggestions({ db: getDb(), messageId, appUrl: env().APP_URL });
    await summarize({ db: getDb(), conversationId, trigger: 'auto', appUrl: env().APP_URL });
  },
  'chat.notify': async ({ conversationId, recipient }) => {
    const r = await notifyUnread({ db: getDb(), conversationId, recipient });
    if (r.sent) await kickOutbox();
  },
  'realtime.prune': async () => {
    await pruneRealtimeEvents({ db: getDb() });
  },
};
