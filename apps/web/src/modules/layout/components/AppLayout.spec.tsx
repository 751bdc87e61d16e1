import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../../App';
import { LANGUAGE_COOKIE, LANGUAGE_STORAGE_KEY } from '../../../i18n/i18n';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ADMINISTERED_SPACES_QUERY, ME_QUERY } from '../../auth/graphql/auth';
import { SURVEYS_QUERY } from '../../spaces/graphql/spaces';

const signedOut = { request: { query: ME_QUERY }, result: { data: { me: null } } };

function signedIn(isAdmin: boolean) {
  return {
    request: { query: ME_QUERY },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'u1',
          name: 'Alice Martin',
          email: 'alice@example.org',
          isAdmin,
        },
      },
    },
  };
}

describe('layout', () => {
  it('has a skip link, landmarks and the main navigation', async () => {
    renderWithProviders(<AppRoutes />, { mocks: [signedOut] });
    const skip = screen.getByRole('link', { name: 'Aller au contenu' });
    expect(skip).toHaveAttribute('href', '#contenu');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'contenu');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(
      within(screen.getByRole('contentinfo')).getByRole('link', { name: 'Données ouvertes' }),
    ).toHaveAttribute('href', '/open-data.zip');
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['Concertations', '/concertations'],
      ['Assemblées', '/assemblees'],
      ['Enquêtes', '/enquetes'],
      ['Agenda', '/agenda'],
    ]);
    expect(await screen.findByRole('link', { name: 'Connexion' })).toHaveAttribute(
      'href',
      '/connexion',
    );
    expect(screen.getByRole('link', { name: 'Inscription' })).toHaveAttribute(
      'href',
      '/inscription',
    );
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    // the home page is a lazy chunk: its title is set once it has rendered
    await waitFor(() => expect(document.title).toBe('Accueil · Concerto'));
  });

  it('marks the active section with aria-current', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/enquetes',
      mocks: [signedOut, { request: { query: SURVEYS_QUERY }, result: { data: { surveys: [] } } }],
    });
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Enquêtes' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Concertations' })).not.toHaveAttribute(
      'aria-current',
    );
    expect(await screen.findByText('Aucune enquête publiée pour le moment.')).toBeInTheDocument();
  });

  it('switches to English and back: labels, <html lang> and the stored choice', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { mocks: [signedOut] });
    expect(document.documentElement.lang).toBe('fr');

    await user.click(screen.getByRole('button', { name: 'English' }));

    // English is a chunk of its own: the interface switches once it has arrived
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Consultations', 'Assemblies', 'Surveys', 'Agenda']);
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    // the server sends the next page's first screen in the language of this cookie
    expect(document.cookie).toContain(`${LANGUAGE_COOKIE}=en`);
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument();
    const back = screen.getByRole('button', { name: 'Français' });
    expect(back).toHaveAttribute('lang', 'fr');

    await user.click(back);
    expect(
      within(screen.getByRole('navigation', { name: 'Navigation principale' })).getByRole('link', {
        name: 'Concertations',
      }),
    ).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(document.cookie).toContain(`${LANGUAGE_COOKIE}=fr`);
  });

  it("shows a signed-in admin's name, Administration and Se déconnecter", async () => {
    renderWithProviders(<AppRoutes />, { mocks: [signedIn(true)] });
    expect(await screen.findByText('Connecté·e : Alice Martin')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Administration' })).toHaveAttribute('href', '/admin');
    expect(screen.getByRole('button', { name: 'Se déconnecter' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Connexion' })).not.toBeInTheDocument();
  });

  it('shows Administration to a space admin, not to other participants', async () => {
    const spaces = (viewerCanAdminister: boolean) => ({
      request: { query: ADMINISTERED_SPACES_QUERY },
      result: {
        data: { spaces: [{ __typename: 'ParticipatorySpace', id: 's1', viewerCanAdminister }] },
      },
    });
    const first = renderWithProviders(<AppRoutes />, { mocks: [signedIn(false), spaces(true)] });
    expect(await screen.findByRole('link', { name: 'Administration' })).toBeInTheDocument();
    first.unmount();

    renderWithProviders(<AppRoutes />, { mocks: [signedIn(false), spaces(false)] });
    expect(await screen.findByRole('button', { name: 'Se déconnecter' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument(),
    );
  });

  it('opens the small-screen menu in a modal sheet (its own chunk) and gives focus back to « Menu » when it closes', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AppRoutes />, { mocks: [signedOut] });
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await user.click(button);
    const sheet = await screen.findByRole('dialog', { name: 'Menu du site' });
    await waitFor(() => expect(sheet.contains(document.activeElement)).toBe(true));
    expect(
      within(sheet).getByRole('navigation', { name: 'Navigation principale' }),
    ).toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'true');

    await user.click(within(sheet).getByRole('button', { name: 'Fermer le menu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(button));

    await user.click(button);
    await screen.findByRole('dialog', { name: 'Menu du site' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(button));
  });
});
