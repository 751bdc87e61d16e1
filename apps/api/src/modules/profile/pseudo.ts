import { ProfileRules, RESERVED_PSEUDOS } from '@concerto/domain';
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

/**
 * Creates the profile of a new account in the caller's transaction, with a pseudo derived from
 * the display name: the first free one of `base`, `base-2`, `base-3`… (the unique index decides
 * between simultaneous sign-ups; after 50 tries a random suffix). No-op when the account
 * already has a profile. `typologyKey` sets the typology at creation (demo voters). Called at
 * sign-up, for the first administrator and for demo members
 * (accounts older than profiles got theirs from the migration).
 * @returns the account's pseudo
 */
export async function createMemberProfile(
  manager: EntityManager,
  userId: string,
  name: string,
  typologyKey: string | null = null,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const candidate = pseudoCandidate(
      name,
      attempt <= 50 ? attempt : 51 + Math.floor(Math.random() * 99_000),
    );
    const inserted = await manager.query(
      `INSERT INTO member_profiles (user_id, pseudo, typology_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING pseudo`,
      [userId, candidate, typologyKey],
    );
    if (inserted.length) return inserted[0].pseudo;
    const [existing] = await manager.query(
      `SELECT pseudo FROM member_profiles WHERE user_id = $1`,
      [userId],
    );
    if (existing) return existing.pseudo;
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
