import { getDb } from '@/server/db/client';
import { readiness } from '@/server/observability/readiness';
import { withRequestLog } from '@/server/observability/request-log';

export const dynamic = 'force-dynamic';

/** Readiness (database, job queue) for load balancers and deploys; /api/health stays the cheap liveness probe. */
export const GET = withRequestLog('ready', async () => {
  const r = await readiness(getDb());
  return Response.json(r, { status: r.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
});
