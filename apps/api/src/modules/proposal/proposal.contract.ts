import {
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

/** Creates one proposal in a fresh PROPOSALS component, written by a fresh participant. */
export async function createContractProposal(c: Parameters<ContractFixture['create']>[0]) {
  const spaceId = await freshSpace(c);
  const componentId = await freshComponent(c, spaceId, 'PROPOSALS');
  const author = await c.t.register('Autrice de contrat');
  const word = c.word();
  const d = await must(
    c.t,
    `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`,
    {
      i: {
        componentId,
        title: `Proposition de contrat ${word}`,
        body: 'Le corps de la proposition, assez long pour être valable.',
      },
    },
    author.token,
  );
  return { id: d.createProposal.id as string, spaceId, componentId, author, searchText: word };
}

export const contractFixtures: ContractFixture[] = [
  { type: 'PROPOSAL', create: createContractProposal },
];
