import { ComponentType } from '@concerto/domain';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { MotionDto } from './dtos/motion.dto';
import { MotionEntity } from './entities/motion.entity';

@Resolver(() => MotionDto)
export class MotionResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  /** Motions of a MOTIONS component, oldest first. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT. */
  @Public()
  @Query(() => [MotionDto], { description: 'Motions of a MOTIONS component. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.' })
  async motions(@Args('componentId', { type: () => ID }) componentId: string, @CurrentViewer() viewer: Viewer | null): Promise<MotionDto[]> {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.MOTIONS) throw DomainError.badInput('Cette fonctionnalité ne contient pas de motions.');
    const motions = await this.dataSource.getRepository(MotionEntity).find({ where: { componentId }, order: { createdAt: 'ASC', reference: 'ASC' } });
    return motions.map((m) => ({ id: m.id, componentId: m.componentId, reference: m.reference, title: m.title, body: m.body, createdAt: m.createdAt }));
  }
}
