import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorCode } from '@concerto/domain';
import { i18n } from '../../../i18n/i18n';
import { errorMessage, parseApiError, withoutInputKey } from './apiError';

function graphQLError(message: string, extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });
}

const t = i18n.getFixedT('fr');
const tEn = i18n.getFixedT('en');

// English is not bundled: its chunk loads on first use
beforeAll(() => i18n.loadLanguages('en'));

describe('parseApiError', () => {
  it('reads code, field, reason and validation errors from the first GraphQL error', () => {
    const info = parseApiError(
      graphQLError('Mot de passe trop court.', {
        code: 'BAD_USER_INPUT',
        field: 'password',
        reason: 'tooShort',
        validationErrors: ['a', 2, 'b'],
      }),
    );
    expect(info).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      serverMessage: 'Mot de passe trop court.',
      specific: true,
      field: 'password',
      reason: 'tooShort',
      validationErrors: ['a', 'b'],
      fieldErrors: [],
    });
  });

  it('reads each refused field of `extensions.fields`, skipping malformed entries', () => {
    const info = parseApiError(
      graphQLError('title : au moins 3 caractères.', {
        code: 'BAD_USER_INPUT',
        field: 'title',
        validationErrors: ['title : au moins 3 caractères.'],
        fields: [{ field: 'title', message: 'au moins 3 caractères.' }, { field: 2 }, null],
      }),
    );
    expect(info.fieldErrors).toEqual([{ field: 'title', message: 'au moins 3 caractères.' }]);
  });

  it('drops the API’s input key in front of a constraint message', () => {
    expect(withoutInputKey('title : au moins 3 caractères.')).toBe('Au moins 3 caractères.');
    expect(withoutInputKey('agenda.0.title: at most 200 characters.')).toBe(
      'At most 200 characters.',
    );
    expect(withoutInputKey('slug: lettres minuscules, chiffres et tirets')).toBe(
      'Lettres minuscules, chiffres et tirets',
    );
    expect(withoutInputKey('Écrivez votre idée : le texte est vide.')).toBe(
      'Écrivez votre idée : le texte est vide.',
    );
  });

  it('maps unknown codes to UNKNOWN and failed fetches to NETWORK', () => {
    expect(parseApiError(graphQLError('?', { code: 'SOMETHING_ELSE' })).code).toBe('UNKNOWN');
    expect(parseApiError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
    expect(parseApiError('weird').code).toBe('UNKNOWN');
    // A document the server does not know (client and API out of step) is not the user’s fault.
    const outOfStep = parseApiError(
      graphQLError('Unknown argument "seed"', { code: 'GRAPHQL_VALIDATION_FAILED' }),
    );
    expect(errorMessage(outOfStep, t, 'fr')).toBe('Une erreur inattendue est survenue.');
  });

  it('maps HTTP statuses of a server error', () => {
    const response = new Response('', { status: 429 });
    expect(
      parseApiError(new ServerError('Too many', { response, bodyText: '', result: '' } as never))
        .code,
    ).toBe(ErrorCode.TOO_MANY_REQUESTS);
  });
});

describe('errorMessage', () => {
  it.each([
    [ErrorCode.UNAUTHENTICATED, 'Vous devez être connecté·e pour faire cela.'],
    [ErrorCode.FORBIDDEN, 'Vous n’avez pas les droits nécessaires pour faire cela.'],
    [ErrorCode.NOT_FOUND, 'L’élément demandé est introuvable.'],
    [ErrorCode.TOO_MANY_REQUESTS, 'Trop de tentatives, réessayez dans une minute.'],
    [
      ErrorCode.INTERNAL_SERVER_ERROR,
      'Une erreur inattendue est survenue sur le serveur. Rien n’a été modifié.',
    ],
  ])('translates %s in French', (code, expected) => {
    expect(errorMessage(parseApiError(graphQLError('server text', { code })), t, 'fr')).toBe(
      expected,
    );
  });

  it('translates every code in English too', () => {
    for (const code of Object.values(ErrorCode)) {
      const message = errorMessage(
        // what the API sends an English client for a French-only message
        parseApiError(
          graphQLError('texte du serveur', { code, frenchMessage: 'texte du serveur' }),
        ),
        tEn,
        'en',
      );
      expect(message).not.toBe(`errors.${code}`);
      expect(message).not.toBe('texte du serveur');
    }
    expect(errorMessage(parseApiError(new TypeError('Failed to fetch')), tEn, 'en')).toBe(
      'The server cannot be reached. Check your connection and try again.',
    );
  });

  it('shows the server’s specific message for conflicts and input errors in French', () => {
    const conflict = parseApiError(
      graphQLError('Un espace utilise déjà cette adresse.', { code: 'CONFLICT' }),
    );
    expect(errorMessage(conflict, t, 'fr')).toBe('Un espace utilise déjà cette adresse.');
  });

  it('in English, shows the server’s English wording when it has one, the translated code otherwise', () => {
    // asked for English (the web app sends its language), the API words an error in English
    // when the error has an English text, else sends its code's generic text and the French
    const worded = parseApiError(
      graphQLError('This proposal is hidden by moderation: show it again before answering it.', {
        code: 'CONFLICT',
        reason: 'HIDDEN',
      }),
    );
    expect(worded.specific).toBe(true);
    expect(errorMessage(worded, tEn, 'en')).toBe(
      'This proposal is hidden by moderation: show it again before answering it.',
    );
    const generic = parseApiError(
      graphQLError('This conflicts with existing data.', {
        code: 'CONFLICT',
        frenchMessage: 'Un espace utilise déjà cette adresse.',
      }),
    );
    expect(generic.specific).toBe(false);
    expect(errorMessage(generic, tEn, 'en')).toBe('This clashes with existing data.');
  });

  it('uses the generic message when the server sent raw validation constraints', () => {
    const info = parseApiError(
      graphQLError('title must be longer', {
        code: 'BAD_USER_INPUT',
        validationErrors: ['title must be longer'],
      }),
    );
    expect(errorMessage(info, t, 'fr')).toBe(
      'Certaines informations sont invalides. Vérifiez le formulaire.',
    );
  });

  it('translates a password weakness reason', () => {
    const info = parseApiError(
      graphQLError('Mot de passe trop simple.', {
        code: 'BAD_USER_INPUT',
        field: 'password',
        reason: 'tooSimple',
      }),
    );
    expect(errorMessage(info, tEn, 'en')).toBe(
      'The password is too simple: use at least 4 different characters.',
    );
  });

  it('lets a form override the message of a code', () => {
    const info = parseApiError(
      graphQLError('Adresse e-mail ou mot de passe incorrect.', { code: 'UNAUTHENTICATED' }),
    );
    expect(
      errorMessage(info, t, 'fr', { UNAUTHENTICATED: 'Adresse e-mail ou mot de passe incorrect.' }),
    ).toBe('Adresse e-mail ou mot de passe incorrect.');
  });
});
