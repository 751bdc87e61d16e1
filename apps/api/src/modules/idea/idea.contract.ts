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
    async viewerReported(c, resource, token) {
      const [{ box_id }] = await c.t.sql(`SELECT box_id FROM ideas WHERE id = $1`, [resource.id]);
      const d = await must(
        c.t,
        `query($b: ID!) { ideaBoxIdeas(boxId: $b) { id viewerReported } }`,
        { b: box_id },
        token,
      );
      return d.ideaBoxIdeas.find((i: { id: string }) => i.id === resource.id).viewerReported;
    },
  },
];
