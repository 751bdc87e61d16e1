import type { ApolloLink, InMemoryCache } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { i18n } from '../i18n/i18n';
import { createCache } from '../modules/apollo/createApolloClient';

export interface RenderOptions {
  /** Mocked GraphQL responses (Apollo's MockLink). */
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  /** A custom link instead of the mocks. */
  link?: ApolloLink;
  /** Initial URL. */
  route?: string;
  /** Route pattern the element is mounted at (for `useParams`); the element is rendered for every path otherwise. */
  path?: string;
  /** The Apollo cache (a fresh one of the app's shape by default), to seed it or read it after. */
  cache?: InMemoryCache;
}

/** Renders with i18n (French), a mocked Apollo client and an in-memory router. */
export function renderWithProviders(
  ui: ReactElement,
  { mocks = [], link, route = '/', path, cache = createCache() }: RenderOptions = {},
): RenderResult {
  return render(
    <I18nextProvider i18n={i18n}>
      <MockedProvider mocks={mocks} link={link} cache={cache}>
        <MemoryRouter initialEntries={[route]}>
          {path ? (
            <Routes>
              <Route path={path} element={ui} />
              <Route path="*" element={<p>Autre page</p>} />
            </Routes>
          ) : (
            ui
          )}
        </MemoryRouter>
      </MockedProvider>
    </I18nextProvider>,
  );
}
