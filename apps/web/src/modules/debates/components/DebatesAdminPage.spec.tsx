import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import { COMPONENT_QUERY } from '../../components/graphql/components';
import {
  ADD_DEBATE_STATEMENT_MUTATION,
  CREATE_DEBATE_MUTATION,
  DEBATES_ADMIN_SPACE_QUERY,
  DEBATES_QUERY,
  MODERATE_DEBATE_STATEMENT_MUTATION,
  PENDING_DEBATE_STATEMENTS_QUERY,
} from '../graphql/debates';
import { DebatesAdminPage } from './DebatesAdminPage';

const me = {
  __typename: 'User',
  id: 'u1',
  name: 'Admin',
  email: 'admin@example.org',
  isAdmin: true,
};
const space = {
  __typename: 'ParticipatorySpace',
  id: 's1',
  slug: 'structuration',
  title: 'Structuration de la filière',
  viewerCanAdminister: true,
};
const component = {
  __typename: 'Component',
  id: 'c1',
  title: 'Débat',
  description: '',
  type: 'DEBATE',
  spaceId: 's1',
  published: true,
};
const debate = {
  __typename: 'Debate',
  id: 'd1',
  componentId: 'c1',
  spaceId: 's1',
  link: '/espaces/structuration/f/c1/debats/d1',
  title: 'Quelle priorité pour la filière\u202f?',
  description: '',
  closedAt: null,
  statementsCount: 3,
  participantsCount: 5,
  isDemo: false,
  participantStatements: true,
  statementsModerated: true,
  viewerVotesCount: 0,
  viewerCanModerate: true,
};
const pending = {
  __typename: 'DebateStatement',
  id: 'st9',
  body: 'Une affirmation à relire.',
  state: 'PENDING',
  hidden: false,
  votesCount: 0,
  viewerIsAuthor: false,
  viewerVote: null,
};

describe('<DebatesAdminPage>', () => {
  it('lists the debates, publishes a pending statement, and refuses a blank topic in the field; axe finds nothing', async () => {
    renderWithProviders(
      <main>
        <DebatesAdminPage />
      </main>,
      {
        route: '/admin/espaces/structuration/debats/c1',
        path: '/admin/espaces/:slug/debats/:componentId',
        mocks: [
          { request: { query: ME_QUERY }, result: { data: { me } } },
          {
            request: { query: DEBATES_ADMIN_SPACE_QUERY, variables: { slug: 'structuration' } },
            result: { data: { space } },
          },
          {
            request: { query: COMPONENT_QUERY, variables: { id: 'c1' } },
            result: { data: { component } },
          },
          {
            request: { query: DEBATES_QUERY, variables: { componentId: 'c1' } },
            result: { data: { debates: [debate] } },
            maxUsageCount: 3,
          },
          {
            request: { query: PENDING_DEBATE_STATEMENTS_QUERY, variables: { debateId: 'd1' } },
            result: { data: { debateStatements: [pending] } },
          },
          {
            request: {
              query: MODERATE_DEBATE_STATEMENT_MUTATION,
              variables: { id: 'st9', publish: true },
            },
            result: { data: { moderateDebateStatement: { ...pending, state: 'PUBLISHED' } } },
          },
          {
            request: { query: PENDING_DEBATE_STATEMENTS_QUERY, variables: { debateId: 'd1' } },
            result: { data: { debateStatements: [] } },
          },
        ],
      },
    );
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Débats\u00a0: Débat' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    const row = screen.getByRole('heading', { level: 3, name: debate.title }).closest('section')!;
    await within(row).findByText('1 affirmation à relire', {}, { timeout: 5000 });
    await userEvent.click(
      within(row).getByRole('button', { name: /^Publier Une affirmation à relire/ }),
    );
    expect(
      await within(row).findByText('Affirmation publiée.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();

    const topic = screen.getByRole('textbox', { name: 'Sujet du débat' });
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir le débat' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(topic).toHaveAttribute('aria-invalid', 'true');
    expect(topic).toHaveAccessibleDescription(
      expect.stringContaining('Renseignez le champ «\u00a0Sujet du débat\u00a0».'),
    );
    const results = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });

  it('sends nothing when a topic or a seed statement fails its check, and shows a topic the API refuses on its field', async () => {
    const create = anyVariables(
      CREATE_DEBATE_MUTATION,
      refusedFields(['title', '150 caractères au plus.']),
    );
    const seed = anyVariables(ADD_DEBATE_STATEMENT_MUTATION, { data: null });
    renderWithProviders(<DebatesAdminPage />, {
      route: '/admin/espaces/structuration/debats/c1',
      path: '/admin/espaces/:slug/debats/:componentId',
      mocks: [
        { request: { query: ME_QUERY }, result: { data: { me } } },
        {
          request: { query: DEBATES_ADMIN_SPACE_QUERY, variables: { slug: 'structuration' } },
          result: { data: { space } },
        },
        {
          request: { query: COMPONENT_QUERY, variables: { id: 'c1' } },
          result: { data: { component } },
        },
        {
          request: { query: DEBATES_QUERY, variables: { componentId: 'c1' } },
          result: { data: { debates: [debate] } },
          maxUsageCount: 3,
        },
        {
          request: { query: PENDING_DEBATE_STATEMENTS_QUERY, variables: { debateId: 'd1' } },
          result: { data: { debateStatements: [] } },
          maxUsageCount: 3,
        },
        create.mock,
        seed.mock,
      ],
    });
    const user = userEvent.setup();
    const row = await screen.findByRole(
      'form',
      {
        name: `Ajouter une affirmation au débat «\u00a0${debate.title}\u00a0»`,
      },
      { timeout: 5000 },
    );
    await user.click(within(row).getByRole('button', { name: 'Ajouter l’affirmation' }));
    const seedSummary = within(row).getByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(seedSummary).toHaveFocus();
    expect(
      within(row).getByRole('textbox', { name: 'Nouvelle affirmation des organisateurs' }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(seed.calls).not.toHaveBeenCalled();

    const topic = screen.getByRole('textbox', { name: 'Sujet du débat' });
    await user.type(topic, 'Ab');
    await user.click(screen.getByRole('button', { name: 'Ouvrir le débat' }));
    expect(topic).toHaveAccessibleDescription(
      expect.stringContaining('«\u00a0Sujet du débat\u00a0»\u00a0: de 3 à 150 caractères.'),
    );
    expect(create.calls).not.toHaveBeenCalled();

    await user.type(topic, 'c');
    await user.click(screen.getByRole('button', { name: 'Ouvrir le débat' }));
    await waitFor(() =>
      expect(topic).toHaveAccessibleDescription(
        expect.stringContaining('«\u00a0Sujet du débat\u00a0»\u00a0: 150 caractères au plus.'),
      ),
    );
    expect(create.calls).toHaveBeenCalledTimes(1);
    expect(
      screen
        .getAllByRole('alert', { name: 'Le formulaire contient 1 erreur' })
        .some((alert) => alert === document.activeElement),
    ).toBe(true);
    expect(document.body).not.toHaveTextContent(/title :|Détails/);
  });
});
