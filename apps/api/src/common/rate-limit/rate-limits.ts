import type { ExecutionContext } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { normalizeIp, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { THROTTLER_TTL } from '@nestjs/throttler/dist/throttler.constants';
import type { AppConfig } from '../../config/app-config';
import type { ConcertoRequest } from '../access/request-context';

/**
 * Names of the rate limits (throttlers of @nestjs/throttler) and how they are declared:
 * - `mutation`: every GraphQL mutation, one budget per caller shared by all mutations
 *   (`MUTATION_RATE_LIMIT_PER_MINUTE`); nothing to declare;
 * - `auth`: sign-up and sign-in, per client IP and mutation (`LOGIN_RATE_LIMIT_PER_MINUTE`);
 *   declared on the resolver with `@Throttle({ [RateLimit.AUTH]: { ttl: ONE_MINUTE } })`;
 * - `perMutation`: a stricter limit of its own for an expensive or abusable mutation, per
 *   caller and mutation; declared next to the resolver with
 *   `@Throttle({ [RateLimit.PER_MUTATION]: { limit: 10, ttl: ONE_MINUTE } })`.
 * `auth` and `perMutation` apply only where declared.
 */
export const RateLimit = {
  MUTATION: 'mutation',
  AUTH: 'auth',
  PER_MUTATION: 'perMutation',
} as const;

/** One minute in milliseconds: the window of every rate limit. */
export const ONE_MINUTE = 60_000;

/** Client IP of a request (Express `req.ip`, which honours `trust proxy`), IPv6 grouped by /64. */
export function clientIp(req: ConcertoRequest): string {
  return normalizeIp(req.ip ?? req.socket?.remoteAddress ?? 'unknown');
}

/**
 * Who a rate limit counts: the signed-in user (`user:<id>`, whatever IP they come from),
 * otherwise the client IP (`ip:<address>`). The viewer was attached by the AccessGuard,
 * which runs before the throttler guard.
 */
export function callerKey(req: ConcertoRequest): string {
  return req.viewer ? `user:${req.viewer.user.id}` : `ip:${clientIp(req)}`;
}

/** True when the handler carries no `@Throttle` declaration for the throttler `name`. */
const undeclared = (name: string) => (context: ExecutionContext) =>
  Reflect.getMetadata(THROTTLER_TTL + name, context.getHandler()) === undefined;

/**
 * The throttlers of the API (see {@link RateLimit}). Counters are kept in process memory, or
 * in Redis when `REDIS_URL` is set (@nest-lab/throttler-storage-redis: one atomic Lua
 * increment per hit), so that several API processes share one budget per caller.
 * @param config validated configuration (MUTATION_RATE_LIMIT_PER_MINUTE, LOGIN_RATE_LIMIT_PER_MINUTE, REDIS_URL)
 */
export function rateLimitOptions(config: AppConfig): ThrottlerModuleOptions {
  return {
    storage: config.REDIS_URL
      ? new ThrottlerStorageRedisService(config.REDIS_URL, {
          keyPrefix: 'concerto:rate-limit:',
          maxRetriesPerRequest: 2,
        })
      : undefined,
    // the errors carry their own message and code (MutationThrottlerGuard)
    throttlers: [
      {
        name: RateLimit.MUTATION,
        ttl: ONE_MINUTE,
        limit: config.MUTATION_RATE_LIMIT_PER_MINUTE,
        getTracker: (req) => callerKey(req as ConcertoRequest),
        // one budget for all mutations of a caller, not one per mutation
        generateKey: (_context, tracker, name) => `${name}:${tracker}`,
      },
      {
        name: RateLimit.AUTH,
        ttl: ONE_MINUTE,
        limit: config.LOGIN_RATE_LIMIT_PER_MINUTE,
        // always the IP: the point is to slow down password guessing from one place
        getTracker: (req) => `ip:${clientIp(req as ConcertoRequest)}`,
        skipIf: undeclared(RateLimit.AUTH),
      },
      {
        name: RateLimit.PER_MUTATION,
        ttl: ONE_MINUTE,
        limit: config.MUTATION_RATE_LIMIT_PER_MINUTE,
        getTracker: (req) => callerKey(req as ConcertoRequest),
        skipIf: undeclared(RateLimit.PER_MUTATION),
      },
    ],
  };
}
