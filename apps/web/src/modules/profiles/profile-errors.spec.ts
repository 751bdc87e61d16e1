import { ErrorCode } from '@concerto/domain';
import { firstInvalidField, profileFieldErrors } from './profile-errors';

const info = (partial: Partial<Parameters<typeof profileFieldErrors>[0]>) => ({
  code: ErrorCode.BAD_USER_INPUT,
  serverMessage: null,
  specific: true,
  field: null,
  reason: null,
  validationErrors: [],
  fieldErrors: [],
  ...partial,
});

describe('profileFieldErrors', () => {
  it('puts a domain error on its extensions.field, without the « field: » prefix', () => {
    expect(
      profileFieldErrors(
        info({
          code: ErrorCode.CONFLICT,
          field: 'pseudo',
          serverMessage: 'pseudo: ce pseudo est déjà pris',
        }),
      ),
    ).toEqual({ pseudo: 'Ce pseudo est déjà pris' });
  });

  it('reads each validation line « field: message »', () => {
    const errors = profileFieldErrors(
      info({ validationErrors: ['website: adresse http ou https', 'bio: 600 caractères au plus'] }),
    );
    expect(errors).toEqual({ website: 'Adresse http ou https', bio: '600 caractères au plus' });
    expect(firstInvalidField(errors)).toBe('bio');
  });

  it('reads each refused field of extensions.fields (French « key : » messages too), not the joined message', () => {
    const errors = profileFieldErrors(
      info({
        field: 'bio',
        serverMessage: 'bio : 600 caractères au plus. website : adresse http ou https',
        validationErrors: ['bio : 600 caractères au plus.', 'website : adresse http ou https'],
        fieldErrors: [
          { field: 'bio', message: '600 caractères au plus.' },
          { field: 'website', message: 'adresse http ou https' },
        ],
      }),
    );
    expect(errors).toEqual({ bio: '600 caractères au plus.', website: 'Adresse http ou https' });
  });

  it('ignores fields the form does not have', () => {
    expect(
      profileFieldErrors(info({ field: 'first', serverMessage: 'first: entre 1 et 50' })),
    ).toEqual({});
    expect(firstInvalidField({})).toBeNull();
  });
});
