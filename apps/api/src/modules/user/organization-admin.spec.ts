import { errorCode, startTestApp, TestApp } from '../../../test/test-app';

const LIST = `{ organizationAdmins { id name email appointedAt } }`;
const APPOINT = `mutation($email: String!) { appointOrganizationAdmin(email: $email) { id name email appointedAt } }`;
const REVOKE = `mutation($userId: ID!) { revokeOrganizationAdmin(userId: $userId) }`;
/** An admin-only mutation, to see whose token carries the rights. */
const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`;
let serial = 0;
const newSpace = () => ({
  input: {
    type: 'PROCESS',
    slug: `espace-admins-${Date.now().toString(36)}-${(serial += 1)}`,
    title: 'Un espace de test',
  },
});

describe('organization administrators: appoint, revoke, at least one remains', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    adminId = (await t.gql(`{ me { id } }`, {}, admin)).data!.me.id;
  }, 120_000);
  afterAll(() => t.close());

  const adminCount = async () =>
    Number(
      (await t.sql(`SELECT count(*) AS n FROM users WHERE is_admin AND deleted_at IS NULL`))[0].n,
    );

  it('an appointed admin gains the rights at once, and loses them on revocation with the same token', async () => {
    const bea = await t.register('Béa Nommée');
    expect(errorCode(await t.gql(CREATE_SPACE, newSpace(), bea.token))).toBe('FORBIDDEN');
    const appointed = await t.gql(APPOINT, { email: `  ${bea.email.toUpperCase()} ` }, admin);
    expect(appointed.errors).toBeUndefined();
    expect(appointed.data!.appointOrganizationAdmin).toMatchObject({
      id: bea.id,
      name: 'Béa Nommée',
      email: bea.email,
    });
    expect(appointed.data!.appointOrganizationAdmin.appointedAt).not.toBeNull();
    const list = await t.gql(LIST, {}, bea.token);
    expect(list.data!.organizationAdmins.map((a: { id: string }) => a.id).sort()).toEqual(
      [adminId, bea.id].sort(),
    );
    expect((await t.gql(CREATE_SPACE, newSpace(), bea.token)).errors).toBeUndefined();

    const log = await t.sql(
      `SELECT user_id, visibility, summary FROM action_logs WHERE action = 'appoint_admin' AND resource_id = $1`,
      [bea.id],
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ user_id: adminId, visibility: 'ADMIN_ONLY' });
    expect(log[0].summary).not.toContain('@');

    expect(errorCode(await t.gql(APPOINT, { email: bea.email }, admin))).toBe('CONFLICT');
    expect((await t.gql(REVOKE, { userId: bea.id }, admin)).data?.revokeOrganizationAdmin).toBe(
      true,
    );
    expect(errorCode(await t.gql(CREATE_SPACE, newSpace(), bea.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LIST, {}, bea.token))).toBe('FORBIDDEN');
    expect((await t.gql(`{ me { id } }`, {}, bea.token)).data?.me.id).toBe(bea.id); // still signed in
    expect(
      await t.sql(`SELECT 1 FROM action_logs WHERE action = 'revoke_admin' AND resource_id = $1`, [
        bea.id,
      ]),
    ).toHaveLength(1);
    expect(errorCode(await t.gql(REVOKE, { userId: bea.id }, admin))).toBe('NOT_FOUND');
  });

  it('refuses to revoke the last admin (LAST_ADMIN), lets an admin revoke themselves when another remains', async () => {
    expect(await adminCount()).toBe(1);
    const refused = await t.gql(REVOKE, { userId: adminId }, admin);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].extensions!.reason).toBe('LAST_ADMIN');
    expect(await adminCount()).toBe(1);

    const cleo = await t.register('Cléo');
    await t.gql(APPOINT, { email: cleo.email }, admin);
    expect(
      (await t.gql(REVOKE, { userId: cleo.id }, cleo.token)).data?.revokeOrganizationAdmin,
    ).toBe(true);
    expect(await adminCount()).toBe(1);
  });

  it('unknown e-mail and deleted account: NOT_FOUND with the same message; malformed: BAD_USER_INPUT; nothing changed', async () => {
    const gone = await t.register('Partie');
    expect(
      (
        await t.gql(
          `mutation { deleteMyAccount(input: { password: "correct horse battery" }) }`,
          {},
          gone.token,
        )
      ).errors,
    ).toBeUndefined();
    const unknown = await t.gql(APPOINT, { email: 'personne-inconnue@example.org' }, admin);
    const deleted = await t.gql(APPOINT, { email: gone.email }, admin);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(errorCode(deleted)).toBe('NOT_FOUND');
    expect(deleted.errors![0].message).toBe(unknown.errors![0].message);
    expect(errorCode(await t.gql(APPOINT, { email: 'pas une adresse' }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await t.gql(REVOKE, { userId: gone.id }, admin))).toBe('NOT_FOUND');
    expect(await adminCount()).toBe(1);
  });

  it('only organization admins may list, appoint or revoke', async () => {
    const dan = await t.register('Dan');
    expect(errorCode(await t.gql(LIST, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(LIST, {}, dan.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(APPOINT, { email: dan.email }, dan.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REVOKE, { userId: adminId }, dan.token))).toBe('FORBIDDEN');
    expect(await adminCount()).toBe(1);
  });

  it('race: admins revoking each other at once leave exactly one (and never zero)', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await t.register('Admin A');
      const b = await t.register('Admin B');
      await t.sql(`UPDATE users SET is_admin = false WHERE is_admin`);
      await t.sql(`UPDATE users SET is_admin = true WHERE id = ANY($1)`, [[a.id, b.id]]);
      const results = await Promise.all([
        t.gql(REVOKE, { userId: b.id }, a.token),
        t.gql(REVOKE, { userId: a.id }, b.token),
        t.gql(REVOKE, { userId: a.id }, a.token),
        t.gql(REVOKE, { userId: b.id }, b.token),
      ]);
      expect(results.filter((r) => r.data?.revokeOrganizationAdmin === true)).toHaveLength(1);
      expect(await adminCount()).toBe(1);
      expect(
        Number(
          (
            await t.sql(
              `SELECT count(*) AS n FROM action_logs WHERE action = 'revoke_admin' AND resource_id = ANY($1)`,
              [[a.id, b.id]],
            )
          )[0].n,
        ),
      ).toBe(1);
    }
    // give the flag back to the first admin for any later test
    await t.sql(`UPDATE users SET is_admin = true WHERE id = $1`, [adminId]);
  });

  it('race: with a third admin, two admins revoking each other at once: the second is no longer an admin and gets FORBIDDEN (found by a tester: both won 8 of 8)', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await t.register('Admin A');
      const b = await t.register('Admin B');
      await t.sql(`UPDATE users SET is_admin = true WHERE id = ANY($1)`, [[a.id, b.id]]);
      const [ab, ba] = await Promise.all([
        t.gql(REVOKE, { userId: b.id }, a.token),
        t.gql(REVOKE, { userId: a.id }, b.token),
      ]);
      const outcomes = [ab, ba]
        .map((r) => (r.data?.revokeOrganizationAdmin ? 'OK' : errorCode(r)))
        .sort();
      expect({ round, outcomes }).toEqual({ round, outcomes: ['FORBIDDEN', 'OK'] });
      const left = Number(
        (
          await t.sql(`SELECT count(*) AS n FROM users WHERE id = ANY($1) AND is_admin`, [
            [a.id, b.id],
          ])
        )[0].n,
      );
      expect(left).toBe(1);
      await t.sql(`UPDATE users SET is_admin = false WHERE id = ANY($1)`, [[a.id, b.id]]);
    }
  });

  it('race: six admins deleting their accounts while others revoke them: never a 500 or a deadlock, at least one admin remains (found by a tester: deadlocks, 500s)', async () => {
    const DELETE = `mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }`;
    const admins = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.register(`Partante ${i}`)),
    );
    await t.sql(`UPDATE users SET is_admin = true WHERE id = ANY($1)`, [admins.map((a) => a.id)]);
    const results = await Promise.all([
      ...admins.map((a) =>
        t.gql(DELETE, { input: { password: 'correct horse battery' } }, a.token),
      ),
      ...admins.map((a, i) =>
        t.gql(REVOKE, { userId: admins[(i + 1) % admins.length].id }, a.token),
      ),
      ...admins.map((a) => t.gql(REVOKE, { userId: a.id }, admin)),
    ]);
    const codes = results.map((r) => (r.errors ? errorCode(r) : 'OK'));
    expect(
      codes.filter(
        (c) => !['OK', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED'].includes(String(c)),
      ),
    ).toEqual([]);
    expect(await adminCount()).toBeGreaterThanOrEqual(1);
    expect((await t.gql(`{ me { isAdmin } }`, {}, admin)).data!.me.isAdmin).toBe(true);
  });
});
