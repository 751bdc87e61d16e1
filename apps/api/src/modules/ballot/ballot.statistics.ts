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

const VISIBLE = publishedComponentIn('b.component_id', '$1');

/** Votation participations (one per voter and votation) in the key figures (see {@link StatisticsSource}). */
@Injectable()
@StatisticsSourceAdapter()
export class BallotStatistics implements StatisticsSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(scope: StatisticsScope): Promise<StatisticFigure[]> {
    return [
      await countFigure(
        this.dataSource.manager,
        'votes',
        `SELECT v.voted_at AS at FROM ballot_participations v JOIN ballots b ON b.id = v.ballot_id WHERE ${VISIBLE}`,
        [[...scope.spaceIds]],
      ),
    ];
  }

  async participants(spaceId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT v.user_id AS id FROM ballot_participations v JOIN ballots b ON b.id = v.ballot_id WHERE ${VISIBLE}`,
      [[spaceId]],
    );
    return rows.map((r) => r.id);
  }
}
