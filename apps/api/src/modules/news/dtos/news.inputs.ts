import { NewsLimits } from '@concerto/domain';
import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';

export const NewsAuthorKind = { SPACE: 'SPACE', MEMBER: 'MEMBER' } as const;
export type NewsAuthorKind = (typeof NewsAuthorKind)[keyof typeof NewsAuthorKind];
registerEnumType(NewsAuthorKind, {
  name: 'NewsAuthorKind',
  description: 'SPACE: signed by the space; MEMBER: signed by the member who writes it.',
});

@InputType({ description: 'News post fields; absent fields stay as they are.' })
export class NewsPostFieldsInput {
  @Field({ nullable: true, description: '3–150 characters.' })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(NewsLimits.titleMinLength)
  @MaxLength(NewsLimits.titleMaxLength)
  title?: string;
  @Field({
    nullable: true,
    description:
      'Rich text (HTML or plain text), sanitised on the server; required at creation, some visible text, at most 20,000 visible characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(NewsLimits.bodyMaxLength * 3)
  body?: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'An image uploaded with `POST /news-images?componentId=…` for this component; null removes the image.',
  })
  @IsOptional()
  @IsUUID()
  imageId?: string | null;
  @Field({
    nullable: true,
    description: 'Alternative text of the image (required with an image), ≤ 250 characters.',
  })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(NewsLimits.imageAltMaxLength)
  imageAlt?: string;
  @Field(() => NewsAuthorKind, {
    nullable: true,
    description: 'Who signs the post (default SPACE).',
  })
  @IsOptional()
  @IsEnum(NewsAuthorKind)
  authorKind?: NewsAuthorKind;
  @Field({
    nullable: true,
    description: 'Also on the home page and the organization’s feed (organization admins only).',
  })
  @IsOptional()
  @IsBoolean()
  onHomePage?: boolean;
  @Field(() => Date, {
    nullable: true,
    description:
      'Scheduled publication (ISO 8601 with offset), in the future on PostgreSQL’s clock; absent or null at creation: published now. Only a scheduled post can be rescheduled.',
  })
  @IsOptional()
  @IsDate()
  publishAt?: Date | null;
}

@InputType()
export class CreateNewsPostInput extends NewsPostFieldsInput {
  @Field(() => ID) @IsUUID() componentId!: string;
}
