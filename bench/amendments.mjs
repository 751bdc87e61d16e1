// Benchmark: participatory texts and amendments through the whole GraphQL stack.
//  - reading the structured demo charter (`participatoryText`, with per-article amendment
//    counts) against the raw Markdown (`participatoryTextSource`, the previous view) — baseline;
//  - importing a Markdown document (the demo charter ×1 and ×10);
//  - accepting an amendment (row lock, base-version check, new version, outdated marking)
//    against answering a proposal (`answerProposal`, one locked row + action log) — baseline;
//  - the acceptance race: CONCURRENT accepts of different amendments of one article.
//   npm run build && node bench/amendments.mjs      (env RUNS, PENDING, CONCURRENT)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  currentTerms,
  machine,
  ROOT,
  seedProposals,
  startBenchServer,
  timeIt,
} from './bench-server.mjs';

const RUNS = Number(process.env.RUNS ?? 30);
const PENDING = Number(process.env.PENDING ?? 20); // pending amendments on the article when one is accepted
const CONCURRENT = Number(process.env.CONCURRENT ?? 10);
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token } }`;
const TEXT = `query($c: ID!) { participatoryText(componentId: $c) { articlesCount sections { title articles { id number body version pendingAmendmentsCount acceptedAmendmentsCount } } } }`;
const SOURCE = `query($c: ID!) { participatoryTextSource(componentId: $c) }`;
const IMPORT = `mutation($c: ID!, $md: String!) { importParticipatoryText(componentId: $c, markdown: $md) { articlesCount } }`;
const CREATE = `mutation($input: CreateAmendmentInput!) { createAmendment(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptAmendment(id: $id) { state } }`;
const ANSWER = `mutation($input: AnswerProposalInput!) { answerProposal(input: $input) { state } }`;
const fmt = (r) => `${r.median.toFixed(2)} / ${r.p95.toFixed(2)}`;

const server = await startBenchServer();
try {
  console.log(`machine: ${await machine()}`);
  const terms = await currentTerms(server.gql); // sign-ups accept the current terms and privacy notice
  console.log(
    `date: ${new Date().toISOString()}; ${RUNS} runs per figure, ${PENDING} pending amendments, race of ${CONCURRENT}`,
  );
  const check = (res) => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const admin = check(
    await server.gql(LOGIN, {
      input: { email: 'admin@bench.test', password: 'bench-admin-password' },
    }),
  ).login.token;
  const participant = check(
    await server.gql(REGISTER, {
      input: { name: 'Bench', email: 'bench@bench.test', password: 'bench password 123', ...terms },
    }),
  ).register.token;
  const {
    rows: [demo],
  } = await server.pool.query(
    `SELECT component_id, c.space_id FROM participatory_texts t JOIN components c ON c.id = t.component_id LIMIT 1`,
  );

  const read = await timeIt(RUNS, () => server.gql(TEXT, { c: demo.component_id }));
  const source = await timeIt(RUNS, () => server.gql(SOURCE, { c: demo.component_id }));

  const markdown = readFileSync(
    join(ROOT, 'apps/api/src/modules/demo/data/participatory-text.md'),
    'utf8',
  );
  const newText = async () =>
    (
      await server.pool.query(
        `INSERT INTO components (space_id, type, title, published_at) VALUES ($1, 'PARTICIPATORY_TEXT', 'Banc d''essai', now()) RETURNING id`,
        [demo.space_id],
      )
    ).rows[0].id;
  const target = await newText();
  const import1 = await timeIt(RUNS, () => server.gql(IMPORT, { c: target, md: markdown }, admin));
  const big = Array.from({ length: 10 }, () => markdown).join('\n\n');
  const import10 = await timeIt(Math.max(5, RUNS / 3), () =>
    server.gql(IMPORT, { c: target, md: big }, admin),
  );
  const articles = check(await server.gql(IMPORT, { c: target, md: markdown }, admin))
    .importParticipatoryText.articlesCount;
  check(
    await server.gql(
      `mutation($c: ID!) { publishParticipatoryText(componentId: $c) { published } }`,
      { c: target },
      admin,
    ),
  );
  const { rows: articleRows } = await server.pool.query(
    `SELECT id, body FROM text_articles WHERE component_id = $1 ORDER BY number`,
    [target],
  );

  // accept: each run amends a fresh article with PENDING pending amendments, accepts one
  const toAccept = [];
  for (let r = 0; r < RUNS; r++) {
    const article = articleRows[r % articleRows.length];
    let first;
    for (let p = 0; p < PENDING; p++) {
      const id = check(
        await server.gql(
          CREATE,
          {
            input: {
              amendableType: 'ARTICLE',
              amendableId: article.id,
              title: `Amendement de banc d'essai ${r}-${p}`,
              body: `${article.body} (${r}-${p})`,
            },
          },
          participant,
        ),
      ).createAmendment.id;
      first ??= id;
    }
    toAccept.push(first);
    if (r + 1 >= articleRows.length) break;
  }
  const accept = await timeIt(toAccept.length, (i) =>
    server.gql(ACCEPT, { id: toAccept[i] }, admin),
  );
  const proposalsComponent = await seedProposals(server.pool, RUNS);
  const { rows: proposals } = await server.pool.query(
    `SELECT id FROM proposals WHERE component_id = $1 ORDER BY position_index`,
    [proposalsComponent],
  );
  const answer = await timeIt(proposals.length, (i) =>
    server.gql(ANSWER, { input: { proposalId: proposals[i].id, state: 'EVALUATING' } }, admin),
  );

  // race: CONCURRENT accepts of CONCURRENT amendments of one fresh article
  const raceArticle = articleRows[articleRows.length - 1];
  const raceIds = [];
  for (let i = 0; i < CONCURRENT; i++) {
    raceIds.push(
      check(
        await server.gql(
          CREATE,
          {
            input: {
              amendableType: 'ARTICLE',
              amendableId: raceArticle.id,
              title: `Amendement concurrent numéro ${i}`,
              body: `Texte concurrent ${i}.`,
            },
          },
          participant,
        ),
      ).createAmendment.id,
    );
  }
  const t0 = process.hrtime.bigint();
  const results = await Promise.all(raceIds.map((id) => server.gql(ACCEPT, { id }, admin)));
  const raceMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const won = results.filter((r) => r.data?.acceptAmendment?.state === 'ACCEPTED').length;
  const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length;
  const {
    rows: [versions],
  } = await server.pool.query(
    `SELECT count(*)::int AS n FROM article_versions WHERE article_id = $1`,
    [raceArticle.id],
  );

  console.log(`\n| operation (GraphQL, median / p95 ms) | Concerto | baseline (same run) |`);
  console.log(`|---|---:|---:|`);
  console.log(
    `| read the demo charter: \`participatoryText\` (${articles} articles, counts) vs \`participatoryTextSource\` (raw Markdown) | ${fmt(read)} | ${fmt(source)} |`,
  );
  console.log(
    `| import the demo charter (${markdown.length.toLocaleString('en')} chars, ${articles} articles) | ${fmt(import1)} | — |`,
  );
  console.log(
    `| import it ×10 (${big.length.toLocaleString('en')} chars, ${articles * 10} articles) | ${fmt(import10)} | — |`,
  );
  console.log(
    `| accept an amendment (${PENDING - 1} others marked outdated) vs \`answerProposal\` | ${fmt(accept)} | ${fmt(answer)} |`,
  );
  console.log(
    `\nrace: ${CONCURRENT} concurrent accepts of one article → ${won} ACCEPTED, ${conflicts} CONFLICT, ${versions.n} versions (expected 1, ${CONCURRENT - 1}, 2), ${raceMs.toFixed(0)} ms for the batch`,
  );
} finally {
  await server.stop();
}
