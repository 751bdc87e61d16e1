import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageInfoDto } from '../../../common/graphql/page-info.dto';
import type { ActionLogVisibility } from '../action-log.entity';
import { trimmedText } from '../../../common/validation/visible-text';
import { withEnglish } from '../../../common/validation/french-validation';

export const ActionLogVisibilityEnum = {
  PUBLIC: 'PUBLIC',
  ADMIN_ONLY: 'ADMIN_ONLY',
  PRIVATE: 'PRIVATE',
} as const;
registerEnumType(ActionLogVisibilityEnum, {
  name: 'ActionLogVisibility',
  description:
    'Who may read a journal line: PUBLIC (anyone who can read the resource), ADMIN_ONLY (admins), PRIVATE (organization admins only).',
});

const SNAKE = /^[a-z][a-z_]{0,63}$/;

@ObjectType('ActionLogActor', { description: 'Who acted, by display name (never an e-mail).' })
export class ActionLogActorDto {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('ActionLog', { description: 'One line of the journal of actions (append-only).' })
export class ActionLogDto {
  @Field(() => ID, { description: 'Increasing: newer lines have larger ids.' }) id!: string;
  @Field({ description: 'Verb in snake case, e.g. create, publish_answer, hide.' }) action!: string;
  @Field({ description: 'Resource type in snake case, e.g. proposal, amendment, motion.' })
  resourceType!: string;
  @Field(() => ID, { nullable: true }) resourceId!: string | null;
  @Field(() => ID, { nullable: true }) spaceId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Title of the space, when the line belongs to one that still exists.',
  })
  spaceTitle!: string | null;
  @Field(() => ActionLogVisibilityEnum) visibility!: ActionLogVisibility;
  @Field({ description: 'Short French summary for display; no personal data.' }) summary!: string;
  @Field(() => ActionLogActorDto, {
    nullable: true,
    description: 'Null for a system action or a deleted account.',
  })
  actor!: ActionLogActorDto | null;
  @Field() createdAt!: Date;
}

@ObjectType('ActionLogEdge')
export class ActionLogEdgeDto {
  @Field() cursor!: string;
  @Field(() => ActionLogDto) node!: ActionLogDto;
}

@ObjectType('ActionLogConnection', {
  description: 'A page of the journal, newest first (Relay-style).',
})
export class ActionLogConnectionDto {
  @Field(() => [ActionLogEdgeDto]) edges!: ActionLogEdgeDto[];
  @Field(() => [ActionLogDto]) nodes!: ActionLogDto[];
  @Field(() => PageInfoDto) pageInfo!: PageInfoDto;
}

@InputType({ description: 'Filters of the journal; all optional and combined with AND.' })
export class ActionLogFilterInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Lines of this space (required for space admins).',
  })
  @IsOptional()
  @IsUUID()
  spaceId?: string;
  @Field({ nullable: true, description: 'Resource type, e.g. proposal.' })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @Matches(SNAKE, {
    message: withEnglish('resourceType: minuscules et _', 'resourceType: lowercase letters and _'),
  })
  resourceType?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) resourceId?: string;
  @Field(() => ID, { nullable: true, description: 'The actor’s user id.' })
  @IsOptional()
  @IsUUID()
  userId?: string;
  @Field({ nullable: true, description: 'Verb, e.g. create.' })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @Matches(SNAKE, {
    message: withEnglish('action: minuscules et _', 'action: lowercase letters and _'),
  })
  action?: string;
  @Field(() => ActionLogVisibilityEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ActionLogVisibilityEnum))
  visibility?: ActionLogVisibility;
  @Field(() => Date, { nullable: true, description: 'Lines at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;
  @Field(() => Date, { nullable: true, description: 'Lines strictly before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ObjectType('HistoryEntry', { description: 'One public line of a resource’s history.' })
export class HistoryEntryDto {
  @Field(() => ID) id!: string;
  @Field() action!: string;
  @Field({
    description:
      'proposal, amendment, motion…: amendments appear in the history of what they amend.',
  })
  resourceType!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Display name of who acted; null for the system or a deleted account.',
  })
  actorName!: string | null;
  @Field() summary!: string;
  @Field() createdAt!: Date;
}
