import {
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

export const contractFixtures: ContractFixture[] = [
  {
    type: 'SPACE',
    async create(c) {
      const spaceId = await freshSpace(c);
      return { id: spaceId, spaceId, componentId: null };
    },
    /** A proposal published in the space reaches its followers. */
    async notifyFollowers(c, space) {
      const componentId = await freshComponent(c, space.id, 'PROPOSALS');
      const author = await c.t.register('Autrice de passage');
      await must(
        c.t,
        `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`,
        {
          i: {
            componentId,
            title: `Proposition pour les abonnés ${c.unique()}`,
            body: 'Le corps de la proposition, assez long pour être valable.',
          },
        },
        author.token,
      );
    },
  },
];
