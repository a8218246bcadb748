/** The background worker: pg-boss on the same PostgreSQL. Handlers live in server/jobs. */
import { startWorker } from '../server/jobs/worker';

void startWorker().catch((err) => {
  console.error('[worker] failed to start', err);
  process.exit(1);
});
