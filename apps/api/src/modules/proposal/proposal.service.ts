import { ComponentType } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { ProposalDto, toProposalDto } from './dtos/proposal.dto';
import { ProposalEntity } from './entities/proposal.entity';

/** Reads proposals of a component. */
@Injectable()
export class ProposalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
  ) {}

  /**
   * Proposals of a PROPOSALS component, oldest reference first.
   * @throws NOT_FOUND component hidden or unknown; BAD_USER_INPUT not a PROPOSALS component
   */
  async list(componentId: string, viewer: Viewer | null): Promise<ProposalDto[]> {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.PROPOSALS) throw DomainError.badInput('Cette fonctionnalité ne contient pas de propositions.');
    const rows = await this.dataSource
      .getRepository(ProposalEntity)
      .createQueryBuilder('p')
      .leftJoin('users', 'u', 'u.id = p.author_id')
      .addSelect('u.name', 'author_name')
      .where('p.component_id = :componentId', { componentId })
      .orderBy('p.published_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawAndEntities();
    return rows.entities.map((p, i) => toProposalDto(p, (rows.raw[i] as { author_name: string | null }).author_name));
  }
}
