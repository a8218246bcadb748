import { metrics } from '@/server/observability/metrics';
import { metricsAuthorized, metricsToken } from '@/server/observability/metrics-auth';

export const dynamic = 'force-dynamic';

/** Prometheus text format, for a scraper holding the bearer token (METRICS_TOKEN; locally .data/<dir>/metrics-token). */
export async function GET(req: Request) {
  if (!metricsAuthorized(req.headers.get('authorization'), metricsToken())) {
    return new Response('Unauthorized\n', { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"', 'cache-control': 'no-store' } });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
