import { getDb } from '../db/client';
import { processPendingMedia } from '../services/media/process-pending-media';
import { enqueue, type JobName } from './queue';
import type { JobHandler } from './worker';

/** Registry of job handlers, one per job name. */
export const handlers: { [N in JobName]: JobHandler<N> } = {
  'media.process': async ({ mediaId }) => {
    const result = await processPendingMedia({ db: getDb(), mediaId });
    // Bytes not there yet: look once more when the upload is given up on.
    if (result.outcome === 'waiting') await enqueue('media.process', { mediaId }, { startAfter: result.retryAt });
  },
};
