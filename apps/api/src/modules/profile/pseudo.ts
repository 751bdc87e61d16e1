import { ProfileRules, RESERVED_PSEUDOS } from '@concerto/domain';
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * The pseudo a display name suggests: accents dropped (Unicode NFKD, combining marks removed),
 * lower case, every run of other characters turned into one hyphen, at most 24 characters (room
 * for a "-99999" suffix), "membre" when fewer than 3 remain.
 * @param name a display name, e.g. « Anne-Sophie Lefèvre »
 * @returns e.g. `anne-sophie-lefevre`
 */
export function pseudoBase(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = folded.slice(0, 24).replace(/-+$/g, '');
  return cut.length >= ProfileRules.pseudoMinLength ? cut : 'membre';
}

/**
 * The n-th candidate pseudo for a display name: the base first, then `base-2`, `base-3`…
 * (reserved pseudos are skipped by starting at `-2`).
 * @param name display name
 * @param attempt 1 for the base, 2 for `-2`, …
 */
export function pseudoCandidate(name: string, attempt: number): string {
  const base = pseudoBase(name);
  if (attempt <= 1 && !isReservedPseudo(base)) return base;
  return `${base}-${Math.max(attempt, 2)}`;
}

/** Whether a pseudo is one the platform keeps for itself (`RESERVED_PSEUDOS`). */
export function isReservedPseudo(pseudo: string): boolean {
  return RESERVED_PSEUDOS.includes(pseudo);
}

/**
 * Normalises what a member typed as their pseudo: trimmed and lower-cased (the pattern then
 * decides; nothing else is rewritten, so the member sees the pseudo they will get).
 */
export function normalisePseudo(input: string): string {
  return input.trim().toLowerCase();
}

/** How many numbered candidates (`base`, `base-2` … `base-50`) are tried before random suffixes. */
const NUMBERED_CANDIDATES = 50;

/**
 * Creates the profile of a new account in the caller's transaction (READ COMMITTED), with a
 * pseudo derived from the display name: the first free one of `base`, `base-2`, `base-3`…
 * `base-50`, else a random suffix. One statement picks the first free candidate and inserts
 * it; the unique index decides between simultaneous sign-ups, and the one that lost the race
 * picks again (each try sees what the winner committed). No-op when the account already has a
 * profile. `typologyKey` sets the typology at creation (demo voters). Called at sign-up, for
 * the first administrator and for demo members (accounts older than profiles got theirs from
 * the migration).
 * Cost: 1 round trip when nobody signs up with the same name at the same instant (it was one
 * per taken candidate: 2,026 statements for the demo's 238 members).
 * @returns the account's pseudo
 */
export async function createMemberProfile(
  manager: EntityManager,
  userId: string,
  name: string,
  typologyKey: string | null = null,
): Promise<string> {
  const numbered = Array.from({ length: NUMBERED_CANDIDATES }, (_, i) =>
    pseudoCandidate(name, i + 1),
  );
  let numberedLeft = true;
  for (;;) {
    const candidates = numberedLeft
      ? numbered
      : Array.from({ length: 20 }, () =>
          pseudoCandidate(name, NUMBERED_CANDIDATES + 1 + randomInt(99_000)),
        );
    const inserted = await manager.query(
      `WITH candidate AS (
         SELECT c.pseudo FROM unnest($2::text[]) WITH ORDINALITY AS c(pseudo, n)
         WHERE NOT EXISTS (SELECT 1 FROM member_profiles p WHERE p.pseudo = c.pseudo)
         ORDER BY c.n LIMIT 1)
       INSERT INTO member_profiles (user_id, pseudo, typology_key)
       SELECT $1, pseudo, $3 FROM candidate
       ON CONFLICT DO NOTHING RETURNING pseudo`,
      [userId, candidates, typologyKey],
    );
    if (inserted.length) return inserted[0].pseudo;
    // nothing inserted: the account has its profile already, a simultaneous sign-up took the
    // candidate (try again), or every numbered candidate is taken (random suffixes from now on)
    const [state] = await manager.query(
      `SELECT (SELECT pseudo FROM member_profiles WHERE user_id = $1) AS existing,
              EXISTS (SELECT 1 FROM unnest($2::text[]) AS c(pseudo)
                      WHERE NOT EXISTS (SELECT 1 FROM member_profiles p WHERE p.pseudo = c.pseudo)) AS "freeLeft"`,
      [userId, candidates],
    );
    if (state.existing) return state.existing;
    if (numberedLeft && !state.freeLeft) numberedLeft = false;
  }
}

/**
 * The typologies members may choose now (not archived), in order, read in the caller's
 * transaction (for seeding, e.g. demo voters of every respondent type).
 */
export async function activeTypologies(
  manager: EntityManager,
): Promise<{ key: string; label: string }[]> {
  return manager.query(
    `SELECT key, label FROM member_typologies WHERE archived_at IS NULL ORDER BY position`,
  );
}
