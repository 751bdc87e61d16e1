import {
  type ContractContext,
  type ContractFixture,
  freshComponent,
  freshSpace,
  must,
} from '../../../test/capability-contracts/kit';

const markdown = (word: string) =>
  `# Principes\n\nLes données de santé servent l’intérêt général (${word}).\n\nChaque acteur de la filière partage ses retours.\n`;

/** A published participatory text in a fresh space; returns its first article. */
async function publishedArticle(c: ContractContext) {
  const spaceId = await freshSpace(c);
  const componentId = await freshComponent(c, spaceId, 'PARTICIPATORY_TEXT');
  const word = c.word();
  await must(
    c.t,
    `mutation($c: ID!, $md: String!) { importParticipatoryText(componentId: $c, markdown: $md) { published } }`,
    { c: componentId, md: markdown(word) },
    c.admin,
  );
  await must(
    c.t,
    `mutation($c: ID!) { publishParticipatoryText(componentId: $c) { published } }`,
    { c: componentId },
    c.admin,
  );
  const [article] = await c.t.sql(
    `SELECT id FROM text_articles WHERE component_id = $1 ORDER BY number LIMIT 1`,
    [componentId],
  );
  return { id: article.id as string, spaceId, componentId, searchText: word };
}

export const contractFixtures: ContractFixture[] = [
  { type: 'ARTICLE', create: publishedArticle },
  {
    type: 'AMENDMENT',
    /** An amendment of a fresh article by a fresh participant. */
    async create(c) {
      const article = await publishedArticle(c);
      const author = await c.t.register('Amendeuse de contrat');
      const d = await must(
        c.t,
        `mutation($i: CreateAmendmentInput!) { createAmendment(input: $i) { id } }`,
        {
          i: {
            amendableType: 'ARTICLE',
            amendableId: article.id,
            title: `Un amendement de contrat ${c.unique()}`,
            body: `Un texte modifié ${c.unique()}, assez long pour être valable.`,
          },
        },
        author.token,
      );
      return {
        id: d.createAmendment.id,
        spaceId: article.spaceId,
        componentId: article.componentId,
        author,
      };
    },
  },
];
