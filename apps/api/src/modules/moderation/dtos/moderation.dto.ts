import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CommentLimits, ReportReason } from '@concerto/domain';
import { trimmedText } from '../../../common/validation/visible-text';

export const ReportableTypeEnum = {
  PROPOSAL: 'PROPOSAL',
  COMMENT: 'COMMENT',
  PETITION: 'PETITION',
  MEETING: 'MEETING',
  BALLOT: 'BALLOT',
  IDEA: 'IDEA',
  DEBATE: 'DEBATE',
  DEBATE_STATEMENT: 'DEBATE_STATEMENT',
  NEWS_POST: 'NEWS_POST',
  AMENDMENT: 'AMENDMENT',
} as const;
registerEnumType(ReportableTypeEnum, { name: 'ReportableType' });
registerEnumType(ReportReason, {
  name: 'ReportReason',
  description: 'Indésirable, offensant, hors sujet.',
});

@InputType()
export class ReportContentInput {
  @Field(() => ReportableTypeEnum)
  @IsIn(Object.values(ReportableTypeEnum))
  resourceType!: keyof typeof ReportableTypeEnum;
  @Field(() => ID) @IsUUID() resourceId!: string;
  @Field(() => ReportReason)
  @IsIn(Object.values(ReportReason))
  reason!: ReportReason;
  @Field({ nullable: true, description: 'At most 1,000 characters.' })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(CommentLimits.reportDetailsMax)
  details?: string;
}

@ObjectType('ModerationStatus', { description: 'Where a reported resource stands.' })
export class ModerationStatusDto {
  @Field(() => ReportableTypeEnum) resourceType!: keyof typeof ReportableTypeEnum;
  @Field(() => ID) resourceId!: string;
  @Field(() => Int) reportCount!: number;
  @Field() hidden!: boolean;
}

@ObjectType('ModerationReport', {
  description:
    'One open report of a queue item, as its moderators read it; who reported stays anonymous.',
})
export class ModerationReportDto {
  @Field(() => ReportReason) reason!: ReportReason;
  @Field({ description: 'What the reporter wrote in « Précisions » (plain text, may be empty).' })
  details!: string;
  @Field() reportedAt!: Date;
}

@ObjectType('ModerationQueueItem', {
  description: 'An item waiting for a moderator: reported content or an unanswered proposal.',
})
export class ModerationQueueItemDto {
  @Field(() => ReportableTypeEnum) resourceType!: keyof typeof ReportableTypeEnum;
  @Field(() => ID) resourceId!: string;
  @Field({ description: 'Proposal title or comment excerpt.' }) title!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The proposal concerned (the comment’s proposal for comments).',
  })
  proposalId!: string | null;
  @Field(() => Int) reportCount!: number;
  @Field(() => [ReportReason]) reasons!: ReportReason[];
  @Field(() => [ModerationReportDto], {
    description:
      'The open reports, oldest first (empty for an unanswered proposal nobody reported).',
  })
  reports!: ModerationReportDto[];
  @Field() hidden!: boolean;
  @Field({
    description:
      'Hidden because its author’s account is blocked: shown again when the block is lifted, not by a moderator.',
  })
  hiddenByBlock!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'Path of the content’s page in the web app (an amendment: its article or proposal), for the moderator to read it; null for the unanswered proposals (see proposalId).',
  })
  link!: string | null;
  @Field({ description: 'A proposal with no published answer.' }) unanswered!: boolean;
  @Field({
    description:
      'Waiting since: its oldest open report; without one, when it was hidden; for an unanswered proposal, its publication.',
  })
  since!: Date;
}
