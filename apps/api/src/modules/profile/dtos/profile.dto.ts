import { FieldVisibility, ProfileRules } from '@concerto/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';
import { withEnglish } from '../../../common/validation/french-validation';

registerEnumType(FieldVisibility, {
  name: 'FieldVisibility',
  description:
    'Who may read a profile field: PUBLIC (anyone), MEMBERS (signed-in members), ADMINS (organization admins). The owner always reads their own.',
});

const VISIBILITIES = Object.values(FieldVisibility);
/** Trims; an empty string becomes null (the field is cleared). */
const trimmedOrNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

@ObjectType('MemberTypology', {
  description:
    'One respondent type of annex 1 of the 2021 report (Typologie), as the organization lists it.',
})
export class MemberTypologyDto {
  @Field(() => ID, {
    description:
      'Stable key other features use (petitions, votations, survey breakdowns), e.g. `hospital`.',
  })
  key!: string;
  @Field({ description: 'French label shown to members.' }) label!: string;
  @Field(() => Int, { description: 'Order in lists, from 1.' }) position!: number;
  @Field({ description: 'No longer offered to members; kept on the profiles that chose it.' })
  archived!: boolean;
}

@ObjectType('ProfileVisibility', {
  description: 'Who may read each field of a profile (chosen by the member).',
})
export class ProfileVisibilityDto {
  @Field(() => FieldVisibility) organisation!: FieldVisibility;
  @Field(() => FieldVisibility) typology!: FieldVisibility;
  @Field(() => FieldVisibility) roleTitle!: FieldVisibility;
  @Field(() => FieldVisibility) bio!: FieldVisibility;
  @Field(() => FieldVisibility) avatar!: FieldVisibility;
  @Field(() => FieldVisibility) website!: FieldVisibility;
}

@ObjectType('MemberSummary', { description: 'A member as lists show them (followers, follows).' })
export class MemberSummaryDto {
  @Field() pseudo!: string;
  @Field() name!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Path of the avatar image (`/avatars/<id>.webp`) when the caller may see it.',
  })
  avatarUrl!: string | null;
}

@ObjectType('MemberContribution', {
  description: 'A public contribution of a member (a proposal), in a space the caller can see.',
})
export class MemberContributionDto {
  @Field(() => ID) id!: string;
  @Field({
    description:
      'The resource type: PROPOSAL (and the other component types that register their contributions).',
  })
  kind!: string;
  @Field() title!: string;
  @Field() spaceSlug!: string;
  @Field(() => ID) componentId!: string;
  @Field() publishedAt!: Date;
}

@ObjectType('MemberProfile', {
  description:
    'A member’s profile. Each optional field is null when empty or when the caller may not see it (see `visibility`, returned to the owner only).',
})
export class MemberProfileDto {
  @Field(() => ID) userId!: string;
  @Field({
    description: 'Unique, 3–30 characters a–z, 0–9 and hyphens; the page is « /membres/:pseudo ».',
  })
  pseudo!: string;
  @Field({ description: 'Display name.' }) name!: string;
  @Field({ description: 'Demo account (demo content).' }) isDemo!: boolean;
  @Field({
    description:
      'Blocked by an organization admin: members and visitors see only its name (its other fields are null) and cannot follow it.',
  })
  blocked!: boolean;
  @Field(() => String, { nullable: true }) organisation!: string | null;
  @Field(() => MemberTypologyDto, { nullable: true }) typology!: MemberTypologyDto | null;
  @Field(() => String, { nullable: true, description: 'Role or title in their organisation.' })
  roleTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'Short biography, plain text.' }) bio!:
    | string
    | null;
  @Field(() => String, { nullable: true, description: 'Personal website (http or https URL).' })
  website!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Path of the avatar image (`/avatars/<id>.webp`).',
  })
  avatarUrl!: string | null;
  @Field(() => ProfileVisibilityDto, {
    nullable: true,
    description: 'Per-field visibility; only for the owner.',
  })
  visibility!: ProfileVisibilityDto | null;
  @Field({ description: 'The caller is this member.' }) isViewer!: boolean;
  @Field({ description: 'The caller follows this member.' }) viewerFollows!: boolean;
  @Field(() => Int) followersCount!: number;
  @Field(() => Int) followsCount!: number;
}

