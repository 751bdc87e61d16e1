import { SpaceRole } from '@concerto/domain';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Public, SpaceRoles } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { ParticipationByTypologyDto, StatisticsDto } from './dtos/statistics.dto';
import { StatisticsService } from './statistics.service';

/** Key figures (« Chiffres clés ») and the participation by typology. */
@Resolver()
export class StatisticsResolver {
  constructor(private readonly statistics: StatisticsService) {}

  /** Key figures of the platform or of one space. Access: anyone. Errors: BAD_USER_INPUT, NOT_FOUND. */
  @Public()
  @Query(() => StatisticsDto, {
    name: 'statistics',
    description:
      'Key figures (« Chiffres clés ») and weekly series, exact at `asOf`: of the published spaces, or of one space the caller may see. Access: anyone. Errors: BAD_USER_INPUT (malformed id), NOT_FOUND.',
  })
  statisticsOf(
    @Args('spaceId', { type: () => ID, nullable: true }) spaceId: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<StatisticsDto> {
    return this.statistics.statistics(spaceId ?? null, viewer);
  }

  /** Participants per typology vs members per typology. Access: space admins, organisation admins. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ spaceId: a.spaceId }))
  @Query(() => ParticipationByTypologyDto, {
    description:
      'How representative a space’s participation is: distinct participants per profile typology against the platform’s members per typology. Access: the space’s admins and organisation admins. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.',
  })
  participationByTypology(
    @Args('spaceId', { type: () => ID }) spaceId: string,
  ): Promise<ParticipationByTypologyDto> {
    return this.statistics.participationByTypology(spaceId);
  }
}
