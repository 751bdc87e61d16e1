import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../src/database/data-source';
import { createDatabaseIfMissing, dropDatabase } from '../src/database/database-server';
import { ActionLogService } from '../src/modules/action-log/action-log.service';
import { DemoContentService, readDemoContent } from '../src/modules/demo/demo-content.service';
import { readCluster } from './test-database';
import { startTestApp, TestApp } from './test-app';

describe('demo content from the 2021 report', () => {
  const content = readDemoContent();

  it('data files hold the report’s material with accents intact and within the schema’s limits', () => {
    expect(content.concertation.title).toBe('Structuration de la filière santé numérique');
    expect(content.proposals.length).toBeGreaterThanOrEqual(10);
    for (const p of content.proposals) {
      expect(p.title.length).toBeGreaterThanOrEqual(15);
      expect(p.title.length).toBeLessThanOrEqual(150);
      expect(p.body.length).toBeLessThanOrEqual(3000);
    }
    expect(content.assembly.motions).toHaveLength(4);
    expect(content.concertation.phases.filter((p) => p.active)).toHaveLength(1);
    const scales = content.survey.questions.filter((q) => q.type === 'SCALE');
    expect(scales.length).toBeGreaterThanOrEqual(9);
    for (const q of scales) {
      expect(q.scale!.points).toBe(4);
      expect(q.scale!.labels[0]).toBe('pas du tout d’accord');
      expect(q.scale!.labels[3]).toBe('tout à fait d’accord');
    }
    const typology = content.survey.questions[0];
    expect(typology.type).toBe('SINGLE_OPTION');
    expect(typology.options!.length).toBeGreaterThanOrEqual(5);
    expect(content.participatoryText).toMatch(/^#/m);
    expect(content.participatoryText).toMatch(/santé/);
  });

  it('data files are written in French typography: no-break spaces before « : » and inside « », narrow ones before ; ! ?, and ’ for the apostrophe', () => {
    const dir = join(__dirname, '../src/modules/demo/data');
    const faults: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f !== 'README.md')) {
      const text = readFileSync(join(dir, file), 'utf8');
      // JSON punctuation (`"key": value`) has no space before its colon; a Markdown list's
      // « - » and a heading's « # » are not concerned
      const rules: [RegExp, string][] = [
        [/ :(?=\s|$|")/g, 'a plain space before « : »'],
        [/ [;!?]/g, 'a plain space before ; ! ?'],
        [/« | »/g, 'a plain space inside « »'],
        [/\p{L}'\p{L}/gu, "a straight apostrophe (')"],
      ];
      for (const [pattern, fault] of rules)
        for (const match of text.matchAll(pattern))
          faults.push(
            `${file}: ${fault} in « ${text.slice(Math.max(0, match.index - 20), match.index + 5)} »`,
          );
    }
    expect(faults).toEqual([]);
  });

  describe('in a test database', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('is served through the API: proposals, survey questions, motions, participatory text', async () => {
      const space = (
        await t.gql(
          `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
        )
      ).data.space;
      const byType = Object.fromEntries(
        space.components.map((c: { id: string; type: string }) => [c.type, c.id]),
      );
      const proposals = await t.gql(
        `query($c: ID!) { proposals(componentId: $c, order: RECENT, first: 100) { totalCount edges { node { reference title official state body } } } }`,
        { c: byType.PROPOSALS },
      );
      expect(proposals.data.proposals.totalCount).toBe(content.proposals.length);
      const nodes = proposals.data.proposals.edges.map((e: { node: unknown }) => e.node).reverse();
      expect(nodes[0]).toMatchObject({
        reference: content.proposals[0].reference,
        title: content.proposals[0].title,
        official: true,
        state: 'NOT_ANSWERED',
      });
      expect(nodes[0].body).toMatch(/^<p>/);
      const survey = await t.gql(
        `query($c: ID!) { survey(componentId: $c) { title questions { type body options { body } scale { points labels } } } }`,
        { c: byType.SURVEY },
      );
      expect(survey.data.survey.questions).toHaveLength(content.survey.questions.length);
      expect(survey.data.survey.questions[0].options.map((o: { body: string }) => o.body)).toEqual(
        content.survey.questions[0].options,
      );
      const text = await t.gql(`query($c: ID!) { participatoryTextSource(componentId: $c) }`, {
        c: byType.PARTICIPATORY_TEXT,
      });
      expect(text.data.participatoryTextSource).toBe(content.participatoryText);
      const wrongType = await t.gql(`query($c: ID!) { motions(componentId: $c) { id } }`, {
        c: byType.PROPOSALS,
      });
      expect(wrongType.errors![0].extensions!.code).toBe('BAD_USER_INPUT');

      const assembly = (
        await t.gql(
          `{ space(slug: "assemblee-filiere-sante-numerique") { components { id type } } }`,
        )
      ).data.space;
      const motions = await t.gql(
        `query($c: ID!) { motions(componentId: $c) { reference title } }`,
        { c: assembly.components[0].id },
      );
      expect(motions.data.motions.map((m: { title: string }) => m.title)).toEqual(
        content.assembly.motions.map((m) => m.title),
      );
      const surveys = await t.gql(`{ surveys { title questionCount spaceSlug } }`);
      expect(surveys.data.surveys).toEqual([
        {
          title: content.survey.title,
          questionCount: content.survey.questions.length,
          spaceSlug: 'structuration-filiere-sante-numerique',
        },
      ]);
    });

    it('holds the « Journée de la filière » (section 5, measure 16) as an in-person meeting with an agenda, marked as demo', async () => {
      const space = (
        await t.gql(
          `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
        )
      ).data.space;
      const component = space.components.find((c: { type: string }) => c.type === 'MEETINGS');
      expect(component).toBeDefined();
      const res = await t.gql(
        `query($c: ID!) { meetings(componentId: $c) { id title type location address state registrationsOpen capacity startsAt agenda { title children { title } } } }`,
        { c: component.id },
      );
      expect(res.data.meetings).toHaveLength(1);
      const meeting = res.data.meetings[0];
      expect(meeting).toMatchObject({
        title: content.meetings.meeting.title,
        type: 'IN_PERSON',
        state: 'UPCOMING',
        registrationsOpen: true,
        capacity: content.meetings.meeting.capacity,
      });
      expect(meeting.agenda.map((a: { title: string }) => a.title)).toEqual(
        content.meetings.meeting.agenda.map((a) => a.title),
      );
      const subTitles = meeting.agenda.flatMap((a: { children: { title: string }[] }) =>
        a.children.map((c) => c.title),
      );
      expect(subTitles).toEqual(
        content.meetings.meeting.agenda.flatMap((a) => (a.children ?? []).map((c) => c.title)),
      );
      expect(subTitles).toHaveLength(3);
      const [row] = await t.sql(
        `SELECT is_demo, extract(isodow FROM starts_at AT TIME ZONE 'Europe/Paris')::int AS dow, to_char(starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') AS at FROM meetings WHERE id = $1`,
        [meeting.id],
      );
      expect(row).toEqual({
        is_demo: true,
        dow: content.meetings.meeting.isoWeekday,
        at: content.meetings.meeting.startTime,
      });
      expect(content.meetings.meeting.description).toContain('Organiser une journée de la filière');
    });

    it('holds two votations (marked demo): annex 2’s four actions graded by majority judgment, closed with results; the board election (SINGLE), open', async () => {
      const [component] = await t.sql(
        `SELECT c.id FROM components c JOIN participatory_spaces s ON s.id = c.space_id WHERE s.is_demo AND c.type = 'VOTES'`,
      );
      const res = await t.gql(
        `query($c: ID!) { ballots(componentId: $c) { id title status isDemo receiptsEnabled resultsFrozen results turnout { voters percent } questions { method options { title } } } }`,
        { c: component.id },
      );
      expect(res.errors).toBeUndefined();
      const [ranking, election] = res.data.ballots;
      expect(ranking).toMatchObject({
        status: 'CLOSED',
        isDemo: true,
        receiptsEnabled: true,
        resultsFrozen: true,
        turnout: { voters: content.votations.demoVoters },
      });
      expect(ranking.questions[0].method).toBe('MAJORITY_JUDGMENT');
      expect(ranking.questions[0].options.map((o: { title: string }) => o.title)).toEqual(
        content.assembly.motions.map((m) => m.title),
      );
      expect(ranking.results[0]).toMatchObject({
        method: 'MAJORITY_JUDGMENT',
        ballots: content.votations.demoVoters,
      });
      expect(ranking.results[0].winners).toHaveLength(1);
      expect(election).toMatchObject({
        status: 'OPEN',
        isDemo: true,
        results: null,
        turnout: { voters: content.votations.election.demoVotes },
      });
      expect(election.questions[0].method).toBe('SINGLE');
      // every vote is a demo account's
      const [voters] = await t.sql(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE u.is_demo)::int AS demo FROM ballot_participations p JOIN users u ON u.id = p.user_id JOIN ballots b ON b.id = p.ballot_id WHERE b.is_demo`,
      );
      expect(voters.n).toBe(content.votations.demoVoters + content.votations.election.demoVotes);
      expect(voters.demo).toBe(voters.n);
      // past lifecycle events are recorded with the ballots: no notification of a demo opening or close
      expect(
        (
          await t.sql(
            `SELECT count(*)::int AS n FROM ballot_events e JOIN ballots b ON b.id = e.ballot_id WHERE b.is_demo`,
          )
        )[0].n,
      ).toBe(4);
    });

    it('holds a Boîte à idées seeded with section 5 measures and demo answers from every annex 1 respondent type, ranked, with scores by type', async () => {
      const space = (
        await t.gql(
          `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
        )
      ).data.space;
      const component = space.components.find((c: { type: string }) => c.type === 'IDEAS');
      const boxes = (
        await t.gql(
          `query($c: ID!) { ideaBoxes(componentId: $c) { id question ideasCount comparisonsCount isDemo } }`,
          { c: component.id },
        )
      ).data.ideaBoxes;
      expect(boxes).toHaveLength(1);
      expect(boxes[0]).toMatchObject({
        question: 'Quelle action la filière doit-elle mener en priorité ?',
        ideasCount: content.ideas.ideas.length,
        isDemo: true,
      });
      expect(content.ideas.ideas.map((i) => i.body)).toEqual(
        expect.arrayContaining(['Organiser une journée de la filière.']),
      );
      expect(
        content.ideas.ideas.some((i) => i.body.startsWith('Favoriser les partages d’expérience')),
      ).toBe(true);
      const results = (
        await t.gql(
          `query($b: ID!) { ideaResults(boxId: $b) { comparisonsCount scoredComparisons votersCount ideas { score wins losses } byTypology { typologyKey votersCount } } }`,
          { b: boxes[0].id },
        )
      ).data.ideaResults;
      expect(results.comparisonsCount).toBeGreaterThan(1000);
      expect(results.scoredComparisons).toBe(results.comparisonsCount);
      expect(results.votersCount).toBe(9 * content.ideas.demoVoters.perTypology);
      expect(results.byTypology).toHaveLength(9);
      const wins = results.ideas.reduce((n: number, i: { wins: number }) => n + i.wins, 0);
      expect(wins).toBe(results.comparisonsCount);
      // every demo voter is a demo account
      const [flags] = await t.sql(
        `SELECT bool_and(u.is_demo) AS users, bool_and(v.is_demo) AS voters FROM idea_voters v JOIN users u ON u.id = v.user_id WHERE EXISTS (SELECT 1 FROM idea_pairs p WHERE p.voter_id = v.id AND p.box_id = $1)`,
        [boxes[0].id],
      );
      expect(flags).toEqual({ users: true, voters: true });
    });

    it('holds a Débat on annex 1’s statements (axes 1–3) with synthetic voters from the typology, marked as demo, whose map shows groups', async () => {
      expect(content.debate.statements.length).toBeGreaterThanOrEqual(15);
      for (const s of content.debate.statements) {
        expect([...s.body].length).toBeLessThanOrEqual(280);
        expect(s.source).toMatch(/^Annexe 1, axe [123]/);
      }
      expect(content.debate.voters.reduce((n, v) => n + v.count, 0)).toBe(127); // the 2021 survey's respondents
      const space = (
        await t.gql(
          `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
        )
      ).data.space;
      const component = space.components.find((c: { type: string }) => c.type === 'DEBATE');
      expect(component).toBeDefined();
      const debates = (
        await t.gql(
          `query($c: ID!) { debates(componentId: $c) { id title isDemo statementsCount participantsCount } }`,
          { c: component.id },
        )
      ).data.debates;
      expect(debates).toEqual([
        expect.objectContaining({
          title: content.debate.debate.title,
          isDemo: true,
          statementsCount: content.debate.statements.length,
          participantsCount: 127,
        }),
      ]);
      const [flags] = await t.sql(
        `SELECT bool_and(v.is_demo) AS votes, bool_and(u.is_demo) AS voters FROM debate_votes v JOIN users u ON u.id = v.user_id WHERE v.debate_id = $1`,
        [debates[0].id],
      );
      expect(flags).toEqual({ votes: true, voters: true });
      const analysis = (
        await t.gql(
          `query($d: ID!) { debateAnalysis(debateId: $d) { participantCount groups { size representatives { statementId } } consensus { body } } }`,
          { d: debates[0].id },
        )
      ).data.debateAnalysis;
      expect(analysis.participantCount).toBe(127);
      expect(analysis.groups.length).toBeGreaterThanOrEqual(2);
      expect(analysis.consensus.length).toBeGreaterThan(0);
    });

    it('« Mesures proposées » has « pas d’accord » on, with demo supports and marks, so the CONSENSUS order differs from the most supported', async () => {
      const space = (
        await t.gql(
          `{ space(slug: "structuration-filiere-sante-numerique") { components { id type } } }`,
        )
      ).data.space;
      const c = space.components.find((x: { type: string }) => x.type === 'PROPOSALS').id;
      const order = async (o: string) =>
        (
          await t.gql(
            `query($c: ID!, $o: ProposalOrder) { proposals(componentId: $c, order: $o, first: 100) { edges { node { id supportsCount disagreementsCount } } } }`,
            { c, o },
          )
        ).data.proposals.edges.map(
          (e: { node: { id: string; supportsCount: number; disagreementsCount: number | null } }) =>
            e.node,
        ) as { id: string; supportsCount: number; disagreementsCount: number | null }[];
      const consensus = await order('CONSENSUS');
      const supported = await order('MOST_SUPPORTED');
      expect(consensus).toHaveLength(content.proposals.length);
      expect(consensus.every((p) => p.disagreementsCount !== null)).toBe(true);
      expect(consensus.reduce((n, p) => n + p.disagreementsCount!, 0)).toBeGreaterThan(50);
      expect(consensus.reduce((n, p) => n + p.supportsCount, 0)).toBeGreaterThan(100);
      expect(consensus.map((p) => p.id)).not.toEqual(supported.map((p) => p.id));
      // every demo reaction comes from a demo account
      const [flags] = await t.sql(
        `SELECT bool_and(u.is_demo) AS demo, count(*)::int AS n FROM proposal_disagreements d JOIN users u ON u.id = d.user_id WHERE d.component_id = $1`,
        [c],
      );
      expect(flags.demo).toBe(true);
    });

    it('is loaded once: a second load changes nothing', async () => {
      const before = await t.sql(
        `SELECT (SELECT count(*) FROM participatory_spaces) AS s, (SELECT count(*) FROM proposals) AS p,
                (SELECT count(*) FROM proposal_disagreements) AS d, (SELECT count(*) FROM proposal_supports) AS su`,
      );
      const service = t.app.get(DemoContentService);
      expect(await service.loadOnce()).toBe(false);
      const after = await t.sql(
        `SELECT (SELECT count(*) FROM participatory_spaces) AS s, (SELECT count(*) FROM proposals) AS p,
                (SELECT count(*) FROM proposal_disagreements) AS d, (SELECT count(*) FROM proposal_supports) AS su`,
      );
      // the journée de la filière (in person) and the Assemblée's monthly online sitting
      expect((await t.sql(`SELECT count(*)::int AS n FROM meetings WHERE is_demo`))[0].n).toBe(2);
      expect(
        await t.sql(
          `SELECT m.type, (SELECT count(*)::int FROM meeting_agenda_links l JOIN meeting_agenda_items i ON i.id = l.item_id
                            WHERE i.meeting_id = m.id AND l.resource_type = 'MOTION') AS motions
             FROM meetings m WHERE m.is_demo AND m.is_sitting`,
        ),
      ).toEqual([{ type: 'ONLINE', motions: 1 }]);
      expect((await t.sql(`SELECT count(*)::int AS n FROM ballots WHERE is_demo`))[0].n).toBe(2);
      expect((await t.sql(`SELECT count(*)::int AS n FROM idea_boxes WHERE is_demo`))[0].n).toBe(1);
      expect((await t.sql(`SELECT count(*)::int AS n FROM debates WHERE is_demo`))[0].n).toBe(1);
      expect(after).toEqual(before);
    });
  });

  it('race: five processes loading at once on a fresh database load it exactly once', async () => {
    const cluster = readCluster();
    const name = `concerto_race_${randomBytes(4).toString('hex')}`;
    await createDatabaseIfMissing(cluster.adminUrl, name);
    const url = cluster.urlTemplate.replace('{db}', name);
    await runMigrations(url);
    const sources = await Promise.all(
      Array.from({ length: 5 }, () => new DataSource(dataSourceOptions(url)).initialize()),
    );
    try {
      const results = await Promise.all(
        sources.map((ds) => new DemoContentService(ds, new ActionLogService()).loadOnce()),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const [row] = await sources[0].query(
        `SELECT count(*) AS spaces, (SELECT count(*) FROM proposals) AS proposals FROM participatory_spaces`,
      );
      expect(Number(row.spaces)).toBe(2);
      expect(Number(row.proposals)).toBe(content.proposals.length);
    } finally {
      await Promise.all(sources.map((ds) => ds.destroy()));
      await dropDatabase(cluster.adminUrl, name);
    }
  });
});
