import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { UserEntity } from '../../modules/user/entities/user.entity';

/** The signed-in caller attached to a request by the {@link AccessGuard}. */
export interface Viewer {
  user: UserEntity;
  sessionId: string;
}

export interface ConcertoRequest extends Request {
  viewer?: Viewer | null;
}

/** GraphQL context: the Express request and response (for cookies). */
export interface GraphQLContext {
  req: ConcertoRequest;
  res: Response;
}

/** Express request of an HTTP or GraphQL execution context. */
export function requestOf(context: ExecutionContext): ConcertoRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<GraphQLContext>().req;
  }
  return context.switchToHttp().getRequest<ConcertoRequest>();
}

/** Parameter decorator: the signed-in {@link Viewer}, or null for anonymous callers. */
export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => requestOf(context).viewer ?? null,
);
