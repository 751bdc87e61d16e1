import type { EntityManager } from 'typeorm';

/** The password hash of a demo account: not an argon2 hash, so no password ever matches it. */
const NO_LOGIN = '!demo-account-no-login';

/**
 * Creates a demo account (`is_demo`, no usable password) for the demo content, in the
 * caller's transaction — the user module's SQL, as `insertDemoBallot` is the ballot module's.
 * @param manager the demo loader's transaction
 * @param name the display name (clearly a demo name)
 * @param email an address under `demo.concerto.invalid`
 * @param onTaken when the address already has an account: `'skip'` returns null, `'reuse'`
 *        returns that account's id, `'fail'` lets the unique violation abort the transaction
 * @returns the account's id, or null (`'skip'` and the address taken)
 */
export async function insertDemoAccount(
  manager: EntityManager,
  name: string,
  email: string,
  onTaken: 'skip' | 'reuse' | 'fail',
): Promise<string | null> {
  const conflict = {
    skip: 'ON CONFLICT DO NOTHING',
    reuse: 'ON CONFLICT ((lower(email))) DO UPDATE SET name = users.name',
    fail: '',
  }[onTaken];
  const [user] = await manager.query(
    `INSERT INTO users (name, email, password_hash, is_demo) VALUES ($1, $2, $3, true) ${conflict} RETURNING id`,
    [name, email, NO_LOGIN],
  );
  return user ? (user.id as string) : null;
}
