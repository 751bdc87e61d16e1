import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Throttle } from '@nestjs/throttler';
import { Authenticated, Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { ONE_MINUTE, RateLimit } from '../../common/rate-limit/rate-limits';
import { CommentService } from './comment.service';
import { AddCommentInput, CommentableTypeEnum, CommentDto } from './dtos/comment.dto';

@Resolver(() => CommentDto)
export class CommentResolver {
  constructor(private readonly commentService: CommentService) {}

  /** Threads on a commentable, oldest first. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [CommentDto], {
    description:
      'Comment threads on a resource. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.',
  })
  comments(
    @Args('commentableType', { type: () => CommentableTypeEnum })
    type: keyof typeof CommentableTypeEnum,
    @Args('commentableId', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<CommentDto[]> {
    return this.commentService.thread(type, id, viewer);
  }

  /**
   * Adds a comment or reply. Access: signed-in participants; 20 a minute per participant (at the
   * default mutation budget). Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, BAD_USER_INPUT, TOO_MANY_REQUESTS.
   */
  @Authenticated()
  @Throttle({ [RateLimit.PER_MUTATION]: { limit: 20, ttl: ONE_MINUTE } })
  @Mutation(() => CommentDto, {
    description:
      'Comment (or reply, up to three levels). Access: participants. Errors: UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, BAD_USER_INPUT, TOO_MANY_REQUESTS.',
  })
  addComment(
    @Args('input') input: AddCommentInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CommentDto> {
    return this.commentService.add(input, viewer);
  }

  /** Edits one's comment. Access: its author. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT. */
  @Authenticated()
  @Mutation(() => CommentDto, {
    description:
      'Edit one’s comment. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT.',
  })
  updateComment(
    @Args('id', { type: () => ID }) id: string,
    @Args('body') body: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CommentDto> {
    return this.commentService.edit(id, body, viewer);
  }

  /** Deletes one's comment (replies stay). Access: its author. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT. */
  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'Delete one’s comment. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT.',
  })
  deleteComment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.commentService.remove(id, viewer);
  }
}
