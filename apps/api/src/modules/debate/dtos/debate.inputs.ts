import { DebateLimits, DebateVoteChoice } from '@concerto/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';

@InputType({ description: 'A new debate of a DEBATE component.' })
export class CreateDebateInput {
  @Field(() => ID) @IsUUID() componentId!: string;
  @Field({ description: 'The topic, 3 to 150 characters.' })
  @Transform(trimmedText)
  @IsString()
  @MinLength(DebateLimits.titleMinLength)
  @MaxLength(DebateLimits.titleMaxLength)
  title!: string;
  @Field({ nullable: true, defaultValue: '', description: 'Rich text, sanitised by the server.' })
  @IsOptional()
  @IsString()
  @MaxLength(DebateLimits.descriptionMaxLength)
  description?: string;
}

@InputType({ description: 'Changes to a debate; omitted fields stay.' })
export class UpdateDebateInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MinLength(DebateLimits.titleMinLength)
  @MaxLength(DebateLimits.titleMaxLength)
  title?: string;
  @Field({ nullable: true, description: 'Rich text, sanitised by the server.' })
  @IsOptional()
  @IsString()
  @MaxLength(DebateLimits.descriptionMaxLength)
  description?: string;
  @Field({
    nullable: true,
    description: 'true closes the debate (no more votes nor statements); false reopens it.',
  })
  @IsOptional()
  @IsBoolean()
  closed?: boolean;
}

@InputType({
  description:
    'A statement added to a debate. The service checks length and blankness (coded errors), after trimming.',
})
export class AddDebateStatementInput {
  @Field(() => ID) @IsUUID() debateId!: string;
  @Field({ description: 'Plain text, 1 to 280 characters after trimming.' })
  @IsString()
  body!: string;
}

@InputType({ description: 'A vote on a statement; voting again replaces the vote.' })
export class VoteDebateStatementInput {
  @Field(() => ID) @IsUUID() statementId!: string;
  @Field(() => DebateVoteChoice) @IsEnum(DebateVoteChoice) choice!: DebateVoteChoice;
}
