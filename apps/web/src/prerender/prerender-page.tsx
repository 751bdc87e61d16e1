import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { Writable } from 'node:stream';
import { prerenderToNodeStream } from 'react-dom/static';
import { Observable } from 'rxjs';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppRoutes } from '../App';
import { DEFAULT_LANGUAGE, i18n, i18nReady, type Language } from '../i18n/i18n';
import { AppLayout } from '../modules/layout/components/AppLayout';
import { LiveConnectionProvider } from '../modules/notifications/live/LiveConnection';
import { Loading } from '../modules/ui/components/Loading';

/**
 * Build-time rendering of what a page shows before it has any data (run by
 * `prerender-plugin.ts` in Node, never shipped to browsers). The HTML page carries this markup, so
 * a phone paints the header, the footer and a page's fixed text (the home page's introduction, a
 * list's heading) as soon as the HTML and the stylesheet arrive, instead of after ≈ 580 KB of
 * JavaScript has been downloaded and run; React then renders the same tree over it.
 *
 * The render is the app itself (same components, same strings) with an Apollo client that
 * never answers: every query stays in its loading state, so nothing personal or changing is ever
 * baked into the build. React's `prerender` waits for the lazily loaded pages.
 *
 * @param path a route of the app (`/`, `/concertations`…), or `null` for the generic shell: the
 *   layout around « Chargement… », used for every path that has no prerendered page
 * @param heading with `path` null: the loading page's title (`<Loading page heading>`), e.g. a
 *   placeholder the server replaces with a space's or component's title
 * @param language the interface language of the render (French, the default, or English for the
 *   readers who chose it: the server picks by the language cookie)
 * @returns the HTML of `<div id="root">`'s content
 */
export async function prerenderPage(
  path: string | null,
  heading?: string,
  language: Language = DEFAULT_LANGUAGE,
): Promise<string> {
  await i18nReady;
  await i18n.changeLanguage(language);
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    // a link whose requests never end: every query renders its loading state
    link: new ApolloLink(() => new Observable(() => undefined)),
  });
  const tree = (
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <LiveConnectionProvider>
          <MemoryRouter initialEntries={[path ?? '/']}>
            {path === null ? (
              <Routes>
                <Route element={<AppLayout />}>
                  <Route path="*" element={<Loading page heading={heading} />} />
                </Route>
              </Routes>
            ) : (
              <AppRoutes />
            )}
          </MemoryRouter>
        </LiveConnectionProvider>
      </ApolloProvider>
    </I18nextProvider>
  );
  const { prelude } = await prerenderToNodeStream(tree);
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    prelude
      .pipe(
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk);
            done();
          },
        }),
      )
      .on('finish', resolve)
      .on('error', reject);
  });
  client.stop();
  return Buffer.concat(chunks).toString('utf8');
}
