import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { NewsletterLimits } from '@concerto/domain';
import { trimmedText } from '../../../common/validation/visible-text';

/** Limits of a newsletter's fields (shared with the web forms). */
export { NewsletterLimits };

export enum NewsletterStatus {
  DRAFT = 'DRAFT',
  SENDING = 'SENDING',
  SENT = 'SENT',
}
registerEnumType(NewsletterStatus, {
  name: 'NewsletterStatus',
  description:
    'DRAFT (editable), SENDING (recipients frozen, queue being sent), SENT (queue drained).',
});

export enum NewsletterBlock {
  LATEST_NEWS = 'LATEST_NEWS',
  OPEN_PROCESSES = 'OPEN_PROCESSES',
  UPCOMING_MEETINGS = 'UPCOMING_MEETINGS',
}
registerEnumType(NewsletterBlock, {
  name: 'NewsletterBlock',
  description:
    'Content pulled from the owning modules after the body, when there is some: the latest news « à la une », the open Concertations, the next meetings. Rendered at preview, frozen at « envoyer ».',
});

export enum NewsletterAudience {
  ALL = 'ALL',
  SPACES = 'SPACES',
  TYPOLOGIES = 'TYPOLOGIES',
}
registerEnumType(NewsletterAudience, {
  name: 'NewsletterAudience',
  description:
    'Members who opted in: ALL of them, those following one of `spaceIds`, or those whose profile typology is one of `typologyKeys`.',
});

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

@InputType({ description: 'A newsletter draft; absent fields stay as they are on update.' })
export class NewsletterInput {
  @Field({
    nullable: true,
    description: 'Subject, 1–200 visible characters; required at creation.',
  })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(NewsletterLimits.subjectMaxLength)
  subject?: string;

  @Field({
    nullable: true,
    description:
      'Rich text (HTML or plain text), sanitised on the server; required at creation, some visible text.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(NewsletterLimits.bodyMaxLength * 3)
  body?: string;

  @Field(() => [NewsletterBlock], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(NewsletterBlock, { each: true })
  blocks?: NewsletterBlock[];

  @Field(() => NewsletterAudience, { nullable: true, description: 'Default ALL.' })
  @IsOptional()
  @IsEnum(NewsletterAudience)
  audience?: NewsletterAudience;

  @Field(() => [ID], {
    nullable: true,
    description: 'Spaces whose followers receive it (audience SPACES).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NewsletterLimits.maxSpaces)
  @IsUUID('all', { each: true })
  spaceIds?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Profile typology keys whose members receive it (audience TYPOLOGIES).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NewsletterLimits.maxTypologies)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  typologyKeys?: string[];
}

@ObjectType('NewsletterProgress', { description: 'Deliveries of a newsletter by status.' })
export class NewsletterProgressDto {
  @Field(() => Int) total!: number;
  @Field(() => Int) pending!: number;
  @Field(() => Int) sent!: number;
  @Field(() => Int) failed!: number;
}

@ObjectType('Newsletter', { description: 'A « Lettre d’information». Organization admins only.' })
export class NewsletterDto {
  @Field(() => ID) id!: string;
  @Field() subject!: string;
  @Field({ description: 'Sanitised HTML.' }) body!: string;
  @Field(() => [NewsletterBlock]) blocks!: NewsletterBlock[];
  @Field(() => NewsletterAudience) audience!: NewsletterAudience;
  @Field(() => [ID]) spaceIds!: string[];
  @Field(() => [String]) typologyKeys!: string[];
  @Field(() => NewsletterStatus) status!: NewsletterStatus;
  @Field({ description: 'Demo content from the seed report.' }) isDemo!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When « envoyer » froze the recipients.' })
  sendRequestedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the last delivery was settled.' })
  completedAt!: Date | null;
  @Field(() => NewsletterProgressDto, {
    nullable: true,
    description: 'Per-recipient statuses, counted at the read (null for a draft).',
  })
  progress!: NewsletterProgressDto | null;
}

@ObjectType('NewsletterPreview', { description: 'A newsletter as a recipient would get it.' })
export class NewsletterPreviewDto {
  @Field() subject!: string;
  @Field({ description: 'The HTML part (a full document).' }) html!: string;
  @Field({ description: 'The plain-text part.' }) text!: string;
}

@ObjectType('NewsletterSubscription', { description: 'The caller’s newsletter choice.' })
export class NewsletterSubscriptionDto {
  @Field({ description: 'Whether the caller receives the newsletters (off unless chosen).' })
  subscribed!: boolean;
  @Field(() => Date, { nullable: true }) changedAt!: Date | null;
}
