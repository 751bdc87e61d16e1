import {
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

export const contractFixtures: ContractFixture[] = [
  {
    type: 'NEWS_POST',
    /** A news post published now in a fresh NEWS component. */
    async create(c) {
      const spaceId = await freshSpace(c);
      const componentId = await freshComponent(c, spaceId, 'NEWS');
      const word = c.word();
      const d = await must(
        c.t,
        `mutation($i: CreateNewsPostInput!) { createNewsPost(input: $i) { id } }`,
        {
          i: {
            componentId,
            title: `Actualité de contrat ${word}`,
            body: `<p>Une actualité pour le contrat ${word}.</p>`,
          },
        },
        c.admin,
      );
      return { id: d.createNewsPost.id, spaceId, componentId, searchText: word };
    },
    async viewerReported(c, resource, token) {
      const d = await must(
        c.t,
        `query($id: ID!) { newsPost(id: $id) { viewerReported } }`,
        { id: resource.id },
        token,
      );
      return d.newsPost.viewerReported;
    },
  },
];
