import { Type } from 'class-transformer';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ArrayMinSize,
  IsEmail,
  IsInt,
  IsString,
  Matches,
  Min,
  MinLength,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { withErrorLanguage } from '../errors/error-language';
import { frenchConstraint, frenchValidationError } from './french-validation';

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
    const input = plainToInstance(Ballot, {
      title: 'ab',
      emails: ['pas-une-adresse'],
      questions: [{ minChoices: -1, options: [{ title: '' }] }],
    });
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
      fields: [
        { field: 'title', message: 'au moins 3 caractères.' },
        { field: 'emails', message: 'adresse e-mail invalide.' },
        { field: 'questions.0.minChoices', message: 'au moins 1.' },
        { field: 'questions.0.options', message: 'au moins 2 éléments.' },
        { field: 'questions.0.options.0.title', message: 'au moins 1 caractère.' },
      ],
    });
  });
});

describe('validation errors in the reader’s language', () => {
  it('gives English texts with Accept-Language: en, the French ones still on the error', () => {
    const input = plainToInstance(Ballot, {
      title: 'ab',
      emails: ['x'],
      questions: [{ minChoices: 1, options: [{ title: 'a' }] }],
    });
    const error = withErrorLanguage('en', () => frenchValidationError(validateSync(input)));
    expect(error.details.validationErrors).toEqual([
      'title: at least 3 characters.',
      'emails: invalid e-mail address.',
      'questions.0.options: at least 2 items.',
    ]);
    // each field apart, its message without the input key, for a form to show on that field
    expect(error.details.fields).toEqual([
      { field: 'title', message: 'at least 3 characters.' },
      { field: 'emails', message: 'invalid e-mail address.' },
      { field: 'questions.0.options', message: 'at least 2 items.' },
    ]);
    expect(error.english).toBe(
      'title: at least 3 characters. emails: invalid e-mail address. questions.0.options: at least 2 items.',
    );
    expect(error.message).toBe(
      'title : au moins 3 caractères. emails : adresse e-mail invalide. questions.0.options : au moins 2 éléments.',
    );
  });

  it('keeps the French message a Concerto decorator wrote (slug, pseudo, decimals)', () => {
    class Space {
      @Matches(/^[a-z]+$/, { message: 'slug: lettres minuscules, chiffres et tirets' })
      slug!: string;
    }
    const error = frenchValidationError(validateSync(plainToInstance(Space, { slug: 'A B' })));
    expect(error.details.validationErrors).toEqual([
      'slug: lettres minuscules, chiffres et tirets',
    ]);
    expect(error.details.fields).toEqual([
      { field: 'slug', message: 'lettres minuscules, chiffres et tirets' },
    ]);
  });

  it('has its own French text for every class-validator decorator the API uses', () => {
    const root = join(__dirname, '../..');
    const files = execFileSync(
      'grep',
      ['-rlE', '@(Is[A-Z]|Min|Max|Array|Matches)', root, '--include=*.ts'],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n');
    const used = new Set<string>();
    for (const file of files.filter((f) => !f.endsWith('.spec.ts'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /@(Is[A-Z]\w*|Min|Max|MinLength|MaxLength|ArrayMinSize|ArrayMaxSize|Matches)\(/g,
      ))
        used.add(match[1]);
    }
    // Concerto's own decorators carry a French message; IsOptional adds no constraint
    const OWN = new Set(['IsOptional', 'IsIsoInstant', 'IsNotReservedDisplayName']);
    const constraintOf: Record<string, string> = {
      IsISO8601: 'isIso8601',
      IsUUID: 'isUuid',
      IsUrl: 'isUrl',
    };
    const generic = [...used]
      .filter((name) => !OWN.has(name))
      .filter(
        (name) =>
          frenchConstraint(
            'f',
            constraintOf[name] ?? name[0].toLowerCase() + name.slice(1),
            'f must be valid',
          ) === 'f : valeur invalide.',
      );
    expect(used.size).toBeGreaterThan(15);
    expect(generic).toEqual([]);
  });
});
