import { ErrorCode } from '@concerto/domain';
import { errorLanguage, type ErrorLanguage } from './error-language';

/** One message in both languages. */
export interface Bilingual {
  fr: string;
  en: string;
}

/**
 * English text of each stable code, for an error whose own message is French only (most
 * domain errors): a client asking for English reads this, the French detail stays in
 * `extensions.frenchMessage`.
 */
const ENGLISH_BY_CODE: Record<ErrorCode, string> = {
  BAD_USER_INPUT: 'Invalid input.',
  UNAUTHENTICATED: 'You must be signed in.',
  FORBIDDEN: 'You do not have the required rights.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'This conflicts with existing data.',
  LIMIT_REACHED: 'A limit has been reached.',
  SURVEY_CLOSED: 'This survey is not open for answers.',
  TOO_MANY_REQUESTS: 'Too many attempts, try again in a minute.',
  MOTION_CLOSED: 'The vote on this motion has ended.',
  MOTION_NOT_OPEN: 'The vote on this motion is not open yet.',
  BALLOT_NOT_OPEN: 'This ballot is not open yet.',
  BALLOT_CLOSED: 'This ballot has closed.',
  NOT_IN_CENSUS: 'You are not in the census of this ballot.',
  PETITION_NOT_OPEN: 'This petition is not collecting signatures.',
  REGISTRATION_CLOSED: 'Registrations to this meeting are closed.',
  MEETING_NOT_ENDED: 'This meeting has not ended yet.',
  NEWSLETTER_NO_RECIPIENT: 'No opted-in member matches the recipients of this newsletter.',
  SITTING_NOT_ONGOING: 'This sitting is not in progress.',
  MOTION_NOT_ON_AGENDA: 'This motion is not on the agenda of this sitting.',
  WRONG_PASSWORD: 'Wrong password.',
  ACCOUNT_BLOCKED: 'This account has been blocked by the platform’s administrators.',
  INTERNAL_SERVER_ERROR: 'Internal server error.',
};

/** French messages raised in many places, with their English twin. */
const ENGLISH_TWINS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Vous devez être connecté·e\.$/, () => 'You must be signed in.'],
  [/^Vous n’avez pas les droits nécessaires\.$/, () => 'You do not have the required rights.'],
  [/^Cette question est obligatoire\.$/, () => 'This question is mandatory.'],
  [
    /^Trop de tentatives, réessayez dans une minute\.$/,
    () => 'Too many attempts, try again in a minute.',
  ],
  [/^Cet élément existe déjà\.$/, () => 'This already exists.'],
  [/^Donnée invalide\.$/, () => 'Invalid input.'],
  [/^Identifiant invalide\.$/, () => 'Invalid identifier.'],
  [/^Erreur interne du serveur\.$/, () => 'Internal server error.'],
];

/**
 * The English text of a French message: its known twin, else the code's generic English text.
 * @param french the French message; @param code its stable code
 * @returns the English text and whether it is only the generic text of the code
 */
export function englishOf(french: string, code: string): { text: string; generic: boolean } {
  for (const [pattern, english] of ENGLISH_TWINS) {
    const match = pattern.exec(french);
    if (match) return { text: english(match), generic: false };
  }
  return { text: ENGLISH_BY_CODE[code as ErrorCode] ?? 'Request refused.', generic: true };
}

/** Picks the text of `message` in `language`. */
export const inLanguage = (message: Bilingual, language: ErrorLanguage): string =>
  message[language];

/** The text of `message` in the language of the request under way (French unless `Accept-Language` prefers English): for a refusal a controller writes itself. */
export const inRequestLanguage = (message: Bilingual): string => message[errorLanguage()];

/** Messages of refused query documents, by the `extensions.reason` the limits set (see `query-limits.ts`). */
export function documentLimitMessage(
  reason: string,
  found: unknown,
  maximum: unknown,
): Bilingual | null {
  const f = typeof found === 'number' ? found : undefined;
  switch (reason) {
    case 'QUERY_TOO_DEEP':
      return {
        fr: `Requête trop imbriquée${f ? ` : ${f} niveaux` : ''} (${maximum} au plus).`,
        en: `Query too deep${f ? `: ${f} levels` : ''} (at most ${maximum}).`,
      };
    case 'TOO_MANY_ALIASES':
      return {
        fr: `Trop d'alias dans la requête${f ? ` : ${f}` : ''} (${maximum} au plus).`,
        en: `Too many aliases in the query${f ? `: ${f}` : ''} (at most ${maximum}).`,
      };
    case 'TOO_MANY_DIRECTIVES':
      return {
        fr: `Trop de directives dans la requête${f ? ` : ${f}` : ''} (${maximum} au plus).`,
        en: `Too many directives in the query${f ? `: ${f}` : ''} (at most ${maximum}).`,
      };
    case 'QUERY_TOO_COMPLEX':
      return {
        fr: `Requête trop complexe : ${found} (${maximum} au plus).`,
        en: `Query too complex: ${found} (at most ${maximum}).`,
      };
    case 'TOO_MANY_TOKENS':
      return {
        fr: `Requête trop longue : plus de ${maximum} éléments lexicaux.`,
        en: `Query too long: more than ${maximum} tokens.`,
      };
    case 'UNUSABLE_TEXT':
      return {
        fr: 'Texte invalide : caractère nul ou caractère Unicode incomplet.',
        en: 'Invalid text: a NUL character or an incomplete Unicode character.',
      };
    case 'QUERY_REFUSED':
      return {
        fr: 'Requête refusée : document GraphQL inexploitable.',
        en: 'Query refused: unusable GraphQL document.',
      };
    default:
      return null;
  }
}

