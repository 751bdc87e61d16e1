import type { Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, GraphQLContext, Viewer } from '../../common/access/request-context';
import type { ReportableType } from './entities/moderation.entity';
import { ModerationService } from './moderation.service';

/**
 * Builds the `viewerReported` field resolver of a reportable host's GraphQL type, for hosts
 * whose queries do not compute the flag themselves (meetings, petitions, news posts, debate
 * statements, ideas). The host module lists the returned class among its providers and imports
 * `ModerationModule`; the moderation module never learns the host's type.
 * @param dto the host's object type (must have `id`)
 * @param type the host's reportable type
 * @returns a resolver class adding `viewerReported: Boolean!` (true when the caller has an open
 *   report on the item; false for visitors), batched per request: one query per page
 */
export function viewerReportedResolver<T extends { id: string }>(
  dto: Type<T>,
  type: ReportableType,
): Type<unknown> {
  @Resolver(() => dto)
  class HostViewerReportedResolver {
    constructor(private readonly moderation: ModerationService) {}

    /** Whether the caller has an open report on this item. Access: as the item. */
    @Public()
    @ResolveField(() => Boolean, {
      description:
        'The caller reported it and the report is still open (false for visitors). Access: as the item.',
    })
    viewerReported(
      @Parent() item: T,
      @CurrentViewer() viewer: Viewer | null,
      @Context() context: GraphQLContext,
    ): Promise<boolean> {
      return this.moderation.viewerReported(context.req, viewer, type, item.id);
    }
  }
  Object.defineProperty(HostViewerReportedResolver, 'name', {
    value: `${dto.name.replace(/Dto$/, '')}ViewerReportedResolver`,
  });
  return HostViewerReportedResolver;
}
