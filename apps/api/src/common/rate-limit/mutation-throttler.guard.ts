import { ErrorCode } from '@concerto/domain';
import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { GraphQLResolveInfo } from 'graphql';
import { AppConfig } from '../../config/app-config';
import type { GraphQLContext } from '../access/request-context';
import { DomainError } from '../errors/domain-error';
import { RateLimit } from './rate-limits';

/** The default of MUTATION_RATE_LIMIT_PER_MINUTE: the budget the `perMutation` declarations are written for. */
export const DEFAULT_MUTATION_RATE_LIMIT_PER_MINUTE = 120;

/**
 * Global guard (registered after the AccessGuard, so the caller is known): applies the rate
 * limits of {@link RateLimit} to every GraphQL mutation and to nothing else (queries, HTTP
 * exports and `/healthz` are not counted). A refused mutation is not run — nothing changes —
 * and fails with `extensions.code` TOO_MANY_REQUESTS and `extensions.retryAfterSeconds`.
 *
 * A `perMutation` limit is declared for the default budget (120 a minute) and scales with
 * MUTATION_RATE_LIMIT_PER_MINUTE (at least 1): raising the general budget, e.g. in the test
 * suite or for a live event, raises the stricter ones in proportion.
 */
@Injectable()
export class MutationThrottlerGuard extends ThrottlerGuard {
  private readonly scale: number;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(AppConfig) config: AppConfig,
  ) {
    super(options, storage, reflector);
    this.scale = config.MUTATION_RATE_LIMIT_PER_MINUTE / DEFAULT_MUTATION_RATE_LIMIT_PER_MINUTE;
  }

  /** Only GraphQL mutation fields are limited. */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    return info?.parentType?.name !== 'Mutation';
  }

  /** The Express request and response behind a GraphQL resolver. */
  protected override getRequestResponse(context: ExecutionContext) {
    const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    return { req: ctx.req, res: ctx.res };
  }

  /** Scales a declared `perMutation` limit with the general budget, then counts the hit. */
  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    if (request.throttler.name === RateLimit.PER_MUTATION) {
      return super.handleRequest({
        ...request,
        limit: Math.max(1, Math.round(request.limit * this.scale)),
      });
    }
    return super.handleRequest(request);
  }

  /** A refusal the error formatter maps like any DomainError: TOO_MANY_REQUESTS, `retryAfterSeconds`, `limit`. */
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfterSeconds = Math.max(1, detail.timeToBlockExpire);
    throw new DomainError(
      ErrorCode.TOO_MANY_REQUESTS,
      `Trop de requêtes : réessayez dans ${retryAfterSeconds} s.`,
      { retryAfterSeconds, limit: detail.limit },
    ).inEnglish(`Too many requests: try again in ${retryAfterSeconds} s.`);
  }
}
