import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoDto } from '../../common/graphql/page-info.dto';

/** The searchable resource types: one per registered search source (a test checks both lists). */
export const SearchResultTypeEnum = {
  PROPOSAL: 'PROPOSAL',
  ARTICLE: 'ARTICLE',
  MEETING: 'MEETING',
  PETITION: 'PETITION',
  NEWS_POST: 'NEWS_POST',
} as const;
export type SearchResultType = keyof typeof SearchResultTypeEnum;
registerEnumType(SearchResultTypeEnum, {
  name: 'SearchResultType',
  description: 'A kind of resource the global search finds.',
});

@ObjectType('SearchHit', { description: 'One resource found.' })
export class SearchHitDto {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({
    description:
      'Safe HTML: the text around the matched words, each match in <mark>; everything else escaped.',
  })
  excerptHtml!: string;
  @Field({ description: 'The resource’s page in the web app.' }) link!: string;
  @Field({ description: 'Title of the space the resource belongs to.' }) spaceTitle!: string;
}

@ObjectType('SearchGroup', {
  description: 'The hits of one resource type, best first, keyset-paged.',
})
export class SearchGroupDto {
  @Field(() => SearchResultTypeEnum) type!: SearchResultType;
  @Field(() => Int, {
    nullable: true,
    description: 'Matches the caller may see (first page only; null on later pages).',
  })
  totalCount!: number | null;
  @Field(() => [SearchHitDto]) hits!: SearchHitDto[];
  @Field(() => PageInfoDto) pageInfo!: PageInfoDto;
}

@ObjectType('SearchResults', {
  description:
    'Global search results, grouped by resource type (groups without hits are left out).',
})
export class SearchResultsDto {
  @Field() query!: string;
  @Field(() => [SearchGroupDto]) groups!: SearchGroupDto[];
}
