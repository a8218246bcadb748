import client from 'prom-client';

/**
 * Prometheus metrics of this process (one registry, kept across Next dev reloads): Node defaults plus HTTP requests
 * of the API routes, rate-limit refusals and failed procedures. Served by /api/metrics behind a bearer token.
 */
type Metrics = {
  registry: client.Registry;
  httpRequests: client.Counter<'route' | 'method' | 'status'>;
  httpDuration: client.Histogram<'route' | 'method'>;
  rateLimited: client.Counter<'limit'>;
  procedureErrors: client.Counter<'path' | 'code'>;
};

const g = globalThis as unknown as { vitaMetrics?: Metrics };

function create(): Metrics {
  const registry = new client.Registry();
  registry.setDefaultLabels({ app: 'vita' });
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new client.Counter({ name: 'vita_http_requests_total', help: 'API requests by route, method and status', labelNames: ['route', 'method', 'status'], registers: [registry] }),
    httpDuration: new client.Histogram({
      name: 'vita_http_request_duration_seconds',
      help: 'API request duration',
      labelNames: ['route', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    rateLimited: new client.Counter({ name: 'vita_rate_limited_total', help: 'Requests refused by a rate limit', labelNames: ['limit'], registers: [registry] }),
    procedureErrors: new client.Counter({ name: 'vita_trpc_errors_total', help: 'tRPC procedures that failed, by code', labelNames: ['path', 'code'], registers: [registry] }),
  };
}

export function metrics(): Metrics {
  return (g.vitaMetrics ??= create());
}
