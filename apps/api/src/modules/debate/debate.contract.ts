import {
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

/** A debate opened by the admin in a fresh DEBATE component. */
async function freshDebate(c: Parameters<ContractFixture['create']>[0]) {
  const spaceId = await freshSpace(c);
  const componentId = await freshComponent(c, spaceId, 'DEBATE');
  const d = await must(
    c.t,
    `mutation($i: CreateDebateInput!) { createDebate(input: $i) { id } }`,
    { i: { componentId, title: `Débat de contrat ${c.unique()}` } },
    c.admin,
  );
  return { id: d.createDebate.id as string, spaceId, componentId };
}

export const contractFixtures: ContractFixture[] = [
  {
    type: 'DEBATE',
    /** A debate opened by the admin in a fresh DEBATE component. */
    create: (c) => freshDebate(c),
  },
  {
    type: 'DEBATE_STATEMENT',
    /** A statement published by a fresh participant in a fresh debate. */
    async create(c) {
      const debate = await freshDebate(c);
      const author = await c.t.register('Autrice d’affirmation');
      const d = await must(
        c.t,
        `mutation($i: AddDebateStatementInput!) { addDebateStatement(input: $i) { id } }`,
        {
          i: {
            debateId: debate.id,
            body: `La filière gagne à partager ses retours d’expérience (${c.unique()}).`,
          },
        },
        author.token,
      );
      return {
        id: d.addDebateStatement.id as string,
        spaceId: debate.spaceId,
        componentId: debate.componentId,
        author,
      };
    },
    async viewerReported(c, resource, token) {
      const [{ debate_id }] = await c.t.sql(
        `SELECT debate_id FROM debate_statements WHERE id = $1`,
        [resource.id],
      );
      const d = await must(
        c.t,
        `query($d: ID!) { debateStatements(debateId: $d) { id viewerReported } }`,
        { d: debate_id },
        token,
      );
      return d.debateStatements.find((s: { id: string }) => s.id === resource.id).viewerReported;
    },
  },
];
