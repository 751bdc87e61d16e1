import {
  AssemblyPosition,
  ComponentType,
  SpaceLimits,
  SpaceRole,
  SpaceType,
} from '@concerto/domain';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsISO8601,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { BoundedJSON } from '../../../common/graphql/json-scalar';
import { trimmedText } from '../../../common/validation/visible-text';
import { withEnglish } from '../../../common/validation/french-validation';

@InputType({ description: 'A new participatory space.' })
export class CreateSpaceInput {
  @Field(() => SpaceType) @IsEnum(SpaceType) type!: SpaceType;
  @Field({ description: 'URL name: lowercase letters, digits and dashes.' })
  @Transform(trimmedText)
  @Matches(SpaceLimits.slugPattern, {
    message: withEnglish(
      'slug: lettres minuscules, chiffres et tirets',
      'slug: lowercase letters, digits and hyphens',
    ),
  })
  @MaxLength(SpaceLimits.slugMaxLength)
  slug!: string;
  @Field()
  @Transform(trimmedText)
  @IsString()
  @MinLength(SpaceLimits.titleMinLength)
  @MaxLength(SpaceLimits.titleMaxLength)
  title!: string;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(SpaceLimits.subtitleMaxLength)
  subtitle?: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SpaceLimits.descriptionMaxLength)
  description?: string;
  @Field({ nullable: true, defaultValue: false }) @IsOptional() @IsBoolean() published?: boolean;
}

@InputType({ description: 'Changes to a space; absent fields stay as they are.' })
export class UpdateSpaceInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @Matches(SpaceLimits.slugPattern, {
    message: withEnglish(
      'slug: lettres minuscules, chiffres et tirets',
      'slug: lowercase letters, digits and hyphens',
    ),
  })
  @MaxLength(SpaceLimits.slugMaxLength)
  slug?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(SpaceLimits.titleMinLength)
  @MaxLength(SpaceLimits.titleMaxLength)
  title?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(SpaceLimits.subtitleMaxLength)
  subtitle?: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SpaceLimits.descriptionMaxLength)
  description?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() published?: boolean;
}

@InputType({ description: 'A phase of a Concertation.' })
export class PhaseInput {
  @Field()
  @Transform(trimmedText)
  @IsString()
  @MinLength(SpaceLimits.phaseTitleMinLength)
  @MaxLength(SpaceLimits.phaseTitleMaxLength)
  title!: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SpaceLimits.descriptionMaxLength)
  description?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startDate?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endDate?: string | null;
}

@InputType()
export class CreatePhaseInput extends PhaseInput {
  @Field(() => ID) @IsUUID() spaceId!: string;
}

@InputType({ description: 'A new component in a space.' })
export class CreateComponentInput {
  @Field(() => ID) @IsUUID() spaceId!: string;
  @Field(() => ComponentType) @IsEnum(ComponentType) type!: ComponentType;
  @Field()
  @Transform(trimmedText)
  @IsString()
  @MinLength(SpaceLimits.componentTitleMinLength)
  @MaxLength(SpaceLimits.componentTitleMaxLength)
  title!: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SpaceLimits.descriptionMaxLength)
  description?: string;
  @Field({ nullable: true, defaultValue: false }) @IsOptional() @IsBoolean() published?: boolean;
}

@InputType({ description: 'Changes to a component; absent fields stay as they are.' })
export class UpdateComponentInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(SpaceLimits.componentTitleMinLength)
  @MaxLength(SpaceLimits.componentTitleMaxLength)
  title?: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SpaceLimits.descriptionMaxLength)
  description?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() published?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1000) position?: number;
  @Field(() => BoundedJSON, {
    nullable: true,
    description: 'Type-specific settings, merged into the current ones.',
  })
  @IsOptional()
  settings?: Record<string, unknown>;
}

@InputType({ description: 'Gives a user a role in a space, by e-mail.' })
export class AssignSpaceRoleInput {
  @Field(() => ID) @IsUUID() spaceId!: string;
  @Field() @Transform(trimmedText) @IsEmail() email!: string;
  @Field(() => SpaceRole) @IsEnum(SpaceRole) role!: SpaceRole;
}

@InputType({ description: 'Adds a registered user to an assembly, by e-mail.' })
export class AddAssemblyMemberInput {
  @Field(() => ID) @IsUUID() spaceId!: string;
  @Field() @Transform(trimmedText) @IsEmail() email!: string;
  @Field(() => AssemblyPosition, { nullable: true, defaultValue: AssemblyPosition.MEMBER })
  @IsOptional()
  @IsEnum(AssemblyPosition)
  position?: AssemblyPosition;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(SpaceLimits.memberCollegeMaxLength)
  college?: string | null;
  @Field(() => Float, { nullable: true, defaultValue: 1 })
  @IsOptional()
  @IsNumber()
  @Min(SpaceLimits.memberWeightMin)
  @Max(SpaceLimits.memberWeightMax)
  weight?: number;
}
