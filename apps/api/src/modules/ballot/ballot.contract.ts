import {
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

export const contractFixtures: ContractFixture[] = [
  {
    type: 'BALLOT',
    /** An open secret ballot (all members, one SINGLE question) created by a fresh space admin in a fresh VOTES component. */
    async create(c) {
      const spaceId = await freshSpace(c);
      const componentId = await freshComponent(c, spaceId, 'VOTES');
      const author = await c.t.register('Administratrice de votation');
      await must(
        c.t,
        `mutation($i: AssignSpaceRoleInput!) { assignSpaceRole(input: $i) { role } }`,
        { i: { spaceId, email: author.email, role: 'ADMIN' } },
        c.admin,
      );
      const d = await must(
        c.t,
        `mutation($i: CreateBallotInput!) { createBallot(input: $i) { id } }`,
        {
          i: {
            componentId,
            title: `Votation de contrat ${c.unique()}`,
            opensAt: new Date(Date.now() - 1000).toISOString(),
            closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
            census: { kind: 'ALL_MEMBERS' },
            questions: [
              {
                title: 'Présidence',
                method: 'SINGLE',
                options: [{ title: 'Alice' }, { title: 'Bruno' }],
              },
            ],
          },
        },
        author.token,
      );
      return { id: d.createBallot.id, spaceId, componentId, author };
    },
  },
];
