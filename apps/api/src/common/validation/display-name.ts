import { isReservedDisplayName } from '@concerto/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { withEnglish } from './french-validation';

/**
 * class-validator decorator refusing a display name the platform shows itself ("Participant
 * supprimé", "Administrateur"…, see `isReservedDisplayName` in @concerto/domain): with it a
 * live account could pass for a deleted one or for the administration. Failing values get
 * BAD_USER_INPUT through the validation pipe.
 * @param options class-validator options (message…)
 */
export function IsNotReservedDisplayName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotReservedDisplayName',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isReservedDisplayName(value),
        defaultMessage: () =>
          withEnglish(
            'name: ce nom est réservé par la plateforme',
            'name: this name is reserved by the platform',
          ),
      },
    },
    options,
  );
}
