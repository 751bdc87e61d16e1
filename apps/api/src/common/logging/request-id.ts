import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The request whose work is under way: an HTTP request, or a background job done on behalf of one. */
interface RequestScope {
  id: string;
  kind: 'http' | 'job';
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** A request id a client or proxy may hand us (nginx's `$request_id` is 32 hex digits). */
const ACCEPTED_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The id of an incoming request: the `X-Request-Id` header set by the proxy when well formed,
 * otherwise a new UUID.
 * @param header the header's value(s)
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && ACCEPTED_ID.test(header) ? header : randomUUID();
}

/**
 * Express middleware, installed first: gives the request its id (`req.id`, read by pino-http),
 * echoes it as `X-Request-Id`, and runs the rest of the request in its scope, so the domain
 * events it records carry the id to the workers that handle them.
 */
export function assignRequestId(
  req: IncomingMessage & { id?: unknown },
  res: ServerResponse,
  next: () => void,
): void {
  const id = requestIdFrom(req.headers['x-request-id']);
  req.id = id;
  res.setHeader('X-Request-Id', id);
  scopes.run({ id, kind: 'http' }, next);
}

/** Runs `work` on behalf of the request `requestId` (a worker handling what that request recorded); null: as is. */
export function withRequestId<T>(requestId: string | null | undefined, work: () => T): T {
  return requestId ? scopes.run({ id: requestId, kind: 'job' }, work) : work();
}

/** The id of the request under way (HTTP, or the one a background job works for), if any. */
export function currentRequestId(): string | undefined {
  return scopes.getStore()?.id;
}

/** The request id a background job works for (its log lines carry it as `jobReqId`). */
export function currentJobRequestId(): string | undefined {
  const scope = scopes.getStore();
  return scope?.kind === 'job' ? scope.id : undefined;
}
