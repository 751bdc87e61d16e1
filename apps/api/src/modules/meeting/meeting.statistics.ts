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

const VISIBLE = `m.published_at IS NOT NULL AND m.withdrawn_at IS NULL AND m.hidden_at IS NULL AND ${publishedComponentIn('m.component_id', '$1')}`;

/** Published meetings in the key figures (see {@link StatisticsSource}). */
@Injectable()
@StatisticsSourceAdapter()
export class MeetingStatistics implements StatisticsSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(scope: StatisticsScope): Promise<StatisticFigure[]> {
    return [
      await countFigure(
        this.dataSource.manager,
        'meetings',
        `SELECT m.published_at AS at FROM meetings m WHERE ${VISIBLE}`,
        [[...scope.spaceIds]],
      ),
    ];
  }

  async participants(spaceId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT r.user_id AS id FROM meeting_registrations r JOIN meetings m ON m.id = r.meeting_id
        WHERE r.user_id IS NOT NULL AND ${VISIBLE}`,
      [[spaceId]],
    );
    return rows.map((r) => r.id);
  }
}
