import { ComponentType } from '@concerto/domain';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { ParticipatoryTextSourceEntity } from './entities/participatory-text-source.entity';

@Resolver()
export class ParticipatoryTextResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  /**
   * The Markdown source stored for a PARTICIPATORY_TEXT component (before it is imported into
   * sections and articles), or null. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.
   */
  @Public()
  @Query(() => String, { nullable: true, description: 'Markdown source of a participatory text. Access: anyone. Errors: NOT_FOUND, BAD_USER_INPUT.' })
  async participatoryTextSource(@Args('componentId', { type: () => ID }) componentId: string, @CurrentViewer() viewer: Viewer | null): Promise<string | null> {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.PARTICIPATORY_TEXT) throw DomainError.badInput('Cette fonctionnalité n’est pas un texte collaboratif.');
    const source = await this.dataSource.getRepository(ParticipatoryTextSourceEntity).findOne({ where: { componentId } });
    return source?.markdown ?? null;
  }
}
