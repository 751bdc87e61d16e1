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

const RANK = searchSql.rank('p.search_vector');

/** Published or answered, not hidden petitions in the global search (title above text). */
@Injectable()
@SearchSourceAdapter()
export class PetitionSearch implements SearchSource {
  readonly type = 'PETITION';
  readonly order = 4;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  search(request: SearchRequest) {
    return runSearch(
      this.dataSource,
      request,
      `SELECT p.id, p.title, ${searchSql.headline('p.body')} AS excerpt, s.slug, s.title AS space_title, p.component_id, ${RANK} AS rank, count(*) OVER () AS total
         FROM petitions p JOIN components c ON c.id = p.component_id JOIN participatory_spaces s ON s.id = c.space_id
        WHERE p.search_vector @@ ${searchSql.query} AND p.state IN ('PUBLISHED', 'ANSWERED') AND p.hidden_at IS NULL
          AND ${visibleToUserSql('c.space_id', '$4', 'c.id')} AND ${searchSql.after(RANK, 'p.id')}
        ${searchSql.page('p.id')}`,
      (row) => `${componentPath(row.slug, row.component_id)}/petitions/${row.id}`,
    );
  }
}
