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

const VISIBLE = publishedComponentIn('s.component_id', '$1');

/** Survey answers (one per submission) in the key figures (see {@link StatisticsSource}). */
@Injectable()
@StatisticsSourceAdapter()
export class SurveyStatistics implements StatisticsSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(scope: StatisticsScope): Promise<StatisticFigure[]> {
    return [
      await countFigure(
        this.dataSource.manager,
        'answers',
        `SELECT sub.created_at AS at FROM survey_submissions sub JOIN surveys s ON s.id = sub.survey_id WHERE ${VISIBLE}`,
        [[...scope.spaceIds]],
      ),
    ];
  }

  async participants(spaceId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT sub.user_id AS id FROM survey_submissions sub JOIN surveys s ON s.id = sub.survey_id
        WHERE sub.user_id IS NOT NULL AND ${VISIBLE}`,
      [[spaceId]],
    );
    return rows.map((r) => r.id);
  }
}
