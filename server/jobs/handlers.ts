import type { JobName } from './queue';
import type { JobHandler } from './worker';

/** Registry of job handlers, one per job name. */
export const handlers: { [N in JobName]: JobHandler<N> } = {
  'media.process': async () => {
    throw new Error('media.process handler not wired yet');
  },
};
