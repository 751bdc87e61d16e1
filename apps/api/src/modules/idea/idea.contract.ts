import {
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

export const contractFixtures: ContractFixture[] = [
  {
    type: 'IDEA',
    /** A seed idea of a published Boîte à idées in a fresh IDEAS component. */
    async create(c) {
      const spaceId = await freshSpace(c);
      const componentId = await freshComponent(c, spaceId, 'IDEAS');
      const d = await must(
        c.t,
        `mutation($i: CreateIdeaBoxInput!) { createIdeaBox(input: $i) { id } }`,
        {
          i: {
            componentId,
            question: `Quelle action mener en priorité ? ${c.unique()}`,
            seedIdeas: [
              'Organiser une journée de la filière',
              'Favoriser les partages d’expérience',
            ],
          },
        },
        c.admin,
      );
      const ideas = await must(
        c.t,
        `query($b: ID!) { ideaBoxIdeas(boxId: $b) { id } }`,
        { b: d.createIdeaBox.id },
        c.admin,
      );
      return { id: ideas.ideaBoxIdeas[0].id, spaceId, componentId };
    },
  },
];