@InputType({ description: 'Per-field visibility; omitted fields keep theirs.' })
export class ProfileVisibilityInput {
  @Field(() => FieldVisibility, { nullable: true })
  @IsOptional()
  @IsIn(VISIBILITIES)
  organisation?: FieldVisibility;
  @Field(() => FieldVisibility, { nullable: true })
  @IsOptional()
  @IsIn(VISIBILITIES)
  typology?: FieldVisibility;
  @Field(() => FieldVisibility, { nullable: true })
  @IsOptional()
  @IsIn(VISIBILITIES)
  roleTitle?: FieldVisibility;
  @Field(() => FieldVisibility, { nullable: true })
  @IsOptional()
  @IsIn(VISIBILITIES)
  bio?: FieldVisibility;
  @Field(() => FieldVisibility, { nullable: true })
  @IsOptional()
  @IsIn(VISIBILITIES)
  avatar?: FieldVisibility;
  @Field(() => FieldVisibility, { nullable: true })
  @IsOptional()
  @IsIn(VISIBILITIES)
  website?: FieldVisibility;
}

@InputType({
  description:
    'Changes to the caller’s profile. An omitted field is unchanged; null or an empty string clears it.',
})
export class UpdateMyProfileInput {
  @Field(() => String, {
    nullable: true,
    description:
      'New pseudo (lower-cased): 3–30 characters a–z, 0–9, hyphens; unique (CONFLICT, field pseudo).',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(ProfileRules.pseudoPattern, {
    message: withEnglish(
      'pseudo: 3 à 30 caractères, lettres a–z, chiffres et tirets, sans tiret au début ni à la fin',
      'pseudo: 3 to 30 characters, letters a–z, digits and hyphens, no hyphen at the start or end',
    ),
  })
  pseudo?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Organisation, free text up to ${ProfileRules.organisationMaxLength} characters (see \`organisationSuggestions\`).`,
  })
  @IsOptional()
  @Transform(trimmedOrNull)
  @IsString()
  @MaxLength(ProfileRules.organisationMaxLength, {
    message: withEnglish(
      'organisation: 150 caractères au plus',
      'organisation: at most 150 characters',
    ),
  })
  organisation?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Key of a current typology (`memberTypologies`); `null` clears it. A blank key is BAD_USER_INPUT (field typologyKey): only `null` clears.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, {
    message: withEnglish(
      'typologyKey: choisissez une typologie, ou null pour l’effacer',
      'typologyKey: choose a typology, or null to clear it',
    ),
  })
  @MaxLength(40)
  typologyKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Role or title, up to ${ProfileRules.roleTitleMaxLength} characters.`,
  })
  @IsOptional()
  @Transform(trimmedOrNull)
  @IsString()
  @MaxLength(ProfileRules.roleTitleMaxLength, {
    message: withEnglish('roleTitle: 100 caractères au plus', 'roleTitle: at most 100 characters'),
  })
  roleTitle?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Short biography, plain text up to ${ProfileRules.bioMaxLength} characters.`,
  })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() || null : value,
  )
  @IsString()
  @MaxLength(ProfileRules.bioMaxLength, {
    message: withEnglish('bio: 600 caractères au plus', 'bio: at most 600 characters'),
  })
  bio?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Personal website: an http or https URL, up to ${ProfileRules.websiteMaxLength} characters.`,
  })
  @IsOptional()
  @Transform(trimmedOrNull)
  @IsString()
  @MaxLength(ProfileRules.websiteMaxLength, {
    message: withEnglish('website: 300 caractères au plus', 'website: at most 300 characters'),
  })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: true },
    {
      message: withEnglish(
        'website: adresse web invalide (https://…)',
        'website: invalid web address (https://…)',
      ),
    },
  )
  website?: string | null;

  @Field(() => ProfileVisibilityInput, { nullable: true })
  @IsOptional()
  visibility?: ProfileVisibilityInput;
}

@InputType({ description: 'A new typology.' })
export class CreateMemberTypologyInput {
  @Field({
    description: `French label, 1–${ProfileRules.typologyLabelMaxLength} characters, unique among current typologies.`,
  })
  @Transform(trimmedText)
  @IsString()
  @MinLength(1)
  @MaxLength(ProfileRules.typologyLabelMaxLength)
  label!: string;
}

@InputType({ description: 'Changes to a typology; omitted fields are unchanged.' })
export class UpdateMemberTypologyInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(1)
  @MaxLength(ProfileRules.typologyLabelMaxLength)
  label?: string;
  @Field(() => Int, { nullable: true, description: 'New position, from 1.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  position?: number;
  @Field({
    nullable: true,
    description: 'Archived typologies are no longer offered; profiles keep them.',
  })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
