import { i18n } from '../../i18n/i18n';
import { fetchInInterfaceLanguage } from './createApolloClient';

describe('GraphQL requests carry the interface language', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('fr');
  });

  it.each(['fr', 'en'])(
    'sends Accept-Language: %s when the interface is in that language, whatever the browser says',
    async (language) => {
      await i18n.changeLanguage(language);
      const seen: string[] = [];
      vi.stubGlobal('fetch', async (_input: RequestInfo | URL, init?: RequestInit) => {
        seen.push(new Headers(init?.headers).get('accept-language') ?? '');
        return new Response('{}');
      });
      await fetchInInterfaceLanguage('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'de-DE' },
      });
      expect(seen).toEqual([language]);
    },
  );
});
