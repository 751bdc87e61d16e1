import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';

export const AmendableTypeEnum = { ARTICLE: 'ARTICLE', PROPOSAL: 'PROPOSAL' } as const;
registerEnumType(AmendableTypeEnum, {
  name: 'AmendableType',
  description: 'What an amendment can change: a text article or a proposal.',
});
export const AmendmentStateEnum = {
  DRAFT: 'DRAFT',
  EVALUATING: 'EVALUATING',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
registerEnumType(AmendmentStateEnum, {
  name: 'AmendmentState',
  description: 'Decidim’s emendation states.',
});
export const AmendmentsVisibilityEnum = { ALL: 'ALL', ONLY_OWN: 'ONLY_OWN' } as const;
registerEnumType(AmendmentsVisibilityEnum, {
  name: 'AmendmentsVisibility',
  description:
    'Who sees amendments: everyone, or each participant only their own (owners see all).',
});

@ObjectType('TextArticle', {
  description: 'An article of a participatory text at its current version.',
})
export class TextArticleDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => ID, { nullable: true }) sectionId!: string | null;
  @Field(() => Int, { description: 'Article number, 1-based, in document order.' }) number!: number;
  @Field({ description: 'Markdown source of the article (a paragraph or a list).' }) body!: string;
  @Field(() => Int, { description: 'Current version number (1 = as imported).' }) version!: number;
  @Field(() => Int, { description: 'Amendments being evaluated.' }) pendingAmendmentsCount!: number;
  @Field(() => Int) acceptedAmendmentsCount!: number;
  @Field(() => Int) commentsCount!: number;
}

@ObjectType('TextSection', {
  description: 'A heading of a participatory text; nests under `parentId`.',
})
export class TextSectionDto {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => Int, { description: 'Heading level, 1–6.' }) level!: number;
  @Field(() => Int, { description: 'Order in the document, from 0.' }) position!: number;
  @Field() title!: string;
  @Field(() => [TextArticleDto], {
    description: 'Articles directly under this heading, by number.',
  })
  articles!: TextArticleDto[];
}

@ObjectType('AmendmentSettings', {
  description: 'Amendment settings of a PARTICIPATORY_TEXT or PROPOSALS component (Decidim).',
})
export class AmendmentSettingsDto {
  @Field() amendmentsEnabled!: boolean;
  @Field(() => AmendmentsVisibilityEnum)
  amendmentsVisibility!: keyof typeof AmendmentsVisibilityEnum;
}

@ObjectType('ParticipatoryText', {
  description:
    'A participatory text: sections with their numbered articles at their current version.',
})
export class ParticipatoryTextDto {
  @Field(() => ID) componentId!: string;
  @Field() published!: boolean;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => [TextArticleDto], { description: 'Articles before the first heading.' })
  preamble!: TextArticleDto[];
  @Field(() => [TextSectionDto], {
    description: 'Every section in document order (flat; use parentId/level to nest).',
  })
  sections!: TextSectionDto[];
  @Field(() => Int) articlesCount!: number;
  @Field(() => AmendmentSettingsDto) settings!: AmendmentSettingsDto;
  @Field({
    description:
      'The caller may accept or reject amendments of its articles (space moderators and admins).',
  })
  viewerCanAnswer!: boolean;
}

@ObjectType('AmendmentAuthor')
export class AmendmentAuthorDto {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('DiffPart', {
  description:
    'One part of a word-level diff (jsdiff’s diffWords): unchanged, added or removed text.',
})
export class DiffPartDto {
  @Field() value!: string;
  @Field() added!: boolean;
  @Field() removed!: boolean;
}

@ObjectType('Amendment', {
  description:
    'An amendment: an emendation (title + body) proposed against a version of an article or a proposal.',
})
export class AmendmentDto {
  @Field(() => ID) id!: string;
  @Field(() => AmendableTypeEnum) amendableType!: keyof typeof AmendableTypeEnum;
  @Field(() => ID) amendableId!: string;
  @Field(() => ID) componentId!: string;
  @Field() title!: string;
  @Field({
    description:
      'The emendation: the full new text (Markdown for articles, sanitised HTML for proposals).',
  })
  body!: string;
  @Field(() => Int, { description: 'Version of the amendable the emendation was written against.' })
  baseVersion!: number;
  @Field(() => Int, { description: 'The amendable’s current version.' }) currentVersion!: number;
  @Field(() => AmendmentStateEnum) state!: keyof typeof AmendmentStateEnum;
  @Field({
    description:
      'Another amendment was accepted since: the base version is older than the current one.',
  })
  outdated!: boolean;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field(() => AmendmentAuthorDto, { nullable: true }) author!: AmendmentAuthorDto | null;
  @Field(() => Int) supportsCount!: number;
  @Field(() => Int) commentsCount!: number;
  @Field(() => ID, {
    nullable: true,
    description: 'The proposal a rejected emendation was promoted to.',
  })
  promotedProposalId!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
  @Field(() => AmendmentAuthorDto, {
    nullable: true,
    description:
      'Who accepted or rejected it (null while under evaluation, or when that account was deleted).',
  })
  answeredBy!: AmendmentAuthorDto | null;
  @Field({ description: 'Text of the amendable at the base version (plain text for proposals).' })
  baseText!: string;
  @Field({ description: 'Text of the amendable now.' }) currentText!: string;
  @Field(() => [DiffPartDto], {
    description: 'Word diff from the base version’s text to the emendation.',
  })
  diff!: DiffPartDto[];
  @Field() viewerIsAuthor!: boolean;
  @Field({
    description:
      'The caller owns the amendable and may accept or reject (never their own amendment).',
  })
  viewerCanAnswer!: boolean;
  @Field() viewerSupports!: boolean;
  @Field({
    description:
      'Hidden by moderation (reports, a moderator, or a block of its author): then listed only for the space’s moderators and admins.',
  })
  hidden!: boolean;
  @Field({ description: 'The caller reported it and the report is still open.' })
  viewerReported!: boolean;
}

@ObjectType('ResourceVersion', { description: 'One version of an article or a proposal.' })
export class ResourceVersionDto {
  @Field(() => Int) version!: number;
  @Field({
    description:
      'The text of that version (Markdown for articles; title and plain text for proposals).',
  })
  text!: string;
  @Field(() => AmendmentAuthorDto, {
    nullable: true,
    description: 'Who wrote the change (the amendment’s author; the importer for version 1).',
  })
  author!: AmendmentAuthorDto | null;
  @Field(() => ID, { nullable: true }) amendmentId!: string | null;
  @Field() createdAt!: Date;
}

@InputType()
export class CreateAmendmentInput {
  @Field(() => AmendableTypeEnum)
  @IsIn(Object.values(AmendableTypeEnum))
  amendableType!: keyof typeof AmendableTypeEnum;
  @Field(() => ID) @IsUUID() amendableId!: string;
  @Field({ description: '15–150 characters (it becomes a proposal’s title if promoted).' })
  @Transform(trimmedText)
  @IsString()
  @MaxLength(150)
  title!: string;
  @Field({
    description:
      'The full new text of the article (Markdown, HTML removed) or of the proposal (rich text, sanitised).',
  })
  @IsString()
  @MaxLength(20000)
  body!: string;
}

@InputType()
export class UpdateAmendmentInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(150)
  title?: string;
  @Field() @IsString() @MaxLength(20000) body!: string;
}

@InputType()
export class AmendmentSettingsInput {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() amendmentsEnabled?: boolean;
  @Field(() => AmendmentsVisibilityEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(AmendmentsVisibilityEnum))
  amendmentsVisibility?: keyof typeof AmendmentsVisibilityEnum;
}
