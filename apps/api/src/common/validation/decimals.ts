import { ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';
import { withEnglish } from './french-validation';

/**
 * class-validator decorator: a finite number with at most `places` decimals. Replaces
 * `@IsNumber({ maxDecimalPlaces })`, which throws a TypeError (a 500) on numbers that
 * JavaScript writes in exponent notation, such as 5e-324 or 1e-7.
 * @param places decimals allowed
 * @param options class-validator options
 */
export function HasAtMostDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'hasAtMostDecimals',
      target: object.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) =>
          withEnglish(
            `${args.property}: un nombre avec ${places} décimale${places > 1 ? 's' : ''} au plus`,
            `${args.property}: a number with at most ${places} decimal${places === 1 ? '' : 's'}`,
          ),
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Number(value.toFixed(places)) === value,
      },
    });
}
