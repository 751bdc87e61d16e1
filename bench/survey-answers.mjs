// Benchmark: answerSurvey through the whole GraphQL stack, CLIENTS respondents answering a
// questionnaire of six questions (single and multiple choice with a free text, a scale, a short
// answer, a matrix, a sorting) at once — signed in (ROUNDS questionnaires, each answered once by
// everyone) and anonymous (new browsers: the cookie is issued) — with the SQL round trips per
// request counted in the API process; baseline in the same run: `{ me { id } }` at the same
// concurrency. Checks that every submission was stored once.
//   npm run build && node bench/survey-answers.mjs     (env CLIENTS, ROUNDS)
import { readFileSync } from 'node:fs';
import {
  concurrentPhase,
  machine,
  phaseRow,
  queryCounter,
  registerClients,
  startBenchServer,
} from './bench-server.mjs';

const CLIENTS = Number(process.env.CLIENTS ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const ANSWER = `mutation($id: ID!, $answers: [SurveyAnswerInput!]!) { answerSurvey(surveyId: $id, answers: $answers) { id surveyVersion answers { questionId text choices { optionId optionBody rowId value freeText } } } }`;

const counter = queryCounter();
const server = await startBenchServer({ ...counter.env, LOG_FORMAT: 'json' });

const phase = (clients, fn) => concurrentPhase(server, counter, clients, ROUNDS, fn);
const row = (label, r) => console.log(phaseRow(label, r));

/** A published SURVEY component holding a questionnaire of six questions; returns it and its answers. */
async function questionnaire(admin, spaceId, n, allowAnonymous) {
  const component = await server.gql(
    `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
    { i: { spaceId, type: 'SURVEY', title: `Enquête de banc d'essai ${n}`, published: true } },
    admin,
  );
  const created = await server.gql(
    `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }`,
    {
      i: {
        componentId: component.data.createComponent.id,
        title: `Questionnaire ${n}`,
        allowAnonymous,
      },
    },
    admin,
  );
  const surveyId = created.data.createSurvey.id;
  const questions = [
    {
      type: 'SINGLE_OPTION',
      body: 'Typologie',
      mandatory: true,
      options: ['Entreprise', 'Hôpital', 'Association'],
    },
    {
      type: 'MULTIPLE_OPTION',
      body: 'Sujets',
      maxChoices: 2,
      options: ['Données', 'IA', { body: 'Autre', freeText: true }],
    },
    {
      type: 'SCALE',
      body: 'Accord',
      mandatory: true,
      scale: { points: 4, labels: ['non', 'plutôt non', 'plutôt oui', 'oui'] },
    },
    { type: 'SHORT_ANSWER', body: 'Un mot' },
    {
      type: 'MATRIX_SINGLE',
      body: 'Matrice',
      options: ['Oui', 'Non'],
      rows: ['Ligne 1', 'Ligne 2'],
    },
    { type: 'SORTING', body: 'Classement', options: ['Premier', 'Deuxième', 'Troisième'] },
  ];
  let survey;
  for (const { options, ...question } of questions) {
    const res = await server.gql(
      `mutation($i: AddSurveyQuestionInput!) { addSurveyQuestion(input: $i) { questions { id options { id } rows { id } } } }`,
      {
        i: {
          surveyId,
          ...question,
          ...(options
            ? { options: options.map((o) => (typeof o === 'string' ? { body: o } : o)) }
            : {}),
        },
      },
      admin,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    survey = res.data.addSurveyQuestion;
  }
  const q = survey.questions;
  const answers = [
    { questionId: q[0].id, choices: [{ optionId: q[0].options[1].id }] },
    {
      questionId: q[1].id,
      choices: [
        { optionId: q[1].options[0].id },
        { optionId: q[1].options[2].id, freeText: 'Interopérabilité' },
      ],
    },
    { questionId: q[2].id, value: 3 },
    { questionId: q[3].id, text: 'Confiance' },
    {
      questionId: q[4].id,
      choices: [
        { rowId: q[4].rows[0].id, optionId: q[4].options[0].id },
        { rowId: q[4].rows[1].id, optionId: q[4].options[1].id },
      ],
    },
    { questionId: q[5].id, choices: [2, 0, 1].map((i) => ({ optionId: q[5].options[i].id })) },
  ];
  return { surveyId, answers };
}

/** answerSurvey without a session or a cookie: a new browser each time. */
async function anonymousAnswer(surveyId, answers) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: ANSWER, variables: { id: surveyId, answers } }),
  });
  return response.json();
}

try {
  console.log(
    `machine: ${await machine()}; load average at the start: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ')}`,
  );
  console.log(
    `date: ${new Date().toISOString()}; ${CLIENTS} respondents at once, ${ROUNDS} questionnaires of six questions signed in, ${ROUNDS} × ${CLIENTS} new browsers anonymous`,
  );
  const admin = (
    await server.gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
      i: { email: 'admin@bench.test', password: 'bench-admin-password' },
    })
  ).data.login.token;
  const {
    rows: [space],
  } = await server.pool.query(
    `SELECT id FROM participatory_spaces WHERE type = 'PROCESS' ORDER BY created_at LIMIT 1`,
  );
  const signedIn = [];
  for (let r = 0; r < ROUNDS; r++) signedIn.push(await questionnaire(admin, space.id, r, false));
  const open = await questionnaire(admin, space.id, ROUNDS, true);
  const clients = await registerClients(server, CLIENTS, (i) => `Répondant ${i}`);
  await phase(clients.slice(0, 5), (c) => server.gql(`{ me { id } }`, {}, c.token)); // warm-up

  console.log(
    '\n| request, all respondents at once | requests/s | p50 ms | p99 ms | SQL round trips per request | errors |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  row(
    'baseline: `{ me { id } }`',
    await phase(clients, (c) => server.gql(`{ me { id } }`, {}, c.token)),
  );
  row(
    'answerSurvey, signed in',
    await phase(clients, (c, r) =>
      server.gql(ANSWER, { id: signedIn[r].surveyId, answers: signedIn[r].answers }, c.token),
    ),
  );
  row(
    'answerSurvey, anonymous (new browser)',
    await phase(clients, () => anonymousAnswer(open.surveyId, open.answers)),
  );
  const {
    rows: [check],
  } = await server.pool.query(
    `SELECT count(*) FILTER (WHERE user_id IS NOT NULL)::int AS signed, count(*) FILTER (WHERE user_id IS NULL)::int AS anonymous,
            (SELECT count(*)::int FROM survey_answers) AS answers
       FROM survey_submissions`,
  );
  const expected = CLIENTS * ROUNDS;
  console.log(
    `\ncheck: ${check.signed} signed-in and ${check.anonymous} anonymous submissions (expected ${expected} each), ${check.answers} answers (expected ${expected * 2 * 6})`,
  );
  if (check.signed !== expected || check.anonymous !== expected || check.answers !== expected * 12)
    process.exitCode = 1;
} finally {
  await server.stop();
}
