import { startTestApp, TestApp } from '../../../test/test-app';
import { ParticipatorySpaceService } from './participatory-space.service';
import { spacePageHeading } from './space-page-heading';

const PROCESS = 'structuration-filiere-sante-numerique';

describe('spacePageHeading: the title a space or component page carries in its HTML', () => {
  let t: TestApp;
  let heading: (path: string) => ReturnType<typeof spacePageHeading>;
  let components: { id: string; type: string; title: string }[];
  let processTitle: string;
  let assemblySlug: string;

  beforeAll(async () => {
    t = await startTestApp();
    const spaces = t.app.get(ParticipatorySpaceService);
    heading = (path) => spacePageHeading(spaces, path);
    const res = await t.gql(
      `query($s: String!) { space(slug: $s) { title components { id type title } } spaces(type: ASSEMBLY) { slug } }`,
      { s: PROCESS },
    );
    processTitle = res.data.space.title;
    components = res.data.space.components;
    assemblySlug = res.data.spaces[0].slug;
  });
  afterAll(() => t.close());

  it('gives a published space its title, and a component its title and its space’s', async () => {
    expect(await heading(`/espaces/${PROCESS}`)).toEqual({
      heading: processTitle,
      documentTitle: processTitle,
    });
    const text = components.find((c) => c.type === 'PARTICIPATORY_TEXT')!;
    expect(await heading(`/espaces/${PROCESS}/f/${text.id}/`)).toEqual({
      heading: text.title,
      documentTitle: `${text.title} · ${processTitle}`,
    });
  });

  it('gives nothing for what an anonymous reader may not see, or for another page', async () => {
    const admin = await t.adminToken();
    const created = await t.gql(
      `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id published } }`,
      { input: { spaceId: await spaceId(PROCESS), type: 'PROPOSALS', title: 'Brouillon caché' } },
      admin,
    );
    expect(created.data.createComponent.published).toBe(false);
    const hidden = created.data.createComponent.id;
    const proposals = components.find((c) => c.type === 'PROPOSALS')!;
    for (const path of [
      `/espaces/${PROCESS}/f/${hidden}`, // unpublished component
      `/espaces/${assemblySlug}/f/${proposals.id}`, // a component of another space
      `/espaces/nexiste-pas/f/${proposals.id}`,
      '/espaces/nexiste-pas',
      `/espaces/${PROCESS}/f/pas-un-uuid`,
      `/espaces/${PROCESS}/f/${proposals.id}/propositions/${proposals.id}`, // a deeper page
      '/espaces/%E0%A4%A', // a malformed escape
      `/espaces/${'x'.repeat(500)}`,
      '/concertations',
    ]) {
      expect({ path, heading: await heading(path) }).toEqual({ path, heading: null });
    }
  });

  async function spaceId(slug: string): Promise<string> {
    return (await t.gql(`query($s: String!) { space(slug: $s) { id } }`, { s: slug })).data.space
      .id;
  }
});
