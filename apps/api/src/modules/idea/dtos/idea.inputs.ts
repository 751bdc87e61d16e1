import { IdeaLimits } from '@concerto/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';

@InputType({ description: 'A new Boîte à idées with its seed ideas.' })
export class CreateIdeaBoxInput {
  @Field(() => ID) @IsUUID() componentId!: string;
  @Field({ description: '3–300 characters.' })
  @Transform(trimmedText)
  @IsString()
  @MaxLength(IdeaLimits.questionMaxLength)
  question!: string;
  @Field({ nullable: true, description: 'Plain text, ≤ 5,000 characters.' })
  @IsOptional()
  @Transform(trimmedText)
  @IsString()
  @MaxLength(IdeaLimits.descriptionMaxLength)
  description?: string;
  @Field({ nullable: true, description: 'Open the booth at once (default: true).' })
  @IsOptional()
  @IsBoolean()
  published?: boolean;
  @Field(() => [String], {
    nullable: true,
    description:
      'Seed ideas, 3–280 characters each, at most 1,000; duplicates (case and spaces ignored) are refused.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(IdeaLimits.seedIdeasMax)
  @IsString({ each: true })
  seedIdeas?: string[];
}
