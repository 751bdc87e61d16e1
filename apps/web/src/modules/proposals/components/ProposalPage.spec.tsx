import { screen, within } from '@testing-library/react';
import { i18n } from '../../../i18n/i18n';
import { demoMocks } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ProposalPage } from './ProposalPage';

const route = {
  route: '/espaces/structuration/f/c-prop/propositions/pr1',
  path: '/espaces/:slug/f/:componentId/propositions/:proposalId',
};

/** The language an element is read in: its own `lang` or its nearest ancestor's. */
const langOf = (element: Element | null) => element?.closest('[lang]')?.getAttribute('lang');

describe('<ProposalPage>', () => {
  it('shows the title, reference, state, official answer, supports toward the threshold, supporters and the comment threads', async () => {
    renderWithProviders(<ProposalPage />, { ...route, mocks: demoMocks() });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Guichet unique' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Proposition 4.3-1')).toBeInTheDocument();
    const answer = screen.getByRole('region', { name: 'Réponse officielle' });
    expect(answer).toHaveTextContent('Retenue par le comité.');
    expect(answer).not.toHaveTextContent('Brouillon non publié');
    const supports = screen.getByRole('region', { name: 'Soutiens' });
    expect(
      within(supports).getByRole('progressbar', { name: '2 soutiens sur 3 nécessaires' }),
    ).toBeInTheDocument();
    expect(within(supports).getByText('Il vous reste 4 soutiens sur 5.')).toBeInTheDocument();
    expect(within(supports).getByRole('button', { name: 'Soutenir' })).toBeEnabled();
    expect(await within(supports).findByText(/Lina/)).toBeInTheDocument();
    const comments = screen.getByRole('region', { name: 'Commentaires' });
    expect(await within(comments).findByText('Commentaire cm1')).toBeInTheDocument();
    expect(within(comments).getByText('Pour', { selector: '.badge' })).toHaveClass('badge--for');
    expect(
      within(comments).getByText('Commentaire cm2').closest('ul')?.closest('li'),
    ).toHaveTextContent('Commentaire cm1');
    expect(within(comments).getAllByRole('button', { name: /^Répondre/ })).toHaveLength(2);
    expect(within(comments).getAllByRole('button', { name: /^Signaler/ })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Suivre' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Signaler : Guichet unique' })).toBeInTheDocument();
    // the signed-in admin moderates: the answer form is on the page
    expect(
      screen.getByRole('form', { name: 'Répondre à la proposition : Guichet unique' }),
    ).toBeInTheDocument();
  });

  it('invites visitors to sign in instead of supporting, following, reporting or commenting', async () => {
    renderWithProviders(<ProposalPage />, { ...route, mocks: demoMocks({ signedIn: false }) });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Guichet unique' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Connectez-vous pour soutenir cette proposition.' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Connectez-vous pour commenter.' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Suivre' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Signaler/ })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: /Répondre à la proposition/ }),
    ).not.toBeInTheDocument();
  });

  it('in English, marks the French title, text, answer and comments lang="fr", not the interface around them', async () => {
    await i18n.changeLanguage('en');
    try {
      const { unmount } = renderWithProviders(<ProposalPage />, { ...route, mocks: demoMocks() });
      const title = await screen.findByRole('heading', { level: 1, name: 'Guichet unique' });
      expect(title).toHaveAttribute('lang', 'fr');
      const crumb = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
      expect(crumb.getByText('Guichet unique')).toHaveAttribute('lang', 'fr');
      expect(document.querySelector('.proposal-page__body')).toHaveAttribute('lang', 'fr');
      const answer = screen.getByRole('region', { name: 'Official answer' });
      expect(langOf(within(answer).getByText('Retenue par le comité.'))).toBe('fr');
      // the interface strings around the content follow <html lang>
      expect(langOf(screen.getByText('Proposal 4.3-1'))).toBe('en');
      expect(langOf(within(answer).getByRole('heading'))).toBe('en');
      const supports = screen.getByRole('region', { name: 'Supports' });
      expect(langOf(within(supports).getByRole('button', { name: 'Support' }))).toBe('en');
      // a comment: its text in French, its author line and buttons in English
      const comments = screen.getByRole('region', { name: 'Comments' });
      const comment = await within(comments).findByText('Commentaire cm1');
      expect(langOf(comment)).toBe('fr');
      const reply = within(comments).getAllByRole('button', { name: /^Reply/ })[0];
      expect(langOf(reply)).toBe('en');
      // « Report: <title> »: the title alone is French
      const report = screen.getByRole('button', { name: 'Report : Guichet unique' });
      expect(langOf(report)).toBe('en');
      expect(within(report).getByText('Guichet unique')).toHaveAttribute('lang', 'fr');
      unmount();
    } finally {
      await i18n.changeLanguage('fr');
    }
  });
});
