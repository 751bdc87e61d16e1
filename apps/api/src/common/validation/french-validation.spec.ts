import { Type } from 'class-transformer';
import { ArrayMinSize, IsEmail, IsInt, IsString, Min, MinLength, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { frenchValidationError } from './french-validation';

class Option {
  @IsString() @MinLength(1) title!: string;
}
class Question {
  @IsInt() @Min(1) minChoices!: number;
  @ValidateNested({ each: true }) @Type(() => Option) @ArrayMinSize(2) options!: Option[];
}
class Ballot {
  @IsString() @MinLength(3) title!: string;
  @IsEmail({}, { each: true }) emails!: string[];
  @ValidateNested({ each: true }) @Type(() => Question) questions!: Question[];
}

describe('French validation errors', () => {
  it('names each field by its path, in French, the first one in extensions.field', () => {
    const input = plainToInstance(Ballot, { title: 'ab', emails: ['pas-une-adresse'], questions: [{ minChoices: -1, options: [{ title: '' }] }] });
    const error = frenchValidationError(validateSync(input));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({
      field: 'title',
      validationErrors: [
        'title : au moins 3 caractères.',
        'emails : adresse e-mail invalide.',
        'questions.0.minChoices : au moins 1.',
        'questions.0.options : au moins 2 éléments.',
        'questions.0.options.0.title : au moins 1 caractère.',
      ],
    });
  });
});
