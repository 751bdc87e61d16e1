import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  countFigure,
  type StatisticFigure,
  type StatisticsScope,
  type StatisticsSource,
  StatisticsSourceAdapter,
} from '../../platform/statistics';

const VISIBLE = `c.deleted_at IS NULL AND c.hidden_at IS NULL AND c.space_id = ANY($1::uuid[])`;

/** Comments (not deleted, not hidden) in the key figures (see {@link StatisticsSource}). */
@Injectable()
@StatisticsSourceAdapter()
export class CommentStatistics implements StatisticsSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(scope: StatisticsScope): Promise<StatisticFigure[]> {
    return [
      await countFigure(
        this.dataSource.manager,
        'comments',
        `SELECT c.created_at AS at FROM comments c WHERE ${VISIBLE}`,
        [[...scope.spaceIds]],
      ),
    ];
  }

  async participants(spaceId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT c.author_id AS id FROM comments c WHERE c.author_id IS NOT NULL AND ${VISIBLE}`,
      [[spaceId]],
    );
    return rows.map((r) => r.id);
  }
}
