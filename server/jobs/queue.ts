import PgBoss from 'pg-boss';
import { env } from '../env';
import { logger } from '../log/logger';

/** Job names and their payloads: the one list of background work. */
export type JobPayloads = {
  'media.process': { mediaId: string };
  // payments (server/jobs/handlers/payments.ts)
  'payment.callback': { eventId: string };
  'payment.reconcile': Record<string, never>;
  'payout.callback': { eventId: string };
  'payout.reconcile': Record<string, never>;
  // checkout and orders (server/jobs/handlers/checkout.ts)
  'checkout.expire': { checkoutId: string };
  'checkout.sweep': Record<string, never>;
  'funds.release': Record<string, never>;
  // documents and messages (server/jobs/handlers/outbox.ts)
  'order.receipt': { orderId: string };
  'outbox.deliver': { messageId: string };
  'outbox.sweep': Record<string, never>;
  // plans (server/jobs/handlers/billing.ts)
  'subscriptions.sweep': Record<string, never>;
  // identity verification (server/jobs/handlers/kyc.ts)
  'kyc.event': { eventId: string };
  'kyc.reconcile': Record<string, never>;
  // chat and realtime (server/jobs/handlers/chat.ts)
  'chat.suggest': { messageId: string; conversationId: string };
  'chat.notify': { conversationId: string; recipient: 'buyer' | 'seller' };
  'realtime.prune': Record<string, never>;
};
export type JobName = keyof JobPayloads;

const globalForBoss = globalThis as unknown as { vitaBoss?: Promise<PgBoss> };

/** The queue lives in PostgreSQL (schema `pgboss`), so a job survives any process dying mid-way. */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.vitaBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, max: 10 });
    boss.on('error', (err) => logger.error({ err }, 'pg-boss error'));
    await boss.start();
    return boss;
  })();
  return globalForBoss.vitaBoss;
}

/** Queues this process has already made sure exist (createQueue is a round trip with a lock). */
const createdQueues = new Set<string>();

export async function enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts: PgBoss.SendOptions = {}) {
  const boss = await getBoss();
  if (!createdQueues.has(name)) {
    await boss.createQueue(name);
    createdQueues.add(name);
  }
  return boss.send(name, data, { retryLimit: 5, retryDelay: 5, retryBackoff: true, ...opts });
}
