import {
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

export const contractFixtures: ContractFixture[] = [
  {
    type: 'PETITION',
    /** A published petition (collecting signatures) by a fresh member, in a fresh PETITIONS component. */
    async create(c) {
      const spaceId = await freshSpace(c);
      const componentId = await freshComponent(c, spaceId, 'PETITIONS');
      const type = await must(
        c.t,
        `mutation($i: CreatePetitionTypeInput!) { createPetitionType(input: $i) { id } }`,
        {
          i: { componentId, title: 'Pétition simple', threshold: 10, periodDays: 30 },
        },
        c.admin,
      );
      const author = await c.t.register('Auteur de pétition');
      const word = c.word();
      const d = await must(
        c.t,
        `mutation($i: CreatePetitionInput!) { createPetition(input: $i) { id } }`,
        {
          i: {
            typeId: type.createPetitionType.id,
            title: `Pétition de contrat ${word}`,
            body: 'Le texte de la pétition.',
          },
        },
        author.token,
      );
      const id = d.createPetition.id as string;
      await must(
        c.t,
        `mutation($id: ID!) { submitPetition(id: $id) { id } }`,
        { id },
        author.token,
      );
      await must(c.t, `mutation($id: ID!) { publishPetition(id: $id) { id } }`, { id }, c.admin);
      return { id, spaceId, componentId, author, searchText: word };
    },
    async viewerReported(c, resource, token) {
      const d = await must(
        c.t,
        `query($id: ID!) { petition(id: $id) { viewerReported } }`,
        { id: resource.id },
        token,
      );
      return d.petition.viewerReported;
    },
  },
];
