import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  countFigure,
  publishedComponentIn,
  type StatisticFigure,
  type StatisticsScope,
  type StatisticsSource,
  StatisticsSourceAdapter,
} from '../../platform/statistics';

const VISIBLE = `p.withdrawn_at IS NULL AND p.hidden_at IS NULL AND ${publishedComponentIn('p.component_id', '$1')}`;

/** Proposals and their (counted) supports in the key figures (see {@link StatisticsSource}). */
@Injectable()
@StatisticsSourceAdapter()
export class ProposalStatistics implements StatisticsSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(scope: StatisticsScope): Promise<StatisticFigure[]> {
    const m = this.dataSource.manager;
    const params = [[...scope.spaceIds]];
    return Promise.all([
      countFigure(
        m,
        'proposals',
        `SELECT p.published_at AS at FROM proposals p WHERE ${VISIBLE}`,
        params,
      ),
      countFigure(
        m,
        'supports',
        `SELECT s.created_at AS at FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id
          WHERE s.counted AND ${VISIBLE}`,
        params,
      ),
    ]);
  }

  async participants(spaceId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.author_id AS id FROM proposals p WHERE p.author_id IS NOT NULL AND ${VISIBLE}
       UNION SELECT s.user_id FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id WHERE ${VISIBLE}`,
      [[spaceId]],
    );
    return rows.map((r) => r.id);
  }
}
