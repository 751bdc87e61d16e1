import { countRequestRoundTrips, type RoundTripCounter } from '../../../test/request-round-trips';
import { errorCode, startTestApp, TestApp } from '../../../test/test-app';

const CREATE_COMPONENT = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;
const SETTINGS = `mutation($c: ID!, $input: ProposalSettingsInput!) { updateProposalSettings(componentId: $c, input: $input) { supportLimit } }`;
const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;
const FIELDS = `id supportsCount viewerSupports viewerFollows viewerCanEdit followsCount viewerReported state`;
const SUPPORT = `mutation($id: ID!) { supportProposal(proposalId: $id) { ${FIELDS} } }`;
const UNSUPPORT = `mutation($id: ID!) { unsupportProposal(proposalId: $id) { ${FIELDS} } }`;
const PROPOSAL = `query($id: ID!) { proposal(id: $id) { ${FIELDS} } }`;

/**
 * The lean write path of supports (issue 15, item 1): the number of SQL round trips of a
 * `supportProposal` / `unsupportProposal` request, counted on pg's Client.query (BEGIN and
 * COMMIT would count too) for the work done in the request's scope — the session lookup
 * included, the notification dispatcher's background drains not. Adding a query to the path
 * makes this fail: raise the figure only knowingly (and re-run `bench/supports.mjs`).
 */
describe('supports: SQL round trips per request', () => {
  let t: TestApp;
  let admin: string;
  let spaceId: string;
  let roundTrips: RoundTripCounter;

  beforeAll(async () => {
    roundTrips = countRequestRoundTrips();
    t = await startTestApp();
    admin = await t.adminToken();
    spaceId = (await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id } }`)).data
      .space.id;
  }, 120_000);
  afterAll(async () => {
    roundTrips.restore();
    await t.close();
  });

  const newComponent = async (settings: Record<string, unknown>) => {
    const id = (
      await t.gql(
        CREATE_COMPONENT,
        { input: { spaceId, type: 'PROPOSALS', title: 'Propositions comptées', published: true } },
        admin,
      )
    ).data.createComponent.id as string;
    expect((await t.gql(SETTINGS, { c: id, input: settings }, admin)).errors).toBeUndefined();
    return id;
  };
  const propose = async (componentId: string, token: string, title: string) =>
    (
      await t.gql(
        CREATE,
        { input: { componentId, title, body: 'Un texte qui explique la proposition.' } },
        token,
      )
    ).data.createProposal.id as string;
  /** Runs one request and returns its response with the round trips it made. */
  const counting = async (document: string, id: string, token: string) => {
    const before = roundTrips.count;
    const res = await t.gql(document, { id }, token);
    return { res, trips: roundTrips.count - before };
  };

  it('a support costs 5 round trips and a withdrawal 6, whatever the minimum does; the response equals a fresh read', async () => {
    const componentId = await newComponent({ minimumSupportsPerUser: 2, supportLimit: 3 });
    const author = await t.register('Autrice');
    const supporter = await t.register('Soutien');
    const ids = [];
    for (let i = 0; i < 4; i++)
      ids.push(await propose(componentId, author.token, `Proposition comptée numéro ${i}`));

    const fresh = async (id: string, token = supporter.token) =>
      (await t.gql(PROPOSAL, { id }, token)).data.proposal;
    // each response, built from the write's result and the pre-read row, says what a fresh read says
    const first = await counting(SUPPORT, ids[0], supporter.token); // below the minimum: not counted
    expect(first.res.data.supportProposal).toEqual(await fresh(ids[0]));
    expect(first.res.data.supportProposal).toMatchObject({
      supportsCount: 0,
      viewerSupports: true,
      viewerFollows: true,
      followsCount: 2,
      viewerCanEdit: false,
    });
    const second = await counting(SUPPORT, ids[1], supporter.token); // reaches the minimum: both count
    expect(second.res.data.supportProposal).toEqual(await fresh(ids[1]));
    expect(second.res.data.supportProposal).toMatchObject({
      supportsCount: 1,
      viewerSupports: true,
    });
    expect(await fresh(ids[0])).toMatchObject({ supportsCount: 1 });
    const twice = await counting(SUPPORT, ids[1], supporter.token); // a double click: nothing written
    expect(twice.res.data.supportProposal).toEqual(await fresh(ids[1]));
    await t.gql(SUPPORT, { id: ids[2] }, supporter.token);
    const limited = await counting(SUPPORT, ids[3], supporter.token); // supportLimit 3 used up
    expect(errorCode(limited.res)).toBe('LIMIT_REACHED');
    const withdrawn = await counting(UNSUPPORT, ids[2], supporter.token);
    expect(withdrawn.res.data.unsupportProposal).toEqual(await fresh(ids[2]));
    const falling = await counting(UNSUPPORT, ids[1], supporter.token); // falls below the minimum
    expect(falling.res.data.unsupportProposal).toEqual(await fresh(ids[1]));
    expect(falling.res.data.unsupportProposal).toMatchObject({
      supportsCount: 0,
      viewerSupports: false,
      viewerCanEdit: false,
    });
    expect(await fresh(ids[0])).toMatchObject({ supportsCount: 0, viewerSupports: true });
    const none = await counting(UNSUPPORT, ids[1], supporter.token); // nothing to withdraw: a no-op
    expect(none.res.data.unsupportProposal).toEqual(await fresh(ids[1]));
    // the author's view: the first support ends the author's right to edit
    expect(await fresh(ids[3], author.token)).toMatchObject({ viewerCanEdit: true });
    const byAuthor = await t.gql(SUPPORT, { id: ids[3] }, author.token);
    expect(byAuthor.data.supportProposal).toEqual(await fresh(ids[3], author.token));
    expect(byAuthor.data.supportProposal).toMatchObject({
      supportsCount: 0,
      viewerCanEdit: false,
      viewerFollows: true,
    });
    const unsupported = await t.gql(UNSUPPORT, { id: ids[3] }, author.token);
    expect(unsupported.data.unsupportProposal).toEqual(await fresh(ids[3], author.token));
    expect(unsupported.data.unsupportProposal).toMatchObject({ viewerCanEdit: true });

    expect({
      first: first.trips,
      second: second.trips,
      twice: twice.trips,
      limited: limited.trips,
      withdrawn: withdrawn.trips,
      falling: falling.trips,
      none: none.trips,
    }).toEqual({
      first: 5,
      second: 5,
      twice: 6, // the rare double click also reads whether the viewer follows
      limited: 5,
      withdrawn: 6,
      falling: 6,
      none: 6,
    });
  });
});
