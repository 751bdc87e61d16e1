import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { SearchResultsDto, type SearchResultType, SearchResultTypeEnum } from './search.dto';
import { SEARCH_LIMITS, SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Public()
  @Query(() => SearchResultsDto, {
    description:
      'Global search over proposals, text articles, meetings and petitions the caller may see: French stemming, accents ignored, web-search syntax ("phrase", -mot, or). Grouped by type, best first; `after` (a group’s endCursor) pages one type. Access: anyone. Errors: BAD_USER_INPUT (query of 2–200 characters, first 1–50, after only with one type).',
  })
  search(
    @Args('query') query: string,
    @Args('types', { type: () => [SearchResultTypeEnum], nullable: true })
    types: SearchResultType[] | undefined,
    @Args('first', { type: () => Int, defaultValue: SEARCH_LIMITS.defaultFirst }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<SearchResultsDto> {
    return this.searchService.search(query, types ?? undefined, first, after ?? undefined, viewer);
  }
}
