import { describeInBrowser } from './browser';
import { useBrowserSuite } from './browser-suite';
import { currentTermsVersions } from './concerto-server';

const ADMIN_EMAIL = 'admin@concerto.test';
const ADMIN_PASSWORD = 'e2e-admin-password-sitting';
const ASSEMBLY = 'assemblee-filiere-sante-numerique';

describeInBrowser('Rencontres in a browser: an Assemblée sitting deciding a motion', () => {
  const suite = useBrowserSuite('concerto-e2e-meetings-sitting-', { ADMIN_PASSWORD, ADMIN_EMAIL });
  const { expectAccessible, goTo, gql, signIn } = suite;

  it('the chair opens the vote, a member present votes, the chair closes it; everyone sees the result and the minutes', async () => {
    const admin = (
      await gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, {
        i: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      })
    ).login.token as string;
    const space = (
      await gql(`query($s: String!) { space(slug: $s) { id components { id type } } }`, {
        s: ASSEMBLY,
      })
    ).space;
    const motionsId = space.components.find((c: { type: string }) => c.type === 'MOTIONS').id;
    const meetingsId = (
      await gql(
        `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
        { i: { spaceId: space.id, type: 'MEETINGS', title: 'Séances', published: true } },
        admin,
      )
    ).createComponent.id;
    const title = 'Ouvrir le centre de ressources de la filière';
    const motionId = (
      await gql(
        `mutation($i: CreateMotionInput!) { createMotion(input: $i) { id } }`,
        {
          i: {
            componentId: motionsId,
            title,
            body: 'L’Assemblée ouvre un centre de ressources.',
            quorumBasis: 'PRESENT',
          },
        },
        admin,
      )
    ).createMotion.id;
    const now = Date.now();
    const meeting = (
      await gql(
        `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id path } }`,
        {
          i: {
            componentId: meetingsId,
            title: 'Séance mensuelle de test',
            type: 'ONLINE',
            onlineUrl: 'https://visio.example.org/seance',
            startsAt: new Date(now - 10 * 60_000).toISOString(),
            endsAt: new Date(now + 2 * 3600_000).toISOString(),
            registrationsEnabled: true,
            registrationsCloseAt: new Date(now + 3600_000).toISOString(),
            published: true,
            isSitting: true,
            agenda: [
              {
                title: 'Motion du centre de ressources',
                durationMinutes: 30,
                motionIds: [motionId],
              },
            ],
          },
        },
        admin,
      )
    ).createMeeting as { id: string; path: string };

    // a member of the Assemblée registers and is checked in
    const email = `membre.${now}@example.org`;
    const member = (
      await gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, {
        i: {
          name: 'Membre Présente',
          email,
          password: 'une phrase de passe solide',
          ...(await currentTermsVersions(suite.server.url)),
        },
      })
    ).register.token as string;
    await gql(
      `mutation($i: AddAssemblyMemberInput!) { addAssemblyMember(input: $i) { id } }`,
      { i: { spaceId: space.id, email } },
      admin,
    );
    const code = (
      await gql(
        `mutation($id: ID!) { registerForMeeting(meetingId: $id) { viewerRegistration { code } } }`,
        { id: meeting.id },
        member,
      )
    ).registerForMeeting.viewerRegistration.code;
    await gql(
      `mutation($id: ID!, $c: String!) { markAttendance(meetingId: $id, code: $c) { name } }`,
      { id: meeting.id, c: code },
      admin,
    );

    // the chair opens the vote from the sitting's page
    await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    await goTo(meeting.path);
    const panel = suite.page.getByRole('region', { name: 'Séance de l’Assemblée' });
    await panel.getByText('Membre Présente', { exact: true }).waitFor();
    await panel.getByRole('button', { name: /^Ouvrir le vote sur/ }).click();
    await panel.getByText('Vote ouvert', { exact: true }).waitFor();
    await expectAccessible('a sitting with an open vote');

    await gql(
      `mutation($x: ID!) { castVote(motionId: $x, choice: FOR) { id } }`,
      { x: motionId },
      member,
    );
    await panel.getByRole('button', { name: /^Clore le vote sur/ }).click();
    await panel.getByText('Motion adoptée', { exact: true }).waitFor();
    await panel.getByText(/Quorum compté sur les présents/).waitFor();

    // the minutes list those present and the result
    await panel.getByText('Procès-verbal de la séance').click();
    const minutes = panel.locator('pre');
    await minutes.getByText(/Présents \(1\)/).waitFor();
    expect(await minutes.textContent()).toMatch(/- Membre Présente/);
    expect(await minutes.textContent()).toMatch(new RegExp(`${title} : \\*\\*adoptée\\*\\*`));
    await expectAccessible('a sitting with its decided motion and minutes');
  }, 180_000);
});
