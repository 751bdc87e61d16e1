import { describeInBrowser, focusIsOnElement } from './browser';
import { useBrowserSuite } from './browser-suite';

const ADMIN_EMAIL = 'admin@concerto.test';
const ADMIN_PASSWORD = 'e2e-admin-password-agenda';
const SPACE = 'structuration-filiere-sante-numerique';
const PARIS = 'Europe/Paris';

/** The Paris calendar date (year, month 1–12, day) of an instant. */
const parisDate = (at: Date) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: PARIS,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
};
const parisTime = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: PARIS,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

describeInBrowser(
  'Rencontres in a browser: the agenda of a meeting and the « Agenda » month view by keyboard',
  () => {
    const suite = useBrowserSuite('concerto-e2e-meetings-agenda-', { ADMIN_PASSWORD, ADMIN_EMAIL });
    const { goTo, gql, checkPage } = suite;

    // a meeting on the 15th of next month (Paris), 10:00–12:00, with an agenda holding a sub-item and a linked proposal
    const now = new Date();
    const today = parisDate(now);
    const next =
      today.month === 12
        ? { year: today.year + 1, month: 1 }
        : { year: today.year, month: today.month + 1 };
    const title = 'Séminaire agenda et calendrier';
    let meetingPath = '';
    let startsAt = '';
    let proposalTitle = '';

    it('shows the agenda on the meeting page: planned times in Paris time, sub-items, linked proposals', async () => {
      const { login } = await gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
        i: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      });
      const space = await gql(`query($s: String!) { space(slug: $s) { components { id type } } }`, {
        s: SPACE,
      });
      const componentOf = (type: string) =>
        space.space.components.find((c: { type: string }) => c.type === type).id;
      const proposals = await gql(
        `query($c: ID!) { proposals(componentId: $c, first: 1, order: RECENT) { edges { node { id title } } } }`,
        { c: componentOf('PROPOSALS') },
      );
      const proposal = proposals.proposals.edges[0].node;
      proposalTitle = proposal.title;
      // 10:00 in Paris: 09:00Z in winter, 08:00Z in summer
      const noonUtc = Date.UTC(next.year, next.month - 1, 15, 10);
      const offsetHours = Number(parisTime(new Date(noonUtc).toISOString()).slice(0, 2)) - 10;
      startsAt = new Date(Date.UTC(next.year, next.month - 1, 15, 10 - offsetHours)).toISOString();
      const endsAt = new Date(new Date(startsAt).getTime() + 2 * 3600_000).toISOString();
      const created = await gql(
        `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id path } }`,
        {
          i: {
            componentId: componentOf('MEETINGS'),
            title,
            type: 'IN_PERSON',
            location: 'Agence du numérique en santé',
            startsAt,
            endsAt,
            published: true,
          },
        },
        login.token,
      );
      meetingPath = created.createMeeting.path;
      await gql(
        `mutation($id: ID!, $items: [MeetingAgendaItemInput!]!) { setMeetingAgenda(meetingId: $id, items: $items) { id } }`,
        {
          id: created.createMeeting.id,
          items: [
            { title: 'Accueil', durationMinutes: 30 },
            {
              title: 'Ateliers',
              durationMinutes: 60,
              proposalIds: [proposal.id],
              children: [
                { title: 'Interopérabilité', durationMinutes: 30 },
                { title: 'Éthique', durationMinutes: 30 },
              ],
            },
          ],
        },
        login.token,
      );
      await goTo(meetingPath);
      await suite.page.getByRole('heading', { level: 1, name: title }).waitFor();
      const agenda = suite.page.getByRole('region', { name: 'Ordre du jour' });
      await agenda.getByText('10:00–10:30').waitFor();
      await agenda.getByText('10:30–11:30').waitFor();
      const ateliers = agenda.locator('li').filter({ hasText: 'Ateliers' }).first();
      await ateliers
        .locator('li')
        .filter({ hasText: 'Éthique' })
        .getByText('11:00–11:30')
        .waitFor();
      await ateliers.getByRole('link', { name: proposalTitle }).waitFor();
      await checkPage('rencontre avec ordre du jour');
    });

    it('the « Agenda » month view moves by month and by day from the keyboard and lists the chosen day’s meetings', async () => {
      await goTo('/');
      await suite.page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Agenda' })
        .click();
      await suite.page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
      await suite.page.getByRole('link', { name: 'Mois' }).click();
      const grid = suite.page.getByRole('grid');
      await grid.waitFor();
      const calendar = suite.page.getByRole('application');
      const monthName = (year: number, month: number) =>
        new Intl.DateTimeFormat('fr-FR', {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(Date.UTC(year, month - 1, 10)));
      await calendar
        .getByRole('heading', { name: new RegExp(monthName(today.year, today.month), 'i') })
        .waitFor();
      // the focusable day of the grid takes the focus, then Page Down goes to next month
      await grid.locator('[tabindex="0"]').focus();
      await suite.page.keyboard.press('PageDown');
      await calendar
        .getByRole('heading', { name: new RegExp(monthName(next.year, next.month), 'i') })
        .waitFor();
      expect(await focusIsOnElement(suite.page)).toBe(true);
      await suite.page.getByRole('link', { name: title }).waitFor();
      // to the 15th with the arrow keys (the focused day is today's day of month, or the month's last)
      const daysInNext = new Date(Date.UTC(next.year, next.month, 0)).getUTCDate();
      const focusedDay = Math.min(today.day, daysInNext);
      for (let i = 0; i < Math.abs(15 - focusedDay); i++)
        await suite.page.keyboard.press(focusedDay < 15 ? 'ArrowRight' : 'ArrowLeft');
      await suite.page.keyboard.press('Enter');
      await suite.page
        .getByRole('heading', { level: 3, name: /15 .*: \d+ rencontres?$/ })
        .waitFor();
      await suite.page.getByRole('link', { name: title }).waitFor();
      expect(await focusIsOnElement(suite.page)).toBe(true);
      await checkPage('agenda (mois)');
      // and back by Page Up
      await grid.locator('[tabindex="0"]').focus();
      await suite.page.keyboard.press('PageUp');
      await calendar
        .getByRole('heading', { name: new RegExp(monthName(today.year, today.month), 'i') })
        .waitFor();
      expect(await focusIsOnElement(suite.page)).toBe(true);
    });
  },
);
