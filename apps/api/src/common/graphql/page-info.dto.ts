import { Field, ObjectType } from '@nestjs/graphql';

/**
 * Relay page information shared by every keyset-paged connection (proposals, history lines…):
 * whether another page follows and the opaque cursor to ask for it.
 */
@ObjectType('PageInfo')
export class PageInfoDto {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
