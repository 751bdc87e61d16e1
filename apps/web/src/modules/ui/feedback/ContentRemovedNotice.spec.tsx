import { gql } from '@apollo/client';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { Link, MemoryRouter } from 'react-router';
import { i18n } from '../../../i18n/i18n';
import { contentRemovedStore } from '../../apollo/contentRemoved';
import { createApolloClient } from '../../apollo/createApolloClient';
import { ContentRemovedNotice } from './ContentRemovedNotice';

const SAVE = gql`
  mutation Save {
    save
  }
`;

function respondWith(body: unknown) {
  vi.stubGlobal(
    'fetch',
    async () =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
  );
}

function renderNotice() {
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>
        <ContentRemovedNotice />
        <Link to="/ailleurs">Ailleurs</Link>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe('ContentRemovedNotice', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    act(() => contentRemovedStore.dismiss());
  });

  it('tells the author what the server removed from a saved text, in a live region, until dismissed', async () => {
    renderNotice();
    respondWith({
      data: { save: true },
      extensions: {
        contentRemoved: {
          kinds: ['IMAGES', 'SCRIPTS', 'UNSAFE_LINKS'],
          unsafeLinks: 1,
          otherElements: [],
        },
      },
    });
    await act(() => createApolloClient().mutate({ mutation: SAVE }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(
      'Enregistré, mais sans les images, les scripts et un lien dont l’adresse n’est ni http, ni https, ni mailto (son texte est gardé) : Concerto ne les accepte pas dans un texte.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Fermer ce message' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('counts unsafe links in the plural and names other elements', async () => {
    renderNotice();
    act(() =>
      contentRemovedStore.report({
        kinds: ['UNSAFE_LINKS', 'OTHER'],
        unsafeLinks: 2,
        otherElements: ['marquee'],
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'sans 2 liens dont l’adresse n’est ni http, ni https, ni mailto (leur texte est gardé) et autres éléments (<marquee>)',
    );
  });

  it('says nothing after a response without the extension', async () => {
    renderNotice();
    respondWith({ data: { save: true } });
    await act(() => createApolloClient().mutate({ mutation: SAVE }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('keeps a report across the navigation a save triggers, and shows the next one after a dismissal', async () => {
    renderNotice();
    act(() => contentRemovedStore.report({ kinds: ['STYLES'], unsafeLinks: 0, otherElements: [] }));
    await userEvent.click(screen.getByRole('link', { name: 'Ailleurs' }));
    expect(screen.getByRole('status')).toHaveTextContent('les styles (couleurs, polices, tailles)');
    await userEvent.click(screen.getByRole('button', { name: 'Fermer ce message' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    act(() => contentRemovedStore.report({ kinds: ['IMAGES'], unsafeLinks: 0, otherElements: [] }));
    expect(screen.getByRole('status')).toHaveTextContent('les images');
  });

  it('gives focus back to where the author was when the report came', async () => {
    renderNotice();
    const link = screen.getByRole('link', { name: 'Ailleurs' });
    link.focus();
    act(() => contentRemovedStore.report({ kinds: ['TABLES'], unsafeLinks: 0, otherElements: [] }));
    await userEvent.click(screen.getByRole('button', { name: 'Fermer ce message' }));
    expect(link).toHaveFocus();
  });
});
