import type { ContractFixture } from '../../../test/capability-contracts/kit';
import { must } from '../../../test/capability-contracts/kit';
import { createContractProposal } from '../proposal/proposal.contract';

export const contractFixtures: ContractFixture[] = [
  {
    type: 'COMMENT',
    /** One comment by a fresh participant on a fresh proposal. */
    async create(c) {
      const proposal = await createContractProposal(c);
      const author = await c.t.register('Commentatrice de contrat');
      const d = await must(
        c.t,
        `mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`,
        {
          i: {
            commentableType: 'PROPOSAL',
            commentableId: proposal.id,
            body: 'Un commentaire de contrat.',
          },
        },
        author.token,
      );
      return {
        id: d.addComment.id,
        spaceId: proposal.spaceId,
        componentId: proposal.componentId,
        author,
      };
    },
  },
];
