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

const RANK = searchSql.rank('a.search_vector');

/** Articles of published participatory texts in the global search (titled « Article N »). */
@Injectable()
@SearchSourceAdapter()
export class ArticleSearch implements SearchSource {
  readonly type = 'ARTICLE';
  readonly order = 2;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  search(request: SearchRequest) {
    return runSearch(
      this.dataSource,
      request,
      `SELECT a.id, a.number, 'Article ' || a.number AS title, ${searchSql.headline('a.body')} AS excerpt, s.slug, s.title AS space_title, a.component_id, ${RANK} AS rank, count(*) OVER () AS total
         FROM text_articles a JOIN participatory_texts t ON t.component_id = a.component_id JOIN components c ON c.id = a.component_id
         JOIN participatory_spaces s ON s.id = c.space_id
        WHERE a.search_vector @@ ${searchSql.query} AND t.published_at IS NOT NULL
          AND ${visibleToUserSql('c.space_id', '$4', 'c.id')} AND ${searchSql.after(RANK, 'a.id')}
        ${searchSql.page('a.id')}`,
      (row) => `${componentPath(row.slug, row.component_id)}#article-${row.number}`, // as the article host links it
    );
  }
}
