import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { MinutesService } from '../src/modules/motion/minutes.service';
import type { AssemblyMinutesDto, MotionDto } from '../src/modules/motion/dtos/motion.dto';
import { SmtpInbox, startSmtpInbox } from '@concerto/testing';
import { startTestApp, TestApp } from './test-app';

/**
 * Text safety, proven on the outputs: hostile titles and names (HTML that runs, CSV formulas,
 * CRLF for headers and iCalendar lines, CDATA ends) go in through the public API, and every
 * output channel that carries them is read back the way its consumer reads it: e-mails from a
 * real SMTP inbox, CSV parsed as a spreadsheet would (formula cells neutralised), XLSX opened
 * with ExcelJS (strings, never formulas), JSON parsed back to the exact text, the iCalendar file
 * unfolded (no injected line or event), and the Markdown minutes rendered with raw HTML on (no
 * tag, no unsafe link). The browser side is `apps/e2e/src/hostile-text.e2e-spec.ts`.
 */

const HTML = '<img src=x onerror="window.__xss=1"> "><script>window.__xss=2</script>';
const FORMULAS = [
  '=HYPERLINK("https://evil.example","clic")',
  "=cmd|' /C calc'!A0",
  '+1+2',
  '-3+4',
  '@SUM(1,2)',
];
const CRLF = 'Journée\r\nBEGIN:VEVENT\r\nUID:injecte\r\nEND:VEVENT';
const CDATA = 'fin ]]> <![CDATA[ x';

