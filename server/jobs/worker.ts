import type PgBoss from 'pg-boss';
import { logger } from '../log/logger';
import { getBoss, type JobName, type JobPayloads } from './queue';
import { handlers, schedules } from './handlers';

export type JobHandler<N extends JobName> = (data: JobPayloads[N]) => Promise<void>;

/** Every handler must be idempotent: pg-boss retries with backoff and a crash re-delivers the job. */
export async function startWorker(): Promise<PgBoss> {
  const boss = await getBoss();
  for (const [name, handler] of Object.entries(handlers) as [JobName, JobHandler<JobName>][]) {
    await boss.createQueue(name);
    await boss.work<JobPayloads[typeof name]>(name, { batchSize: 1 }, async ([job]) => {
      if (!job) return;
      const started = performance.now();
      await handler(job.data);
      logger.info({ job: name, id: job.id, ms: Math.round(performance.now() - started) }, 'job done');
    });
  }
  for (const { name, cron } of schedules) await boss.schedule(name, cron, {}, { tz: 'UTC' });
  logger.info({ queues: Object.keys(handlers) }, 'worker started');
  const stop = async () => {
    await boss.stop({ graceful: true, timeout: 10_000 });
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return boss;
}
