import { TermsDocumentKind, TermsLimits } from '@concerto/domain';
import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trimmedText } from '../../../common/validation/visible-text';

registerEnumType(TermsDocumentKind, {
  name: 'TermsDocumentKind',
  description: 'TERMS (conditions d’utilisation) or PRIVACY (politique de confidentialité).',
});

@ObjectType('TermsDocument', { description: 'A published version of a legal document.' })
export class TermsDocumentDto {
  @Field(() => TermsDocumentKind) kind!: TermsDocumentKind;
  @Field(() => Int, { description: 'Increases by one at each publication.' }) version!: number;
  @Field() title!: string;
  @Field({ description: 'Plain text (paragraphs separated by blank lines), in French.' })
  body!: string;
  @Field() publishedAt!: Date;
}

@ObjectType('TermsAcceptance', {
  description: 'The signed-in user accepted this version of a document at this time.',
})
export class TermsAcceptanceDto {
  @Field(() => TermsDocumentKind) kind!: TermsDocumentKind;
  @Field(() => Int) version!: number;
  @Field() acceptedAt!: Date;
}

@InputType({
  description: 'The versions the user has read and accepts; both must be the current ones.',
})
export class AcceptTermsInput {
  @Field(() => Int, { description: 'Current version of the terms of use.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  termsVersion!: number;
  @Field(() => Int, { description: 'Current version of the privacy notice.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  privacyVersion!: number;
}

@InputType({ description: 'A new version of a legal document.' })
export class PublishTermsDocumentInput {
  @Field(() => TermsDocumentKind) @IsIn(Object.values(TermsDocumentKind)) kind!: TermsDocumentKind;
  @Field({ description: '1–150 characters.' })
  @Transform(trimmedText)
  @IsString()
  @MinLength(1)
  @MaxLength(TermsLimits.titleMax)
  title!: string;
  @Field({ description: 'Plain text, 1–50,000 characters (shown as text, never as HTML).' })
  @Transform(trimmedText)
  @IsString()
  @MinLength(1)
  @MaxLength(TermsLimits.bodyMax)
  body!: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'The current version the new text was written from; CONFLICT (reason VERSION_CHANGED) when another version was published since. Omitted: no check.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  expectedVersion?: number;
}
