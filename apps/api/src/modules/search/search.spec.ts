import { errorCode, startTestApp, TestApp } from '../../../test/test-app';
import { SearchResultTypeEnum } from './search.dto';
import { excerptHtml } from './search-excerpt';
import { SearchService } from './search.service';

const SEARCH = `query($q: String!, $types: [SearchResultType!], $first: Int, $after: String) {
  search(query: $q, types: $types, first: $first, after: $after) { query groups { type totalCount hits { id title excerptHtml link spaceTitle } pageInfo { hasNextPage endCursor } } }
}`;
const CREATE_MEETING = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`;
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('global search', () => {
  let t: TestApp;
  let admin: string;
  let componentId: string;
  let slug: string;

  const meeting = async (title: string, description = '', published = true) => {
    const res = await t.gql(
      CREATE_MEETING,
      {
        i: {
          componentId,
          title,
          description,
          type: 'ONLINE',
          onlineUrl: 'https://visio.example.org/salle',
          startsAt: inHours(48),
          endsAt: inHours(50),
          published,
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    return res.data.createMeeting.id as string;
  };
  const search = (q: string, extra: Record<string, unknown> = {}, token?: string) =>
    t.gql(SEARCH, { q, ...extra }, token);
  const group = (res: { data?: any }, type: string) =>
    res.data.search.groups.find((g: { type: string }) => g.type === type);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const space = (
      await t.gql(`{ space(slug: "structuration-filiere-sante-numerique") { id slug } }`)
    ).data.space;
    slug = space.slug;
    componentId = (
      await t.gql(
        `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
        {
          input: {
            spaceId: space.id,
            type: 'MEETINGS',
            title: 'Rencontres cherchables',
            published: true,
          },
        },
        admin,
      )
    ).data.createComponent.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('registers one search source per SearchResultType value', () => {
    expect(t.app.get(SearchService).types().sort()).toEqual(
      Object.keys(SearchResultTypeEnum).sort(),
    );
  });

  it('finds across types with French stemming, accents ignored, and highlights the matches in safe HTML', async () => {
    const id = await meeting(
      'Atelier sur l’interopérabilité des hôpitaux',
      '<p>Mutualisations &amp; &lt;script&gt; des <strong>données</strong> et des <em>achats</em>.</p>',
    );
    const res = await search('interoperabilite mutualisation');
    expect(res.errors).toBeUndefined();
    const hits = group(res, 'MEETING').hits;
    expect(hits[0]).toEqual({
      id,
      title: 'Atelier sur l’interopérabilité des hôpitaux',
      excerptHtml: expect.stringContaining(
        '<mark>Mutualisations</mark> &amp; &lt;script&gt; des données et des achats',
      ),
      link: `/espaces/${slug}/f/${componentId}/rencontres/${id}`,
      spaceTitle: expect.any(String),
    });
    // the demo content answers too, in other groups
    const filiere = await search('filière');
    expect(filiere.data.search.groups.map((g: { type: string }) => g.type)).toEqual(
      expect.arrayContaining(['PROPOSAL']),
    );
    for (const g of filiere.data.search.groups)
      for (const h of g.hits) expect(h.excerptHtml).not.toMatch(/<(?!\/?mark>)/);
  });

  it('leaves out what the caller may not see: unpublished, hidden, withdrawn; unpublished components for anyone but their admins', async () => {
    await meeting('Brouillon zygomatique', '', false);
    const hidden = await meeting('Rencontre zygomatique masquée');
    await t.sql(`UPDATE meetings SET hidden_at = now() WHERE id = $1`, [hidden]);
    expect(group(await search('zygomatique'), 'MEETING')).toBeUndefined();

    const space = (await t.gql(`{ space(slug: "${slug}") { id } }`)).data.space;
    const draftComponent = (
      await t.gql(
        `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`,
        { input: { spaceId: space.id, type: 'MEETINGS', title: 'Brouillons', published: false } },
        admin,
      )
    ).data.createComponent.id;
    const res = await t.gql(
      CREATE_MEETING,
      {
        i: {
          componentId: draftComponent,
          title: 'Rencontre saugrenue',
          type: 'ONLINE',
          onlineUrl: 'https://visio.example.org/b',
          startsAt: inHours(48),
          endsAt: inHours(50),
          published: true,
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(group(await search('saugrenue'), 'MEETING')).toBeUndefined(); // anonymous
    const participant = await t.register('Chercheuse');
    expect(group(await search('saugrenue', {}, participant.token), 'MEETING')).toBeUndefined();
    expect(group(await search('saugrenue', {}, admin), 'MEETING').hits).toHaveLength(1);
  });

  it('pages one type by keyset: every hit once, in rank order', async () => {
    const ids = [];
    for (let i = 0; i < 7; i++)
      ids.push(
        await meeting(
          `Séance ornithologique numéro ${i + 1}`,
          i % 2 ? 'ornithologique, ornithologique' : '',
        ),
      );
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    let total: number | null = null;
    do {
      const res = await search('ornithologique', { types: ['MEETING'], first: 3, after });
      expect(res.errors).toBeUndefined();
      const g = res.data.search.groups[0];
      if (pages === 0) total = g.totalCount;
      else expect(g.totalCount).toBeNull();
      seen.push(...g.hits.map((h: { id: string }) => h.id));
      after = g.pageInfo.hasNextPage ? g.pageInfo.endCursor : undefined;
      pages++;
    } while (after && pages < 10);
    expect(total).toBe(7);
    expect(pages).toBe(3);
    // a cursor pages only the search that made it (same words, same type)
    const cursor = (await search('ornithologique', { types: ['MEETING'], first: 3 })).data.search
      .groups[0].pageInfo.endCursor;
    expect(errorCode(await search('séance', { types: ['MEETING'], first: 3, after: cursor }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await search('ornithologique', { types: ['PROPOSAL'], first: 3, after: cursor })),
    ).toBe('BAD_USER_INPUT');
    expect(
      (await search('Ornithologique', { types: ['MEETING'], first: 3, after: cursor })).errors,
    ).toBeUndefined();
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('refuses bad input with a coded error naming the field, and takes any text as words', async () => {
    for (const [vars, field] of [
      [{ q: ' a ' }, 'query'],
      [{ q: 'x'.repeat(201) }, 'query'],
      [{ q: 'filière', first: 0 }, 'first'],
      [{ q: 'filière', first: 51 }, 'first'],
      [{ q: 'filière', after: 'WzEsImEiXQ' }, 'after'], // no single type
      [{ q: 'filière', types: ['MEETING'], after: 'pas-un-curseur' }, 'after'],
      [
        { q: 'filière', types: ['MEETING'], after: Buffer.from('[1,"x"]').toString('base64url') },
        'after',
      ],
    ] as [Record<string, unknown>, string][]) {
      const res = await t.gql(SEARCH, vars);
      expect({ vars, code: errorCode(res), field: res.errors?.[0]?.extensions?.field }).toEqual({
        vars,
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    for (const q of [
      '"non fermée',
      '--',
      '!!! ???',
      'or or',
      'le la les',
      "l'",
      '\u0001 filière \u0002',
    ]) {
      const res = await search(q);
      expect({ q, errors: res.errors }).toEqual({ q, errors: undefined });
    }
  });

  it('turns a headline into HTML whose only elements are the marks, without Markdown marks', () => {
    expect(
      excerptHtml('- **16. Organiser une journée de la \u0001filière\u0002.** ## Titre `code`'),
    ).toBe('- 16. Organiser une journée de la <mark>filière</mark>. Titre code');
    expect(excerptHtml('a \u0001b\u0002 <img src=x onerror=alert(1)> &amp;lt; &nbsp;"c"')).toBe(
      'a <mark>b</mark> &lt;img src=x onerror=alert(1)&gt; &amp;lt; &quot;c&quot;',
    );
  });
});
