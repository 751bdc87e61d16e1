import { screen, within } from '@testing-library/react';
import { demoMocks } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ProposalPage } from './ProposalPage';

const route = {
  route: '/espaces/structuration/f/c-prop/propositions/pr1',
  path: '/espaces/:slug/f/:componentId/propositions/:proposalId',
};

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
});
