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

const VISIBLE = publishedComponentIn('mo.component_id', '$1');

/** Assembly votes on motions (one per member and motion) in the key figures (see {@link StatisticsSource}). */
@Injectable()
@StatisticsSourceAdapter()
export class MotionStatistics implements StatisticsSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(scope: StatisticsScope): Promise<StatisticFigure[]> {
    return [
      await countFigure(
        this.dataSource.manager,
        'votes',
        `SELECT v.voted_at AS at FROM motion_participations v JOIN motions mo ON mo.id = v.motion_id WHERE ${VISIBLE}`,
        [[...scope.spaceIds]],
      ),
    ];
  }

  async participants(spaceId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT v.user_id AS id FROM motion_participations v JOIN motions mo ON mo.id = v.motion_id WHERE ${VISIBLE}`,
      [[spaceId]],
    );
    return rows.map((r) => r.id);
  }
}
