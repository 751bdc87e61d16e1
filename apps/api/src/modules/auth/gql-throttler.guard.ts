import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { GraphQLContext } from '../../common/access/request-context';

/** @nestjs/throttler's guard, reading the request and response from the GraphQL context. Keyed by client IP. */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  override getRequestResponse(context: ExecutionContext) {
    const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    return { req: ctx.req, res: ctx.res };
  }
}
