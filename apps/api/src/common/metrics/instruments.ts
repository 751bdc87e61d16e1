import { Counter, Histogram } from 'prom-client';

/**
 * The instruments the request path updates, defined once per process (not registered globally:
 * each application's `MetricsService` registry adds them). Names follow Prometheus'
 * conventions: `_seconds` histograms, `_total` counters.
 */
export const instruments = {
  /** HTTP requests by method, route (bounded set, see `routeOf`) and status code. */
  httpDuration: new Histogram({
    name: 'concerto_http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [],
  }),
  /** GraphQL operations by name (bounded, see `operationLabel`), type and outcome (`OK` or the first error's code). */
  graphqlDuration: new Histogram({
    name: 'concerto_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency in seconds, by operation name, type and outcome code',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [],
  }),
  /** Requests refused by a rate limit: GraphQL mutations and sign-in (`graphql`), Socket.IO messages (`socket`). */
  rateLimitRefusals: new Counter({
    name: 'concerto_rate_limit_refusals_total',
    help: 'Requests refused by a rate limit (TOO_MANY_REQUESTS), by channel',
    labelNames: ['channel'] as const,
    registers: [],
  }),
};

/** Known routes; everything else is the web app's files (`static`). */
export function routeOf(path: string): string {
  if (path === '/graphql' || path.startsWith('/graphql?')) return '/graphql';
  if (path.startsWith('/socket.io')) return '/socket.io';
  if (path.startsWith('/exports/surveys/')) return '/exports/surveys/:id/:file';
  if (path.startsWith('/exports/my-data/')) return '/exports/my-data/:id';
  for (const fixed of ['/healthz', '/readyz', '/metrics'])
    if (path === fixed || path.startsWith(`${fixed}?`)) return fixed;
  return 'static';
}

const seenOperations = new Set<string>();
/** Distinct operation names kept as labels; a client inventing names past it lands in `other`. */
export const MAX_OPERATION_LABELS = 300;

/**
 * The label of a GraphQL operation: its name when well formed and among the first
 * {@link MAX_OPERATION_LABELS} names seen (names are chosen by clients: a bound keeps the
 * series count bounded), `anonymous` without a name, `other` past the bound.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
  seenOperations.add(name);
  return name;
}
