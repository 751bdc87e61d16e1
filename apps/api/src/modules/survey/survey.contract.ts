import {
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

export const contractFixtures: ContractFixture[] = [
  {
    type: 'SURVEY',
    /** A survey in a fresh SURVEY component. */
    async create(c) {
      const spaceId = await freshSpace(c);
      const componentId = await freshComponent(c, spaceId, 'SURVEY');
      const d = await must(
        c.t,
        `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }`,
        { i: { componentId, title: `Enquête de contrat ${c.unique()}` } },
        c.admin,
      );
      return { id: d.createSurvey.id, spaceId, componentId };
    },
  },
];
