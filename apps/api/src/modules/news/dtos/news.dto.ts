import { NewsPostStatus } from '@concerto/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

registerEnumType(NewsPostStatus, {
  name: 'NewsPostStatus',
  description: 'SCHEDULED until publishedAt, then PUBLISHED (PostgreSQL’s clock at the read).',
});

@ObjectType('NewsPost', { description: 'A news post (Actualité) of a NEWS component.' })
export class NewsPostDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => ID) spaceId!: string;
  @Field({ description: 'Slug of the post’s space (for links).' }) spaceSlug!: string;
  @Field({ description: 'Title of the post’s space.' }) spaceTitle!: string;
  @Field() title!: string;
  @Field({ description: 'Sanitised HTML.' }) body!: string;
  @Field({ description: 'The first 300 visible characters of the body, as plain text.' })
  excerpt!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Web path of the image (WebP, at most 1,200 px wide, no metadata); null without one.',
  })
  imageUrl!: string | null;
  @Field({ description: 'Alternative text of the image (empty without one).' }) imageAlt!: string;
  @Field({ description: 'Signed by the space (true) or by a member (false).' }) bySpace!: boolean;
  @Field({ description: 'Name shown as the author: the member’s name, or the space’s title.' })
  authorName!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The member who signs it; null when the space signs it.',
  })
  authorId!: string | null;
  @Field({ description: 'Also on the home page and in the organization’s feed.' })
  onHomePage!: boolean;
  @Field({ description: 'Publication instant (UTC), past or scheduled.' }) publishedAt!: Date;
  @Field(() => NewsPostStatus) status!: NewsPostStatus;
  @Field() hidden!: boolean;
  @Field(() => Int) commentsCount!: number;
  @Field(() => Int) followsCount!: number;
  @Field({ description: 'Whether the caller follows the post (false when signed out).' })
  viewerFollows!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}
