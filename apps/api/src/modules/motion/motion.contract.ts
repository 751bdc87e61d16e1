import {
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

export const contractFixtures: ContractFixture[] = [
  {
    type: 'MOTION',
    /** A motion open now, filed by a fresh member of a fresh assembly. */
    async create(c) {
      const spaceId = await freshSpace(c, 'ASSEMBLY');
      const componentId = await freshComponent(c, spaceId, 'MOTIONS');
      const author = await c.t.register('Membre de contrat');
      await must(
        c.t,
        `mutation($i: AddAssemblyMemberInput!) { addAssemblyMember(input: $i) { id } }`,
        { i: { spaceId, email: author.email } },
        c.admin,
      );
      const d = await must(
        c.t,
        `mutation($i: CreateMotionInput!) { createMotion(input: $i) { id } }`,
        {
          i: {
            componentId,
            title: `Motion de contrat ${c.unique()}`,
            body: 'Le texte de la motion.',
            opensAt: new Date().toISOString(),
            closesAt: new Date(Date.now() + 7_200_000).toISOString(),
          },
        },
        author.token,
      );
      return { id: d.createMotion.id, spaceId, componentId, author };
    },
  },
];
