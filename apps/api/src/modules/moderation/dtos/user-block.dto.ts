import { UserBlockLimits } from '@concerto/domain';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';
import { withEnglish } from '../../../common/validation/french-validation';

/** An account blocked by an organization administrator (Decidim's `UserBlock`), as administrators see it. */
@ObjectType('UserBlock', {
  description: 'A blocked account, as organization administrators see it.',
})
export class UserBlockDto {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The blocked account.' }) userId!: string;
  @Field({ description: 'Its display name.' }) userName!: string;
  @Field({ description: 'Why it was blocked (10–1,000 characters).' }) reason!: string;
  @Field(() => Date) blockedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The administrator who blocked it (null once their account is gone).',
  })
  blockedByName!: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the block was lifted; null while in force.',
  })
  liftedAt!: Date | null;
  @Field(() => Int, {
    description:
      'Contributions the block keeps hidden (0 once lifted: they are shown again unless reports keep them hidden).',
  })
  hiddenCount!: number;
}

@InputType()
export class BlockUserInput {
  @Field(() => ID)
  @IsUUID('all', {
    message: withEnglish('userId: identifiant invalide', 'userId: invalid identifier'),
  })
  userId!: string;
  @Field({
    description: `Why the account is blocked, ${UserBlockLimits.reasonMin}–${UserBlockLimits.reasonMax} characters.`,
  })
  @Transform(trimmedText)
  @IsString()
  @MinLength(UserBlockLimits.reasonMin, {
    message: withEnglish(
      `reason: au moins ${UserBlockLimits.reasonMin} caractères`,
      `reason: at least ${UserBlockLimits.reasonMin} characters`,
    ),
  })
  @MaxLength(UserBlockLimits.reasonMax, {
    message: withEnglish(
      `reason: au plus ${UserBlockLimits.reasonMax} caractères`,
      `reason: at most ${UserBlockLimits.reasonMax.toLocaleString('en')} characters`,
    ),
  })
  reason!: string;
}
