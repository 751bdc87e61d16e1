import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerToClientEvents } from '@concerto/domain';
import { io, Socket } from 'socket.io-client';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { MailerService } from '../notification/mailer.service';
import { NotificationDispatcher } from '../notification/notification.dispatcher';
import { BALLOT_LOCK, BallotService } from './ballot.service';
import { SmtpInbox, startSmtpInbox } from '@concerto/testing';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { waitForLockWaiters } from '../../../test/wait-until';
import { BallotCensus } from './ballot-census';
import { BallotSchedulerService } from './ballot-scheduler.service';
import { PublishedFile, recountPublished } from './recount';

const BALLOT_FIELDS = `id title status secret receiptsEnabled opensAt closesAt resultsFrozen results viewerHasVoted viewerCanVote viewerInCensus viewerChoices viewerCanEdit
  census { kind weighted typologyKeys frozenVoters frozenWeight emailsCount }
  turnout { voters votersWeight percent }
  questions { id title method minChoices maxChoices options { id title } }`;
const CREATE = `mutation($input: CreateBallotInput!) { createBallot(input: $input) { ${BALLOT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: BallotFieldsInput!) { updateBallot(id: $id, input: $input) { id title } }`;
const CAST = `mutation($id: ID!, $answers: [BallotAnswerInput!]!) { castBallot(ballotId: $id, answers: $answers) { receiptCode ballot { ${BALLOT_FIELDS} } } }`;
const BALLOT = `query($id: ID!) { ballot(id: $id) { ${BALLOT_FIELDS} } }`;
const BALLOT_ADMIN = `query($id: ID!) { ballot(id: $id) { id census { invitationsSent invitationsFailing } } }`;
const CHECK = `query($id: ID!, $code: String!) { checkBallotReceipt(ballotId: $id, code: $code) { found choices } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const opt = (...titles: string[]) => titles.map((title) => ({ title }));

/** The four methods, one question each. */
const QUESTIONS = [
  { title: 'Président·e du bureau', method: 'SINGLE', options: opt('Alice', 'Bruno', 'Chloé') },
  {
    title: 'Chantiers prioritaires',
    method: 'MULTIPLE',
    minChoices: 1,
    maxChoices: 2,
    options: opt('Interopérabilité', 'Formation', 'Éthique'),
  },
  {
    title: 'Ordre des actions',
    method: 'RANKED',
    options: opt('Territoires', 'Cadre', 'Animation', 'Valorisation'),
  },
  {
    title: 'Appréciation des actions',
    method: 'MAJORITY_JUDGMENT',
    options: opt('Territoires', 'Cadre', 'Animation'),
  },
];

describe('Votations: ballots, census, casting held by PostgreSQL, secret envelopes and receipts, frozen results', () => {
  let t: TestApp;
  let admin: string;
  let componentId: string;
  let inbox: SmtpInbox;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await startTestApp({ SMTP_URL: inbox.url, PUBLIC_URL: 'https://concerto.example' });
    admin = await t.adminToken();
    const space = await t.gql(
      `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
      {
        input: {
          type: 'PROCESS',
          slug: `votations-${Date.now()}`,
          title: 'Concertation avec votations',
          published: true,
        },
      },
      admin,
    );
    const component = await t.gql(
      `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
      {
        input: {
          spaceId: space.data.createSpace.id,
          type: 'VOTES',
          title: 'Votations',
          published: true,
        },
      },
      admin,
    );
    if (!component.data) throw new Error(JSON.stringify(component.errors));
    componentId = component.data.createComponent.id;
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  const newBallot = async (fields: Record<string, unknown> = {}) => {
    const res = await t.gql(
      CREATE,
      {
        input: {
          componentId,
          title: 'Élection et priorités',
          explanation: '<p>Votez.</p>',
          opensAt: inSeconds(-1),
          closesAt: inSeconds(3600),
          census: { kind: 'ALL_MEMBERS' },
          questions: QUESTIONS,
          ...fields,
        },
      },
      admin,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createBallot as {
      id: string;
      questions: { id: string; options: { id: string }[] }[];
    };
  };
  /** A valid answer set: first option, first two, reversed ranking, graded descending. */
  const answers = (b: { questions: { id: string; options: { id: string }[] }[] }, variant = 0) => {
    const [single, multiple, ranked, mj] = b.questions;
    const grades = ['EXCELLENT', 'GOOD', 'REJECT', 'PASSABLE'];
    return [
      { questionId: single.id, choice: { optionIds: [single.options[variant % 3].id] } },
      {
        questionId: multiple.id,
        choice: { optionIds: multiple.options.slice(0, 1 + (variant % 2)).map((o) => o.id) },
      },
      {
        questionId: ranked.id,
        choice: {
          ranking: [...ranked.options]
            .reverse()
            .slice(0, 2 + (variant % 3))
            .map((o) => o.id),
        },
      },
      {
        questionId: mj.id,
        choice: {
          grades: Object.fromEntries(mj.options.map((o, i) => [o.id, grades[(i + variant) % 4]])),
        },
      },
    ];
  };
  /** Creates `n` accounts with sessions directly in SQL (argon2 for 300 sign-ups would dominate the test). */
  const bulkUsers = async (n: number) => {
    const tokens = Array.from({ length: n }, () => randomBytes(24).toString('base64url'));
    const tag = randomBytes(4).toString('hex');
    const users = await t.sql<{ id: string }>(
      `INSERT INTO users (name, email, password_hash) SELECT 'Votant·e ' || i, 'votant-' || $2 || '-' || i || '@example.org', 'x' FROM generate_series(1, $1) i RETURNING id`,
      [n, tag],
    );
    await t.sql(
      `INSERT INTO sessions (user_id, token_hash, expires_at) SELECT unnest($1::uuid[]), unnest($2::text[]), now() + interval '1 day'`,
      [users.map((u) => u.id), tokens.map((tk) => createHash('sha256').update(tk).digest('hex'))],
    );
    return tokens;
  };

  it('a secret ballot with receipts: 300 voters at once → 300 envelopes, 300 participations, no link between them; receipts find the choices after the close', async () => {
    const b = await newBallot({ receiptsEnabled: true });
    const tokens = await bulkUsers(300);
    const started = Date.now();
    const results = await Promise.all(
      tokens.map((token, i) => t.gql(CAST, { id: b.id, answers: answers(b, i) }, token)),
    );
    const elapsed = Date.now() - started;
    expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const codes = results.map((r) => r.data.castBallot.receiptCode as string);
    expect(new Set(codes).size).toBe(300);
    expect(codes.every((c) => /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(c))).toBe(true);
    const [counts] = await t.sql(
      `SELECT (SELECT count(*)::int FROM ballot_participations WHERE ballot_id = $1) AS participations,
              (SELECT count(*)::int FROM ballot_envelopes WHERE ballot_id = $1) AS envelopes,
              (SELECT count(*)::int FROM ballot_participations WHERE ballot_id = $1 AND envelope_id IS NOT NULL) AS linked`,
      [b.id],
    );
    expect(counts).toEqual({ participations: 300, envelopes: 300, linked: 0 });
    // the envelope table has no user and no time column at all
    const columns = (
      await t.sql(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'ballot_envelopes'`,
      )
    )
      .map((c) => c.column_name)
      .sort();
    expect(columns).toEqual(['ballot_id', 'choices', 'id', 'receipt_code', 'weight_milli']);
    const open = (await t.gql(BALLOT, { id: b.id }, tokens[0])).data.ballot;
    expect(open.turnout.voters).toBe(300);
    expect(open.results).toBeNull(); // secret: hidden until the close
    expect(open.viewerHasVoted).toBe(true);
    expect(open.viewerCanVote).toBe(false);
    // a secret vote is final
    expect(errorCode(await t.gql(CAST, { id: b.id, answers: answers(b, 1) }, tokens[0]))).toBe(
      'CONFLICT',
    );
    // receipts are not looked up before the close
    expect(errorCode(await t.gql(CHECK, { id: b.id, code: codes[0] }))).toBe('CONFLICT');
    // nor is the list, in any format
    expect((await fetch(`${t.baseUrl}/exports/ballots/${b.id}/ballots.xlsx`)).status).toBe(409);
    // nor are the results of a secret ballot
    for (const file of ['results.json', 'results.csv', 'results.xlsx'])
      expect((await fetch(`${t.baseUrl}/exports/ballots/${b.id}/${file}`)).status).toBe(409);
    console.log(`300 concurrent secret ballots with receipts: ${elapsed} ms`);

    // close it now (the clock-driven close itself is tested below)
    await t.sql(
      `UPDATE ballots SET closes_at = now(), opens_at = now() - interval '1 hour' WHERE id = $1`,
      [b.id],
    );
    const closed = (await t.gql(BALLOT, { id: b.id })).data.ballot;
    expect(closed.status).toBe('CLOSED');
    expect(closed.resultsFrozen).toBe(true);
    expect(closed.results).toHaveLength(4);
    expect(closed.results[0]).toMatchObject({ method: 'SINGLE', ballots: 300 });
    // SINGLE: variants cycle over the three options → 100 each, a three-way tie reported
    expect(Object.values(closed.results[0].counts)).toEqual([100, 100, 100]);
    expect(closed.results[0].winners).toHaveLength(3);
    expect(closed.results[2].pairwise).toHaveLength(4);
    expect(closed.results[3].profiles).toBeDefined();
    const check = (
      await t.gql(CHECK, { id: b.id, code: codes[7].toLowerCase().replace(/-/g, ' ') })
    ).data.checkBallotReceipt;
    expect(check.found).toBe(true);
    const expected = answers(b, 7);
    expect(check.choices[expected[0].questionId]).toEqual(expected[0].choice);
    expect(
      (await t.gql(CHECK, { id: b.id, code: 'ZZZZ-ZZZZ-ZZZZ' })).data.checkBallotReceipt.found,
    ).toBe(false);

    // the published list and a recount from it give the frozen results
    const published = (await (
      await fetch(`${t.baseUrl}/exports/ballots/${b.id}/ballots.json`)
    ).json()) as PublishedFile;
    expect(published.format).toBe('concerto-ballots/1');
    expect(published.ballots).toHaveLength(300);
    // `npm run recount -- file.json`, as anyone would run it on the downloaded file
    const file = join(mkdtempSync(join(tmpdir(), 'votation-')), 'bulletins.json');
    writeFileSync(file, JSON.stringify(published));
    // (asynchronously: the API under test runs in this process)
    const command = await promisify(execFile)(
      process.execPath,
      [join(__dirname, '../../../scripts/recount.mjs'), file],
      { encoding: 'utf8' },
    );
    expect(command.stdout).toContain('Recomptage identique aux résultats publiés.');
    const recount = recountPublished(published);
    expect(recount.questions).toEqual(closed.results);
    expect(recount.matches).toBe(true);
    // a tampered list does not match
    const single = b.questions[0];
    const was = (published.ballots[0].choices[single.id] as { optionIds: string[] }).optionIds[0];
    published.ballots[0].choices[single.id] = {
      optionIds: [single.options.find((o) => o.id !== was)!.id],
    };
    expect(recountPublished(published).matches).toBe(false);
    const csv = await (await fetch(`${t.baseUrl}/exports/ballots/${b.id}/ballots.csv`)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(301);
    // the same list as an Excel workbook, read back with exceljs: same rows as the CSV, weights as numbers
    const xlsx = await fetch(`${t.baseUrl}/exports/ballots/${b.id}/ballots.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Bulletins')!;
    expect(sheet.rowCount).toBe(301);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'reçu',
      'poids',
      ...published.questions.map((q) => q.title),
    ]);
    const sheetReceipts = new Set<string>();
    sheet.eachRow((row, n) => n > 1 && sheetReceipts.add(String(row.getCell(1).value)));
    expect(sheetReceipts).toEqual(new Set(codes));
    const weights = new Map(published.ballots.map((e) => [e.receipt, e.weight]));
    sheet.eachRow(
      (row, n) =>
        n > 1 && expect(row.getCell(2).value).toBe(weights.get(String(row.getCell(1).value))),
    );
    // the first envelope's single-choice answer, in words, as in the CSV
    const firstCsv = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')[1];
    expect(firstCsv).toContain(String(sheet.getRow(2).getCell(3).value));

    // the results, as JSON (the frozen results), CSV and an Excel workbook with a sheet per question
    const resultsJson = (await (
      await fetch(`${t.baseUrl}/exports/ballots/${b.id}/results.json`)
    ).json()) as { format: string; results: unknown; turnout: { voters: number } };
    expect(resultsJson).toMatchObject({
      format: 'concerto-results/1',
      results: closed.results,
      turnout: { voters: 300 },
    });
    const resultsBook = new ExcelJS.Workbook();
    const resultsXlsx = await fetch(`${t.baseUrl}/exports/ballots/${b.id}/results.xlsx`);
    expect(resultsXlsx.headers.get('content-type')).toContain('spreadsheetml');
    await resultsBook.xlsx.load(
      Buffer.from(await resultsXlsx.arrayBuffer()) as unknown as ArrayBuffer,
    );
    expect(resultsBook.worksheets.map((w) => w.name)).toEqual([
      'Participation',
      'Q1',
      'Q2',
      'Q3',
      'Q4',
    ]);
    const rowsOf = (name: string) =>
      resultsBook
        .getWorksheet(name)!
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1));
    expect(rowsOf('Participation')).toContainEqual(['Votants', 300]);
    // SINGLE: the three-way tie of 100 votes each, a third each
    expect(
      rowsOf('Q1')
        .filter((r) => r[2] === 100)
        .map((r) => [r[0], r[3]]),
    ).toEqual([
      [1, 33.3],
      [1, 33.3],
      [1, 33.3],
    ]);
    // RANKED: the pairwise matrix as counted, row by row
    const optionTitles = QUESTIONS[2].options.map((o) => o.title);
    const q3 = rowsOf('Q3');
    const matrixAt = q3.findIndex((r) => r[0] == null && r[1] === optionTitles[0]);
    closed.results[2].pairwise.forEach((row: number[], i: number) =>
      expect(row.map((_, c) => q3[matrixAt + 1 + i][c + 1] ?? 0)).toEqual(row),
    );
    // MAJORITY_JUDGMENT: each option's profile sums to the 300 ballots
    const q4 = rowsOf('Q4');
    const profileRows = q4.slice(
      q4.findIndex((r) => r[0] === 'Rang') + 1,
      q4.findIndex((r) => r[0] === 'Rang') + 4,
    );
    expect(profileRows.map((r) => (r.slice(5) as number[]).reduce((sum, v) => sum + v, 0))).toEqual(
      [300, 300, 300],
    );
    const resultsCsv = await (
      await fetch(`${t.baseUrl}/exports/ballots/${b.id}/results.csv`)
    ).text();
    expect(resultsCsv).toContain(QUESTIONS[3].title);
    expect(resultsCsv).toContain('Mention majoritaire');
  }, 120_000);

  it('a census by profile typology: 300 members at once, 250 of the chosen typologies → 250 ballots, 50 refused; the size is frozen at opening; a change of typology waits for a vote in flight', async () => {
    const typology = async (label: string) =>
      (
        await t.gql(
          `mutation($i: CreateMemberTypologyInput!) { createMemberTypology(input: $i) { key } }`,
          { i: { label } },
          admin,
        )
      ).data.createMemberTypology.key as string;
    const [a, b] = [
      await typology(`Votants A ${Date.now()}`),
      await typology(`Votants B ${Date.now()}`),
    ];
    const tokens = await bulkUsers(300);
    const ids = (
      await t.sql<{ user_id: string }>(
        `SELECT user_id FROM sessions WHERE token_hash = ANY($1) ORDER BY array_position($1, token_hash)`,
        [tokens.map((tk) => createHash('sha256').update(tk).digest('hex'))],
      )
    ).map((r) => r.user_id);
    const keyOf = (i: number) => (i < 150 ? a : i < 250 ? b : 'supplier');
    const tag = randomBytes(3).toString('hex');
    await t.sql(
      `INSERT INTO member_profiles (user_id, pseudo, typology_key) SELECT unnest($1::uuid[]), 'v-' || $3 || '-' || generate_subscripts($1, 1), unnest($2::text[])`,
      [ids, ids.map((_, i) => keyOf(i)), tag],
    );

    // bad census input: unknown key, keys on another kind, no key
    const bad = async (census: Record<string, unknown>) => {
      const res = await t.gql(
        CREATE,
        {
          input: {
            componentId,
            title: 'Votation par typologie',
            opensAt: inSeconds(0),
            closesAt: inSeconds(60),
            census,
            questions: QUESTIONS,
          },
        },
        admin,
      );
      return [errorCode(res), res.errors?.[0]?.extensions?.field];
    };
    expect(await bad({ kind: 'TYPOLOGY', typologyKeys: ['inconnue'] })).toEqual([
      'BAD_USER_INPUT',
      'census.typologyKeys',
    ]);
    expect(await bad({ kind: 'TYPOLOGY' })).toEqual(['BAD_USER_INPUT', 'census.typologyKeys']);
    expect(await bad({ kind: 'ALL_MEMBERS', typologyKeys: [a] })).toEqual([
      'BAD_USER_INPUT',
      'census.typologyKeys',
    ]);

    const ballot = await newBallot({ census: { kind: 'TYPOLOGY', typologyKeys: [a, b, a] } });
    const results = await Promise.all(
      tokens.map((token, i) => t.gql(CAST, { id: ballot.id, answers: answers(ballot, i) }, token)),
    );
    expect(results.map(errorCode).filter((c) => c !== undefined)).toEqual(
      Array(50).fill('NOT_IN_CENSUS'),
    );
    expect(results.slice(250).every((r) => errorCode(r) === 'NOT_IN_CENSUS')).toBe(true);
    const [counts] = await t.sql(
      `SELECT (SELECT count(*)::int FROM ballot_participations WHERE ballot_id = $1) AS participations, (SELECT count(*)::int FROM ballot_envelopes WHERE ballot_id = $1) AS envelopes`,
      [ballot.id],
    );
    expect(counts).toEqual({ participations: 250, envelopes: 250 });
    const open = (await t.gql(BALLOT, { id: ballot.id }, tokens[0])).data.ballot;
    expect(open.census).toMatchObject({
      kind: 'TYPOLOGY',
      typologyKeys: [a, b],
      frozenVoters: 250,
    });
    expect(open.turnout).toMatchObject({ voters: 250, percent: 100 });
    expect((await t.gql(BALLOT, { id: ballot.id }, tokens[299])).data.ballot).toMatchObject({
      viewerInCensus: false,
      viewerCanVote: false,
    });

    // after opening: a member who takes typology A may vote (checked at the cast), the frozen size stays
    const PROFILE = `mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { typology { key } } }`;
    expect((await t.gql(PROFILE, { i: { typologyKey: a } }, tokens[299])).errors).toBeUndefined();
    expect(
      errorCode(await t.gql(CAST, { id: ballot.id, answers: answers(ballot) }, tokens[299])),
    ).toBeUndefined();
    expect((await t.gql(BALLOT, { id: ballot.id })).data.ballot.census.frozenVoters).toBe(250);

    // a vote in flight share-locks the voter's profile: their change of typology waits for its commit
    const second = await newBallot({ census: { kind: 'TYPOLOGY', typologyKeys: [a] } });
    const census = t.app.get(BallotCensus);
    const runner = t.app.get(DataSource).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const rule = {
        kind: 'TYPOLOGY' as const,
        spaceId: null,
        weighted: false,
        ballotId: second.id,
        typologyKeys: [a],
      };
      expect(await census.weight(runner.manager, rule, ids[0], null, true)).toBe(1);
      const [{ pid }] = await runner.query(`SELECT pg_backend_pid() AS pid`);
      let changed = false;
      const change = t
        .gql(PROFILE, { i: { typologyKey: 'supplier' } }, tokens[0])
        .then((r) => ((changed = true), r));
      // the change has reached the voter's profile row and waits on the share lock held here
      // (a fixed pause would also pass on a loaded machine where the request has not arrived yet)
      await waitForLockWaiters(t.sql, pid);
      expect(changed).toBe(false);
      await runner.commitTransaction();
      expect((await change).data.updateMyProfile.typology.key).toBe('supplier');
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    expect(
      errorCode(await t.gql(CAST, { id: second.id, answers: answers(second) }, tokens[0])),
    ).toBe('NOT_IN_CENSUS');
  }, 120_000);

  it('live turnout over Socket.IO for an open ballot; opening, closing soon and closed reach the census exactly once, even with two schedulers ticking at once', async () => {
    const voters = [
      await t.register('Électrice A'),
      await t.register('Électeur B'),
      await t.register('Électrice C'),
    ];
    const b = await newBallot({
      census: { kind: 'EMAIL_LIST', emails: voters.map((v) => v.email) },
      closesAt: inSeconds(1800),
    });

    // live: an anonymous socket watching the ballot sees the turnout move (never the choices)
    const socket: Socket = io(t.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>(
        (resolve, reject) => (
          socket.once('connect', () => resolve()),
          socket.once('connect_error', reject)
        ),
      );
      expect(await socket.emitWithAck('watch', `ballot:${b.id}`)).toEqual({ ok: true });
      const next = new Promise<Parameters<ServerToClientEvents['ballot.turnoutChanged']>[0]>(
        (resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error('no ballot.turnoutChanged within 20 s')),
            20_000,
          );
          (socket.once as (e: string, cb: (p: unknown) => void) => void)(
            'ballot.turnoutChanged',
            (payload) => (clearTimeout(timer), resolve(payload as never)),
          );
        },
      );
      expect(
        errorCode(await t.gql(CAST, { id: b.id, answers: answers(b) }, voters[0].token)),
      ).toBeUndefined();
      expect(await next).toEqual({ ballotId: b.id, voters: 1, votersWeight: 1, percent: 33.33 });
    } finally {
      socket.disconnect();
    }

    // two scheduler processes racing: each (ballot, kind) is recorded once, with one outbox entry
    const first = t.app.get(BallotSchedulerService);
    const second = new BallotSchedulerService(
      t.app.get(DataSource),
      t.app.get(BallotService),
      t.app.get(AppConfig),
      t.app.get(DomainEventOutbox),
      t.app.get(MailerService),
    );
    const mine = (ticks: { events: { ballotId: string; kind: string }[] }[]) =>
      ticks
        .flatMap((x) => x.events)
        .filter((e) => e.ballotId === b.id)
        .map((e) => e.kind)
        .sort();
    expect(
      mine(await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()])),
    ).toEqual(['CLOSING_SOON', 'OPENED']);
    await t.sql(`UPDATE ballots SET closes_at = now() WHERE id = $1`, [b.id]);
    expect(mine(await Promise.all([first.tick(), second.tick()]))).toEqual(['CLOSED']);
    expect(mine(await Promise.all([first.tick(), second.tick()]))).toEqual([]);
    const outbox = await t.sql(
      `SELECT payload->>'kind' AS kind, count(*)::int AS n FROM domain_events WHERE type = 'ballot.lifecycle' AND payload->>'ballotId' = $1 GROUP BY 1 ORDER BY 1`,
      [b.id],
    );
    expect(outbox).toEqual([
      { kind: 'CLOSED', n: 1 },
      { kind: 'CLOSING_SOON', n: 1 },
      { kind: 'OPENED', n: 1 },
    ]);

    const dispatcher = t.app.get(NotificationDispatcher);
    await dispatcher.idle();
    await dispatcher.processBatch();
    const rows = await t.sql<{ user_id: string; kind: string; n: number }>(
      `SELECT user_id, kind, count(*)::int AS n FROM notifications WHERE link LIKE '%/votations/' || $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [b.id],
    );
    const of = (i: number) =>
      rows.filter((r) => r.user_id === voters[i].id).map((r) => [r.kind, r.n]);
    // the voter is not reminded to vote; everyone else in the census is, once; all hear of the opening and the close once
    expect(of(0)).toEqual([
      ['BALLOT_CLOSED', 1],
      ['BALLOT_OPENED', 1],
    ]);
    expect(of(1)).toEqual([
      ['BALLOT_CLOSED', 1],
      ['BALLOT_CLOSING_SOON', 1],
      ['BALLOT_OPENED', 1],
    ]);
    expect(of(2)).toEqual(of(1));
    expect(rows.every((r) => voters.some((v) => v.id === r.user_id))).toBe(true);
  }, 60_000);

  it('an e-mail census: each listed address without an account is invited to sign up once when the ballot opens, even with two schedulers ticking at once; signed up with it, it votes', async () => {
    const member = await t.register('Déjà inscrite');
    const tag = randomBytes(4).toString('hex');
    const strangers = [1, 2, 3].map((i) => `invitee-${tag}-${i}@example.org`);
    const b = await newBallot({
      census: {
        kind: 'EMAIL_LIST',
        emails: [member.email, ...strangers.map((e, i) => (i === 0 ? e.toUpperCase() : e))],
      },
      opensAt: inSeconds(-1),
    });
    const first = t.app.get(BallotSchedulerService);
    const second = new BallotSchedulerService(
      t.app.get(DataSource),
      t.app.get(BallotService),
      t.app.get(AppConfig),
      t.app.get(DomainEventOutbox),
      t.app.get(MailerService),
    );
    await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()]);
    await Promise.all([first.tick(), second.tick()]);
    const mails = await Promise.all(strangers.map((e) => inbox.waitFor(e, /invité·e à voter/)));
    expect(mails[1].text).toContain(
      `https://concerto.example/inscription?email=${encodeURIComponent(strangers[1])}`,
    );
    expect(mails[1].subject).toContain('Élection et priorités');
    // a moment for any duplicate to arrive, then exactly one per address and none to the member
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sent = (to: string) =>
      inbox.mails.filter((m) => m.to === to && /invité·e à voter/.test(m.subject)).length;
    expect(strangers.map(sent)).toEqual([1, 1, 1]);
    expect(sent(member.email.toLowerCase())).toBe(0);
    expect(
      await t.sql(
        `SELECT email FROM ballot_census_invitations WHERE ballot_id = $1 ORDER BY email`,
        [b.id],
      ),
    ).toEqual(strangers.map((email) => ({ email })));

    // signed up with the invited address, the invitee is in the census and votes
    const registered = await t.gql(
      `mutation($input: RegisterInput!) { register(input: $input) { token } }`,
      {
        input: {
          name: 'Invitée',
          email: strangers[0],
          password: 'correct horse battery',
          ...(await t.currentTermsVersions()),
        },
      },
    );
    const token = registered.data.register.token as string;
    expect(errorCode(await t.gql(CAST, { id: b.id, answers: answers(b) }, token))).toBeUndefined();
    expect((await t.gql(BALLOT, { id: b.id }, token)).data.ballot.turnout.voters).toBe(1);
    // later ticks invite no one again
    await Promise.all([first.tick(), second.tick()]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(strangers.map(sent)).toEqual([1, 1, 1]);
  }, 60_000);

  it('an e-mail census invitation that the mail server refuses is retried later and delivered once; admins see it failing meanwhile', async () => {
    const tag = randomBytes(4).toString('hex');
    const stranger = `retry-${tag}@example.org`;
    const b = await newBallot({
      census: { kind: 'EMAIL_LIST', emails: [stranger] },
      opensAt: inSeconds(-1),
    });
    // a scheduler whose mail server is down (nothing listens on that port)
    const deadMailer = new MailerService(
      Object.assign(
        Object.create(Object.getPrototypeOf(t.app.get(AppConfig))),
        t.app.get(AppConfig),
        { SMTP_URL: 'smtp://127.0.0.1:9' },
      ),
    );
    const failing = new BallotSchedulerService(
      t.app.get(DataSource),
      t.app.get(BallotService),
      t.app.get(AppConfig),
      t.app.get(DomainEventOutbox),
      deadMailer,
    );
    const good = t.app.get(BallotSchedulerService);
    expect((await failing.tick()).invitations).toBe(1);
    const [row] = await t.sql(
      `SELECT attempts, sent_at, last_error, next_attempt_at > now() AS later FROM ballot_census_invitations WHERE ballot_id = $1`,
      [b.id],
    );
    expect(row).toMatchObject({ attempts: 1, sent_at: null, later: true });
    expect(row.last_error).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(row.last_error).not.toContain(stranger);
    const census = async () => (await t.gql(BALLOT_ADMIN, { id: b.id }, admin)).data.ballot.census;
    expect(await census()).toMatchObject({ invitationsSent: 0, invitationsFailing: 1 });
    // not retried before its time, even by a scheduler whose mail server works
    expect((await good.tick()).invitations).toBe(0);
    // its time comes (1 minute later): delivered once, by whichever of two schedulers claims it
    await t.sql(
      `UPDATE ballot_census_invitations SET next_attempt_at = now() WHERE ballot_id = $1`,
      [b.id],
    );
    const second = new BallotSchedulerService(
      t.app.get(DataSource),
      t.app.get(BallotService),
      t.app.get(AppConfig),
      t.app.get(DomainEventOutbox),
      t.app.get(MailerService),
    );
    const ticks = await Promise.all([good.tick(), second.tick()]);
    expect(ticks.map((x) => x.invitations).sort()).toEqual([0, 1]);
    await inbox.waitFor(stranger, /invité·e à voter/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inbox.mails.filter((m) => m.to === stranger).length).toBe(1);
    expect(
      await t.sql(
        `SELECT attempts, sent_at IS NOT NULL AS sent, last_error FROM ballot_census_invitations WHERE ballot_id = $1`,
        [b.id],
      ),
    ).toEqual([{ attempts: 2, sent: true, last_error: null }]);
    expect(await census()).toMatchObject({ invitationsSent: 1, invitationsFailing: 0 });
    // delivered: never again, whatever the schedule says
    await t.sql(
      `UPDATE ballot_census_invitations SET next_attempt_at = now() - interval '1 hour' WHERE ballot_id = $1`,
      [b.id],
    );
    expect((await good.tick()).invitations).toBe(0);
    // and a participant never sees these counts
    const someone = await t.register('Curieuse');
    expect(
      (await t.gql(BALLOT_ADMIN, { id: b.id }, someone.token)).data.ballot.census,
    ).toMatchObject({ invitationsSent: null, invitationsFailing: null });
    deadMailer.onApplicationShutdown();
  }, 60_000);

  it('votes in flight at the close and the freeze racing them: the frozen result counts exactly the stored ballots', async () => {
    const b = await newBallot({ closesAt: inSeconds(60), secret: false });
    const tokens = await bulkUsers(200);
    const service = t.app.get(BallotService);
    const wait = Date.now() + 300;
    // 200 votes spread over two seconds, and freezes tried every 20 ms meanwhile
    let settled = false;
    const votes = Promise.all(
      tokens.map(async (token, i) => {
        await sleep(wait - Date.now() + i * 10);
        return errorCode(await t.gql(CAST, { id: b.id, answers: answers(b, i) }, token));
      }),
    ).finally(() => (settled = true));
    // the close falls in the middle of the stream, whatever the speed of the machine: once 20 ballots are stored
    const close = (async () => {
      while (
        !settled &&
        (
          await t.sql(`SELECT count(*)::int AS n FROM ballot_participations WHERE ballot_id = $1`, [
            b.id,
          ])
        )[0].n < 20
      )
        await sleep(10);
      await t.sql(`UPDATE ballots SET closes_at = now() WHERE id = $1`, [b.id]);
    })();
    let frozen = false;
    const freezes = (async () => {
      // until every vote has an answer (a loaded machine answers late), then once more
      while (!settled) {
        frozen = (await service.freezeResult(b.id)) || frozen;
        await sleep(20);
      }
      await close;
      frozen = (await service.freezeResult(b.id)) || frozen;
    })();
    const codes = await Promise.all([votes, freezes]).then(([c]) => c);
    // frozen once: by one of these tries, or first by a read after the close (a vote's answer reads the ballot)
    const [{ n: results }] = await t.sql(
      `SELECT count(*)::int AS n FROM ballot_results WHERE ballot_id = $1`,
      [b.id],
    );
    expect({ triedAndFroze: frozen, results }).toEqual({
      triedAndFroze: expect.any(Boolean),
      results: 1,
    });
    expect(codes.every((c) => c === undefined || c === 'BALLOT_CLOSED')).toBe(true);
    const accepted = codes.filter((c) => c === undefined).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(200);
    const [row] = await t.sql(
      `SELECT r.voters, (r.questions->0->>'ballots')::int AS counted, (SELECT count(*)::int FROM ballot_participations WHERE ballot_id = $1) AS participations,
              (SELECT count(*)::int FROM ballot_envelopes WHERE ballot_id = $1) AS envelopes
         FROM ballot_results r WHERE r.ballot_id = $1`,
      [b.id],
    );
    expect(row).toEqual({
      voters: accepted,
      counted: accepted,
      participations: accepted,
      envelopes: accepted,
    });
  }, 60_000);

  it('the vote lock: a vote waits while the ballot is being frozen or edited, and freezing waits for a vote in flight', async () => {
    // open for an hour: the vote below must reach the lock before the close however slow the
    // machine; the close is then set in the database
    const b = await newBallot();
    const [voter, late] = await bulkUsers(2);
    const hold = async <T>(mode: 'shared' | 'exclusive', during: () => Promise<T>): Promise<T> => {
      const runner = t.app.get(DataSource).createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(
          `SELECT ${mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(${BALLOT_LOCK})`,
          [b.id],
        );
        const [{ pid }] = await runner.query(`SELECT pg_backend_pid() AS pid`);
        let done = false;
        const pending = during().then((r) => ((done = true), r));
        await waitForLockWaiters(t.sql, pid); // it has reached the lock held here, and waits
        expect(done).toBe(false);
        await runner.commitTransaction();
        return await pending;
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    };
    // as a freeze or an edit holds it: the vote waits, then goes through
    expect(
      errorCode(
        await hold('exclusive', () => t.gql(CAST, { id: b.id, answers: answers(b) }, voter)),
      ),
    ).toBeUndefined();
    await t.sql(`UPDATE ballots SET closes_at = now() WHERE id = $1`, [b.id]); // past the close
    // as a vote in flight holds it: the freeze waits, then counts that vote
    expect(await hold('shared', () => t.app.get(BallotService).freezeResult(b.id))).toBe(true);
    expect(errorCode(await t.gql(CAST, { id: b.id, answers: answers(b) }, late))).toBe(
      'BALLOT_CLOSED',
    );
    expect(
      (await t.sql(`SELECT voters FROM ballot_results WHERE ballot_id = $1`, [b.id]))[0].voters,
    ).toBe(1);
  }, 60_000);

  it('one voter’s two simultaneous ballots → one stored; a public vote can change until the close and shows the viewer’s choices', async () => {
    const b = await newBallot({ secret: false });
    const [token] = await bulkUsers(1);
    const both = await Promise.all([
      t.gql(CAST, { id: b.id, answers: answers(b, 0) }, token),
      t.gql(CAST, { id: b.id, answers: answers(b, 0) }, token),
    ]);
    expect(both.every((r) => !r.errors)).toBe(true); // the second changes the public vote to the same choice
    const [n] = await t.sql(
      `SELECT count(*)::int AS p, (SELECT count(*)::int FROM ballot_envelopes WHERE ballot_id = $1) AS e FROM ballot_participations WHERE ballot_id = $1`,
      [b.id],
    );
    expect(n).toEqual({ p: 1, e: 1 });
    const changed = await t.gql(CAST, { id: b.id, answers: answers(b, 1) }, token);
    expect(changed.data.castBallot.ballot.viewerChoices[b.questions[0].id]).toEqual({
      optionIds: [b.questions[0].options[1].id],
    });
    expect(changed.data.castBallot.receiptCode).toBeNull();
    // public ballot: live results while open
    expect(changed.data.castBallot.ballot.results[0].counts[b.questions[0].options[1].id]).toBe(1);

    const secret = await newBallot();
    const [voter] = await bulkUsers(1);
    const race = await Promise.all([
      t.gql(CAST, { id: secret.id, answers: answers(secret, 0) }, voter),
      t.gql(CAST, { id: secret.id, answers: answers(secret, 1) }, voter),
    ]);
    expect(race.map(errorCode).sort()).toEqual(['CONFLICT', undefined]);
    const [m] = await t.sql(
      `SELECT count(*)::int AS p, (SELECT count(*)::int FROM ballot_envelopes WHERE ballot_id = $1) AS e FROM ballot_participations WHERE ballot_id = $1`,
      [secret.id],
    );
    expect(m).toEqual({ p: 1, e: 1 });
  }, 60_000);

  it('a vote at close + 1 s is refused with the scheduler stopped, and changes nothing', async () => {
    const b = await newBallot();
    const [token] = await bulkUsers(1);
    // the close one second ago, set in the database (a close a few seconds ahead, created then
    // waited for, is already past when a loaded machine answers the creation late: refused)
    await t.sql(
      `UPDATE ballots SET opens_at = now() - interval '1 hour', closes_at = now() - interval '1 second' WHERE id = $1`,
      [b.id],
    );
    const res = await t.gql(CAST, { id: b.id, answers: answers(b) }, token);
    expect(errorCode(res)).toBe('BALLOT_CLOSED');
    expect(
      (
        await t.sql(`SELECT count(*)::int AS n FROM ballot_participations WHERE ballot_id = $1`, [
          b.id,
        ])
      )[0].n,
    ).toBe(0);
  }, 30_000);

  it('bad input gets a coded error and changes nothing', async () => {
    const b = await newBallot();
    const [token] = await bulkUsers(1);
    const [, multiple, ranked, mj] = b.questions;
    const replace = (questionId: string, choice: unknown) =>
      answers(b).map((a) => (a.questionId === questionId ? { questionId, choice } : a));
    const cases: [string, unknown][] = [
      [
        'DUPLICATE_OPTION',
        replace(ranked.id, { ranking: [ranked.options[0].id, ranked.options[0].id] }),
      ],
      [
        'UNKNOWN_OPTION',
        replace(ranked.id, { ranking: [ranked.options[0].id, multiple.options[0].id] }),
      ],
      ['OUT_OF_RANGE', replace(multiple.id, { optionIds: multiple.options.map((o) => o.id) })],
      ['OUT_OF_RANGE', replace(multiple.id, { optionIds: [] })],
      [
        'UNKNOWN_GRADE',
        replace(mj.id, { grades: Object.fromEntries(mj.options.map((o) => [o.id, 'SUPERBE'])) }),
      ],
      ['INCOMPLETE', replace(mj.id, { grades: { [mj.options[0].id]: 'GOOD' } })],
      ['MISSING_QUESTION', answers(b).slice(1)],
      ['DUPLICATE_QUESTION', [...answers(b), answers(b)[0]]],
      ['MALFORMED', replace(ranked.id, 'Territoires')],
    ];
    for (const [reason, bad] of cases) {
      const res = await t.gql(CAST, { id: b.id, answers: bad }, token);
      expect([reason, errorCode(res), res.errors?.[0]?.extensions?.reason]).toEqual([
        reason,
        'BAD_USER_INPUT',
        reason,
      ]);
    }
    expect(
      (
        await t.sql(`SELECT count(*)::int AS n FROM ballot_envelopes WHERE ballot_id = $1`, [b.id])
      )[0].n,
    ).toBe(0);

    // outside the census: an e-mail list without the voter
    const listed = await newBallot({
      census: { kind: 'EMAIL_LIST', emails: ['Quelqu.un@Example.org'] },
    });
    expect(errorCode(await t.gql(CAST, { id: listed.id, answers: answers(listed) }, token))).toBe(
      'NOT_IN_CENSUS',
    );
    const ok = await t.register('Personne de la liste');
    const listed2 = await newBallot({
      census: { kind: 'EMAIL_LIST', emails: [ok.email.toUpperCase()] },
    });
    expect(
      errorCode(await t.gql(CAST, { id: listed2.id, answers: answers(listed2) }, ok.token)),
    ).toBeUndefined();

    // editing once a vote is cast, or once open (the opening, an hour ahead, is then set in the
    // database: one a few seconds ahead may pass before a loaded machine has answered the edit)
    const scheduled = await newBallot({ opensAt: inSeconds(3600), closesAt: inSeconds(7200) });
    expect(
      errorCode(
        await t.gql(UPDATE, { id: scheduled.id, input: { title: 'Nouveau titre' } }, admin),
      ),
    ).toBeUndefined();
    expect(
      errorCode(await t.gql(CAST, { id: scheduled.id, answers: answers(scheduled) }, token)),
    ).toBe('BALLOT_NOT_OPEN');
    await t.sql(`UPDATE ballots SET opens_at = now() WHERE id = $1`, [scheduled.id]);
    await t.gql(CAST, { id: scheduled.id, answers: answers(scheduled) }, token);
    const edit = await t.gql(
      UPDATE,
      { id: scheduled.id, input: { questions: QUESTIONS.slice(0, 1) } },
      admin,
    );
    expect(errorCode(edit)).toBe('CONFLICT');
    expect(
      (
        await t.sql(`SELECT count(*)::int AS n FROM ballot_questions WHERE ballot_id = $1`, [
          scheduled.id,
        ])
      )[0].n,
    ).toBe(4);

    // creation rules
    const bad = async (fields: Record<string, unknown>) =>
      errorCode(
        await t.gql(
          CREATE,
          {
            input: {
              componentId,
              title: 'Mauvaise votation',
              opensAt: inSeconds(0),
              closesAt: inSeconds(60),
              census: { kind: 'ALL_MEMBERS' },
              questions: QUESTIONS,
              ...fields,
            },
          },
          admin,
        ),
      );
    expect(await bad({ secret: false, receiptsEnabled: true })).toBe('BAD_USER_INPUT');
    expect(await bad({ questions: [{ ...QUESTIONS[1], minChoices: 3, maxChoices: 2 }] })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await bad({ questions: [{ ...QUESTIONS[0], options: opt('Seule') }] })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await bad({ census: { kind: 'ASSEMBLY_MEMBERS' } })).toBe('BAD_USER_INPUT');
    expect(await bad({ closesAt: inSeconds(-10), opensAt: inSeconds(-20) })).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await t.gql(
          CREATE,
          {
            input: {
              componentId,
              title: 'Par une participante',
              opensAt: inSeconds(0),
              closesAt: inSeconds(60),
              census: { kind: 'ALL_MEMBERS' },
              questions: QUESTIONS,
            },
          },
          token,
        ),
      ),
    ).toBe('FORBIDDEN');
  }, 60_000);

  it('an Assemblée census, weighted: the census is frozen at opening and ballots weigh the members’ weights exactly', async () => {
    const space = await t.gql(
      `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
      {
        input: {
          type: 'ASSEMBLY',
          slug: `assemblee-votation-${Date.now()}`,
          title: 'Assemblée votante',
          published: true,
        },
      },
      admin,
    );
    const spaceId = space.data.createSpace.id;
    const members = [];
    for (const weight of [1.5, 2.25, 1]) {
      const user = await t.register('Membre votant');
      await t.gql(
        `mutation($input: AddAssemblyMemberInput!) { addAssemblyMember(input: $input) { id } }`,
        { input: { spaceId, email: user.email, weight } },
        admin,
      );
      members.push(user);
    }
    const b = await newBallot({
      census: { kind: 'ASSEMBLY_MEMBERS', assemblySpaceId: spaceId, weighted: true },
      secret: false,
    });
    const outsider = await t.register('Hors assemblée');
    expect(errorCode(await t.gql(CAST, { id: b.id, answers: answers(b) }, outsider.token))).toBe(
      'NOT_IN_CENSUS',
    );
    // told they are outside the census even with a malformed choice (the census is checked first)
    expect(
      errorCode(
        await t.gql(
          CAST,
          { id: b.id, answers: [{ questionId: b.questions[0].id, choice: 'pas-un-identifiant' }] },
          outsider.token,
        ),
      ),
    ).toBe('NOT_IN_CENSUS');
    await t.gql(CAST, { id: b.id, answers: answers(b, 0) }, members[0].token);
    await t.gql(CAST, { id: b.id, answers: answers(b, 1) }, members[1].token);
    const open = (await t.gql(BALLOT, { id: b.id })).data.ballot;
    expect(open.census).toMatchObject({ frozenVoters: 3, frozenWeight: 4.75 });
    expect(open.turnout).toEqual({ voters: 2, votersWeight: 3.75, percent: 78.95 });
    // the close, set in the database once the votes are in (a close a few seconds ahead could
    // pass before a loaded machine has taken them)
    await t.sql(`UPDATE ballots SET closes_at = now() WHERE id = $1`, [b.id]);
    const scheduler = t.app.get(BallotSchedulerService);
    const tick = await scheduler.tick();
    expect(tick.results).toBeGreaterThanOrEqual(1);
    expect(tick.events.filter((e) => e.ballotId === b.id).map((e) => e.kind)).toEqual(['CLOSED']);
    expect((await scheduler.tick()).events.filter((e) => e.ballotId === b.id)).toEqual([]); // exactly once
    const closed = (await t.gql(BALLOT, { id: b.id })).data.ballot;
    // SINGLE: option 0 weighs 1.500 → 1500, option 1 2.250 → 2250 (thousandths, exact)
    const [o0, o1, o2] = b.questions[0].options.map((o) => o.id);
    expect(closed.results[0].counts).toEqual({ [o0]: 1500, [o1]: 2250, [o2]: 0 });
    expect(closed.results[0].winners).toEqual([b.questions[0].options[1].id]);
  }, 60_000);
});
