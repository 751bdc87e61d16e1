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

/** Members (accounts not deleted) in the platform's key figures, not in a space's (see {@link StatisticsSource}). */
@Injectable()
@StatisticsSourceAdapter()
export class UserStatistics implements StatisticsSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(scope: StatisticsScope): Promise<StatisticFigure[]> {
    if (!scope.organisation) return [];
    return [
      await countFigure(
        this.dataSource.manager,
        'members',
        `SELECT u.created_at AS at FROM users u WHERE u.deleted_at IS NULL`,
        [],
      ),
    ];
  }
}
