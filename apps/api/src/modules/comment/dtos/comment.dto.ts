import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CommentAlignment } from '@concerto/domain';
import { trimmedText } from '../../../common/validation/visible-text';

export const CommentableTypeEnum = {
  PROPOSAL: 'PROPOSAL',
  ARTICLE: 'ARTICLE',
  AMENDMENT: 'AMENDMENT',
  PETITION: 'PETITION',
  MEETING: 'MEETING',
  BALLOT: 'BALLOT',
  IDEA: 'IDEA',
  DEBATE: 'DEBATE',
  NEWS_POST: 'NEWS_POST',
} as const;
registerEnumType(CommentableTypeEnum, {
  name: 'CommentableType',
  description:
    'What can be commented: proposals, articles of a participatory text, amendments, petitions, meetings, votations, ideas of a Boîte à idées, debates (motions join later).',
});
registerEnumType(CommentAlignment, {
  name: 'CommentAlignment',
  description: 'Pour, contre ou neutre.',
});

@ObjectType('Comment', { description: 'A comment; `replies` nest up to three levels.' })
export class CommentDto {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => Int, { description: '0 for a top-level comment, up to 2.' }) depth!: number;
  @Field({ description: 'Sanitised HTML; empty when deleted or hidden.' }) body!: string;
  @Field(() => CommentAlignment) alignment!: CommentAlignment;
  @Field(() => ID, { nullable: true }) authorId!: string | null;
  @Field(() => String, { nullable: true }) authorName!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) editedAt!: Date | null;
  @Field() deleted!: boolean;
  @Field() hidden!: boolean;
  @Field({ description: 'The caller wrote it and may edit or delete it.' })
  viewerIsAuthor!: boolean;
  @Field({ description: 'The caller reported it.' }) viewerReported!: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'Comments on an article: the article’s version when the comment was written.',
  })
  articleVersion!: number | null;
  @Field(() => [CommentDto]) replies!: CommentDto[];
}

@InputType()
export class AddCommentInput {
  @Field(() => CommentableTypeEnum)
  @IsIn(Object.values(CommentableTypeEnum))
  commentableType!: keyof typeof CommentableTypeEnum;
  @Field(() => ID) @IsUUID() commentableId!: string;
  @Field({ description: 'Text or basic HTML (sanitised); 1–5,000 characters of text.' })
  @Transform(trimmedText)
  @IsString()
  @MaxLength(20000)
  body!: string;
  @Field(() => CommentAlignment, { nullable: true, defaultValue: 'NEUTRAL' })
  @IsOptional()
  @IsIn(Object.values(CommentAlignment))
  alignment?: CommentAlignment;
  @Field(() => ID, { nullable: true, description: 'The comment this one answers.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
