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

/** Published, not hidden, not withdrawn proposals in the global search (reference, title and body). */
@Injectable()
@SearchSourceAdapter()
export class ProposalSearch implements SearchSource {
  readonly type = 'PROPOSAL';
  readonly order = 1;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  search(request: SearchRequest) {
    return runSearch(
      this.dataSource,
      request,
      `SELECT p.id, p.title, ${searchSql.headline('p.body')} AS excerpt, s.slug, s.title AS space_title, p.component_id, ${RANK} AS rank, count(*) OVER () AS total
         FROM proposals p JOIN components c ON c.id = p.component_id JOIN participatory_spaces s ON s.id = c.space_id
        WHERE p.search_vector @@ ${searchSql.query} AND p.hidden_at IS NULL AND p.withdrawn_at IS NULL
          AND ${visibleToUserSql('c.space_id', '$4', 'c.id')} AND ${searchSql.after(RANK, 'p.id')}
        ${searchSql.page('p.id')}`,
      (row) => `${componentPath(row.slug, row.component_id)}/propositions/${row.id}`,
    );
  }
}
