import { AssemblyPosition, SpaceLimits } from '@concerto/domain';
import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';
import { HasAtMostDecimals } from '../../../common/validation/decimals';

@InputType({
  description: 'Invites someone (with or without an account yet) to join an assembly, by e-mail.',
})
export class InviteAssemblyMemberInput {
  @Field(() => ID) @IsUUID() spaceId!: string;
  @Field() @Transform(trimmedText) @IsEmail() @MaxLength(254) email!: string;
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
  @HasAtMostDecimals(3)
  @Min(SpaceLimits.memberWeightMin)
  @Max(SpaceLimits.memberWeightMax)
  weight?: number;
}

@ObjectType('AssemblyInvitation', {
  description: 'A pending or accepted invitation to an assembly (its token is never shown).',
})
export class AssemblyInvitationDto {
  @Field(() => ID) id!: string;
  @Field(() => ID) spaceId!: string;
  @Field() email!: string;
  @Field(() => AssemblyPosition) position!: AssemblyPosition;
  @Field(() => String, { nullable: true }) college!: string | null;
  @Field(() => Float) weight!: number;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
}