const q = (name: string) => `« ${name} »`;

/** graphql-js's validation messages most often met, in both languages; others get a generic text (the original stays in `extensions.detail`). */
const VALIDATION_MESSAGES: [RegExp, (m: RegExpExecArray) => Bilingual][] = [
  [
    /^Unknown fragment "([^"]+)"\.$/,
    (m) => ({ fr: `Fragment ${q(m[1])} inconnu.`, en: `Unknown fragment "${m[1]}".` }),
  ],
  [
    /^Cannot spread fragment "([^"]+)" within itself/,
    (m) => ({
      fr: `Le fragment ${q(m[1])} s'inclut lui-même.`,
      en: `Fragment "${m[1]}" spreads itself.`,
    }),
  ],
  [
    /^Cannot query field "([^"]+)" on type "([^"]+)"\./,
    (m) => ({
      fr: `Champ ${q(m[1])} inconnu sur le type ${q(m[2])}.`,
      en: `Unknown field "${m[1]}" on type "${m[2]}".`,
    }),
  ],
  [
    /^Unknown argument "([^"]+)" on field "([^"]+)"\./,
    (m) => ({
      fr: `Argument ${q(m[1])} inconnu pour le champ ${q(m[2])}.`,
      en: `Unknown argument "${m[1]}" on field "${m[2]}".`,
    }),
  ],
  [
    /^Unknown directive "@([^"]+)"\./,
    (m) => ({ fr: `Directive ${q('@' + m[1])} inconnue.`, en: `Unknown directive "@${m[1]}".` }),
  ],
  [
    /^Fragment "([^"]+)" is never used\./,
    (m) => ({ fr: `Fragment ${q(m[1])} jamais utilisé.`, en: `Fragment "${m[1]}" is never used.` }),
  ],
  [
    /^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\./,
    (m) => ({
      fr: `Argument obligatoire ${q(m[2])} absent du champ ${q(m[1])}.`,
      en: `Required argument "${m[2]}" missing on field "${m[1]}".`,
    }),
  ],
  [
    /^Variable "\$([^"]+)" of required type "([^"]+)" was not provided\./,
    (m) => ({
      fr: `Variable obligatoire ${q('$' + m[1])} absente.`,
      en: `Required variable "$${m[1]}" was not provided.`,
    }),
  ],
  [
    /^Variable "\$([^"]+)" got invalid value/,
    (m) => ({
      fr: `Valeur invalide pour la variable ${q('$' + m[1])}.`,
      en: `Invalid value for variable "$${m[1]}".`,
    }),
  ],
  [
    /Validation aborted\.$/,
    () => ({
      fr: 'Requête refusée : trop lourde à valider (champs répétés ou erreurs trop nombreuses).',
      en: 'Query refused: too heavy to validate (repeated fields or too many errors).',
    }),
  ],
  [
    /^Schema is not configured to execute (\w+) operation/,
    (m) => ({
      fr: `Opérations ${q(m[1])} non prises en charge (les événements en direct passent par Socket.IO).`,
      en: `"${m[1]}" operations are not supported (live events go through Socket.IO).`,
    }),
  ],
  [
    /^Variable "\$([^"]+)" is not defined/,
    (m) => ({
      fr: `Variable ${q('$' + m[1])} non déclarée.`,
      en: `Variable "$${m[1]}" is not defined.`,
    }),
  ],
];

/**
 * A French (and English) wording of an error graphql-js or Apollo raised before execution,
 * by its Apollo code: parse failures, validation failures, variable coercion, bad HTTP requests.
 * @param code Apollo's code; @param message graphql-js's English message
 */
export function preExecutionMessage(code: string, message: string): Bilingual {
  if (code === 'GRAPHQL_PARSE_FAILED') {
    const tokens = /more th(?:at|an|en) (\d+) tokens/.exec(message);
    if (tokens) return documentLimitMessage('TOO_MANY_TOKENS', undefined, Number(tokens[1]))!;
    return {
      fr: 'Requête GraphQL illisible : erreur de syntaxe.',
      en: 'Unreadable GraphQL query: syntax error.',
    };
  }
  for (const [pattern, words] of VALIDATION_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return words(match);
  }
  switch (code) {
    case 'GRAPHQL_VALIDATION_FAILED':
      return {
        fr: 'Requête GraphQL invalide : elle ne correspond pas au schéma.',
        en: 'Invalid GraphQL query: it does not match the schema.',
      };
    case 'BAD_REQUEST':
      return { fr: 'Requête HTTP invalide pour GraphQL.', en: 'Invalid HTTP request for GraphQL.' };
    case 'OPERATION_RESOLUTION_FAILURE':
      return {
        fr: 'Opération introuvable ou ambiguë dans le document.',
        en: 'Operation not found or ambiguous in the document.',
      };
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
      return {
        fr: 'Requêtes persistées non prises en charge.',
        en: 'Persisted queries are not supported.',
      };
    default:
      return { fr: 'Donnée invalide.', en: 'Invalid input.' };
  }
}
