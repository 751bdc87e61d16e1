import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../../common/errors/domain-error';
import type { ProposalOrder } from '../dtos/proposal.dto';

/**
 * Where a page of proposals resumes, bound to its component (`c`). RANDOM: the seed, the number
 * of proposals frozen when paging started (`n`: later ones come after, in creation order) and
 * the next position. CONSENSUS: the ranking snapshot's version (`v`) and the next key (`p`: a
 * rank below the snapshot's size, then the position index of later proposals). Other orders:
 * the sort value and id of the last proposal returned (keyset paging).
 */
export type ProposalCursor =
  | { o: 'RANDOM'; c: string; s: string; n: number; p: number }
  | { o: 'CONSENSUS'; c: string; v: number; p: number }
  | {
      o: Exclude<ProposalOrder, 'RANDOM' | 'CONSENSUS'>;
      c: string;
      v: string | number;
      id: string;
    };

/** Bytes of the HMAC-SHA-256 tag kept in a cursor (128 bits). */
const TAG_BYTES = 16;

const tagOf = (payload: string, key: Buffer) =>
  createHmac('sha256', key).update(payload).digest().subarray(0, TAG_BYTES);

/**
 * Encodes a cursor as opaque base64url JSON followed by an HMAC-SHA-256 tag (`payload.tag`):
 * only the server can make one, so a hand-made cursor (another `n`, another seed) is refused.
 * @param cursor the position to resume from
 * @param key the deployment's cursor key (shared by every API process: stored in PostgreSQL)
 */
export function encodeCursor(cursor: ProposalCursor, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(cursor)).toString('base64url');
  return `${payload}.${tagOf(payload, key).toString('base64url')}`;
}

/**
 * Decodes and checks a cursor made by {@link encodeCursor}: its tag, its order and its component.
 * @param text the cursor as received
 * @param order the order of the page asked for
 * @param componentId the component of the page asked for
 * @param key the deployment's cursor key
 * @throws BAD_USER_INPUT (field `after`) malformed or forged cursor, one made for another order
 *         or another component
 */
export function decodeCursor(
  text: string,
  order: ProposalOrder,
  componentId: string,
  key: Buffer,
): ProposalCursor {
  const invalid = () =>
    DomainError.badInput('Curseur de pagination invalide.', { field: 'after' }).inEnglish(
      'Invalid pagination cursor.',
    );
  const [payload, tag, ...rest] = text.split('.');
  if (!payload || !tag || rest.length) throw invalid();
  const given = Buffer.from(tag, 'base64url');
  const expected = tagOf(payload, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let cursor: ProposalCursor;
  try {
    cursor = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ProposalCursor;
  } catch {
    throw invalid();
  }
  if (cursor?.c !== componentId)
    throw DomainError.badInput(
      'Ce curseur de pagination appartient à une autre liste de propositions.',
      { field: 'after' },
    ).inEnglish('This pagination cursor belongs to another list of proposals.');
  const valid =
    cursor.o === order &&
    (cursor.o === 'CONSENSUS'
      ? Number.isInteger(cursor.v) &&
        cursor.v >= 1 &&
        cursor.v <= 2 ** 31 &&
        Number.isInteger(cursor.p) &&
        cursor.p >= 0 &&
        cursor.p <= 2 ** 31
      : cursor.o === 'RANDOM'
        ? typeof cursor.s === 'string' &&
          cursor.s.length <= 64 &&
          Number.isInteger(cursor.n) &&
          cursor.n >= 0 &&
          cursor.n <= 2 ** 31 &&
          Number.isInteger(cursor.p) &&
          cursor.p >= 0 &&
          cursor.p <= 2 ** 31
        : typeof cursor.id === 'string' &&
          /^[0-9a-f-]{36}$/i.test(cursor.id) &&
          (typeof cursor.v === 'number' || typeof cursor.v === 'string'));
  if (!valid)
    throw DomainError.badInput('Curseur de pagination invalide pour cet ordre.', {
      field: 'after',
    }).inEnglish('Invalid pagination cursor for this order.');
  return cursor;
}