describe('hostile text through every output channel', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let admin: string;
  let spaceId: string;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await startTestApp({ SMTP_URL: inbox.url, PUBLIC_URL: 'https://concerto.example' });
    admin = await t.adminToken();
    spaceId = (await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id } }`)).data
      .space.id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  const component = async (type: string) => {
    const c = await t.gql(
      `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
      { input: { spaceId, type, title: `Composant ${type}`, published: true } },
      admin,
    );
    expect(c.errors).toBeUndefined();
    return c.data.createComponent.id as string;
  };

  it('e-mails: a hostile name is plain text in a text-only mail; CRLF adds no header or recipient', async () => {
    const user = await t.register(`${HTML.slice(0, 40)}`);
    const mail = await inbox.waitFor(user.email, /Confirmez votre adresse/);
    expect(inbox.mails.filter((m) => m.to !== user.email && /evil/.test(m.to))).toEqual([]);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    // a name with CRLF and a header is refused or flattened, never a second header
    const crlf = await t.gql(
      `mutation($input: RegisterInput!) { register(input: $input) { token } }`,
      {
        input: {
          name: 'Nom\r\nBcc: victime@evil.example',
          email: `crlf-${Date.now()}@example.org`,
          password: 'motdepasse-assez-long',
          ...(await t.currentTermsVersions()),
        },
      },
    );
    if (!crlf.errors) await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.mails.filter((m) => /victime@evil/.test(m.to))).toEqual([]);
  });

  it('survey exports: CSV cells starting with = + - @ are neutralised, XLSX holds strings (no formula), JSON gives the exact text back', async () => {
    const componentId = await component('SURVEY');
    const created = await t.gql(
      `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }`,
      { input: { componentId, title: `Enquête ${HTML}` } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const surveyId = created.data.createSurvey.id as string;
    const added = await t.gql(
      `mutation($input: AddSurveyQuestionInput!) { addSurveyQuestion(input: $input) { questions { id } } }`,
      { input: { surveyId, type: 'SHORT_ANSWER', body: FORMULAS[0], mandatory: true } },
      admin,
    );
    expect(added.errors).toBeUndefined();
    const questionId = added.data.addSurveyQuestion.questions[0].id as string;
    for (const text of [...FORMULAS, CDATA]) {
      const respondent = await t.register('Répondant');
      const res = await t.gql(
        `mutation($id: ID!, $a: [SurveyAnswerInput!]!) { answerSurvey(surveyId: $id, answers: $a) { id } }`,
        { id: surveyId, a: [{ questionId, text }] },
        respondent.token,
      );
      expect(res.errors).toBeUndefined();
    }
    const auth = { authorization: `Bearer ${admin}` };

    const csvText = await (
      await fetch(`${t.baseUrl}/exports/surveys/${surveyId}/answers.csv`, { headers: auth })
    ).text();
    const cells: string[] = parseCsv(csvText.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
    }).flat();
    const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
    expect(dangerous).toEqual([]);
    for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);

    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(
      Buffer.from(
        await (
          await fetch(`${t.baseUrl}/exports/surveys/${surveyId}/answers.xlsx`, { headers: auth })
        ).arrayBuffer(),
      ) as never,
    );
    const values: unknown[] = [];
    xlsx.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          values.push(cell.value);
        }),
      ),
    );
    for (const formula of FORMULAS) expect(values).toContain(formula);

    const json = await (
      await fetch(`${t.baseUrl}/exports/surveys/${surveyId}/results.json`, { headers: auth })
    ).json();
    const texts = JSON.stringify(json);
    // answers are plain text: markup such as `<![CDATA[` is dropped when stored, `]]>` stays as typed
    for (const text of [...FORMULAS, 'fin ]]>'])
      expect(texts).toContain(JSON.stringify(text).slice(1, -1));
  });

  it('iCalendar: CRLF in a meeting title or place is escaped by the library (no injected line, one event)', async () => {
    const componentId = await component('MEETINGS');
    const res = await t.gql(
      `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`,
      {
        i: {
          componentId,
          title: CRLF.replace(/\r\n/g, ' ').slice(0, 60),
          type: 'IN_PERSON',
          address: `${HTML.slice(0, 60)}; ${CDATA}`,
          location: 'Salle ; « A », B\\C',
          startsAt: '2027-05-01T07:00:00Z',
          endsAt: '2027-05-01T09:00:00Z',
          published: true,
          description: CRLF,
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const ics = await (
      await fetch(`${t.baseUrl}/calendar/meetings/${res.data.createMeeting.id}.ics`)
    ).text();
    // unfold (RFC 5545 §3.1), then every line is a property of the calendar
    const lines = ics
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('UID:injecte'))).toBe(false);
    for (const line of lines) expect(line).toMatch(/^[A-Z-]+[;:]/);
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('Salle \\; « A »\\, B\\\\C');
  });

  it('Markdown minutes: hostile names, titles and bodies render as text, with no tag and no unsafe link', () => {
    const service = new MinutesService(
      null as never,
      null as never,
      null as never,
      null as never,
      null as never,
    );
    const motion = {
      id: 'm',
      reference: '[A1](javascript:alert(1))',
      title: HTML,
      body: `<p>${HTML.replace(/</g, '&lt;').replace(/>/g, '&gt;')} [lien](javascript:alert(1))</p>`,
      opensAt: new Date('2026-01-01T10:00:00Z'),
      closesAt: new Date('2026-01-02T10:00:00Z'),
      majority: 'SIMPLE',
      quorumPercent: 0,
      secretBallot: false,
      status: 'CLOSED',
      tally: null,
      result: null,
    } as unknown as MotionDto;
    const minutes = {
      spaceId: 's',
      spaceTitle: `Assemblée ${HTML}`,
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
      motions: [motion],
      members: [
        {
          name: `${HTML} | ${FORMULAS[1]}`,
          position: 'MEMBER',
          college: CDATA,
          weight: 1,
          joinedAt: new Date('2025-01-01T00:00:00Z'),
          leftAt: null,
        },
      ],
    } as unknown as Omit<AssemblyMinutesDto, 'markdown'>;
    const markdown = service.markdown(
      minutes,
      new Map([
        [
          'm',
          [
            {
              userId: 'u',
              memberName: `<svg onload=alert(1)>`,
              college: null,
              choice: 'FOR',
              weight: 1,
            },
          ],
        ],
      ]) as never,
    );
    const html = new MarkdownIt({ html: true }).render(markdown);
    expect(html).not.toMatch(/<(img|script|svg)\b/i);
    expect(html).not.toMatch(/href="(?!https?:|mailto:|#|\/)/i);
    expect(html).not.toMatch(/<[^>]+\son\w+=/i);
    // the text is still there, as typed
    expect(html).toContain('&lt;img src=x onerror=');
  });
});
