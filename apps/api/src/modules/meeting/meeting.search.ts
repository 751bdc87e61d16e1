import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  componentPath,
  runSearch,
  type SearchRequest,
  type SearchSource,
  SearchSourceAdapter,
  searchSql,
} from '../../platform/search';
import { visibleToUserSql } from '../participatory-space/space-access.service';

const RANK = searchSql.rank('m.search_vector');

/** Published, not hidden, not withdrawn meetings in the global search (title above description). */
@Injectable()
@SearchSourceAdapter()
export class MeetingSearch implements SearchSource {
  readonly type = 'MEETING';
  readonly order = 3;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  search(request: SearchRequest) {
    return runSearch(
      this.dataSource,
      request,
      `SELECT m.id, m.title, ${searchSql.headline('m.description')} AS excerpt, s.slug, s.title AS space_title, m.component_id, ${RANK} AS rank, count(*) OVER () AS total
         FROM meetings m JOIN components c ON c.id = m.component_id JOIN participatory_spaces s ON s.id = c.space_id
        WHERE m.search_vector @@ ${searchSql.query} AND m.published_at IS NOT NULL AND m.hidden_at IS NULL AND m.withdrawn_at IS NULL
          AND ${visibleToUserSql('c.space_id', '$4', 'c.id')} AND ${searchSql.after(RANK, 'm.id')}
        ${searchSql.page('m.id')}`,
      (row) => `${componentPath(row.slug, row.component_id)}/rencontres/${row.id}`,
    );
  }
}
