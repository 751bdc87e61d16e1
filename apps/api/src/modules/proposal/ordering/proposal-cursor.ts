import { DomainError } from '../../../common/errors/domain-error';
import type { ProposalOrder } from '../dtos/proposal.dto';

/**
 * Where a page of proposals resumes. RANDOM: the seed, the number of proposals frozen when
 * paging started (`n`: later ones come after, in creation order) and the next position.
 * Other orders: the sort value and id of the last proposal returned (keyset paging).
 */
export type ProposalCursor =
  | { o: 'RANDOM'; s: string; n: number; p: number }
  | { o: Exclude<ProposalOrder, 'RANDOM'>; v: string | number; id: string };

/** Encodes a cursor as opaque base64url JSON. */
export function encodeCursor(cursor: ProposalCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/**
 * Decodes and checks a cursor made by {@link encodeCursor}.
 * @throws BAD_USER_INPUT malformed cursor, or one made for another order
 */
export function decodeCursor(text: string, order: ProposalOrder): ProposalCursor {
  let cursor: ProposalCursor;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as ProposalCursor;
  } catch {
    throw DomainError.badInput('Curseur de pagination invalide.', { field: 'after' });
  }
  const valid =
    cursor?.o === order &&
    (cursor.o === 'RANDOM'
      ? typeof cursor.s === 'string' && cursor.s.length <= 64 && Number.isInteger(cursor.n) && cursor.n >= 0 && cursor.n <= 2 ** 31 && Number.isInteger(cursor.p) && cursor.p >= 0 && cursor.p <= 2 ** 31
      : typeof cursor.id === 'string' && /^[0-9a-f-]{36}$/i.test(cursor.id) && (typeof cursor.v === 'number' || typeof cursor.v === 'string'));
  if (!valid) throw DomainError.badInput('Curseur de pagination invalide pour cet ordre.', { field: 'after' });
  return cursor;
}
