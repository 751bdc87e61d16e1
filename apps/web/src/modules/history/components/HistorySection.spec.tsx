import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fixtureHistory } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  ARTICLE_HISTORY_QUERY,
  HISTORY_SIZE,
  MOTION_HISTORY_QUERY,
  PROPOSAL_HISTORY_QUERY,
} from '../graphql/history';
import { HistoryDetails, HistorySection } from './HistorySection';

describe('<HistorySection>', () => {
  it('lists a proposal’s public history, newest first, with translated actions, names and dates', async () => {
    renderWithProviders(<HistorySection kind="proposal" id="pr1" />, {
      mocks: [
        {
          request: { query: PROPOSAL_HISTORY_QUERY, variables: { id: 'pr1', first: HISTORY_SIZE } },
          result: {
            data: { proposal: { __typename: 'Proposal', id: 'pr1', history: fixtureHistory } },
          },
        },
      ],
    });
    const region = screen.getByRole('region', { name: 'Historique' });
    const items = await within(region).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Brouillon de réponse publié · par Marc Petit');
    expect(items[0]).toHaveTextContent('Réponse publiée : acceptée');
    expect(items[1]).toHaveTextContent('Création · par Lina Haddad');
    expect(within(items[1]).getByText((_, el) => el?.tagName === 'TIME')).toHaveAttribute(
      'datetime',
      '2026-03-01T09:30:00.000Z',
    );
  });

  it('says when an article has no public event yet, and labels amendments', async () => {
    const { unmount } = renderWithProviders(
      <HistorySection kind="article" id="a-1" headingLevel={4} />,
      {
        mocks: [
          {
            request: {
              query: ARTICLE_HISTORY_QUERY,
              variables: { id: 'a-1', first: HISTORY_SIZE },
            },
            result: { data: { articleHistory: [] } },
          },
        ],
      },
    );
    expect(screen.getByRole('heading', { level: 4, name: 'Historique' })).toBeInTheDocument();
    expect(await screen.findByText('Aucun événement public pour le moment.')).toBeInTheDocument();
    unmount();
    renderWithProviders(<HistorySection kind="article" id="a-2" />, {
      mocks: [
        {
          request: { query: ARTICLE_HISTORY_QUERY, variables: { id: 'a-2', first: HISTORY_SIZE } },
          result: {
            data: {
              articleHistory: [
                {
                  __typename: 'HistoryEntry',
                  id: '5',
                  action: 'accept',
                  resourceType: 'amendment',
                  actorName: null,
                  summary: 'Amendement accepté : version 2',
                  createdAt: '2026-03-01T09:30:00.000Z',
                },
              ],
            },
          },
        },
      ],
    });
    expect((await screen.findAllByRole('listitem'))[0]).toHaveTextContent(
      'Acceptation (Amendement) ·',
    );
  });

  it('loads a motion’s history only when its "Historique" is opened', async () => {
    const mock = {
      request: { query: MOTION_HISTORY_QUERY, variables: { id: 'm1', first: HISTORY_SIZE } },
      result: {
        data: {
          motion: {
            __typename: 'Motion',
            id: 'm1',
            history: [
              {
                __typename: 'HistoryEntry',
                id: '7',
                action: 'close',
                resourceType: 'motion',
                actorName: null,
                summary: 'Motion « Charte » close : adoptée',
                createdAt: '2026-03-01T09:30:00.000Z',
              },
            ],
          },
        },
      },
    };
    renderWithProviders(<HistoryDetails kind="motion" id="m1" />, { mocks: [mock] });
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
    await userEvent.click(screen.getByText('Historique'));
    expect(await screen.findByText('Motion « Charte » close : adoptée')).toBeInTheDocument();
  });

  it('says so when the history cannot be loaded', async () => {
    renderWithProviders(<HistorySection kind="proposal" id="pr9" />, {
      mocks: [
        {
          request: { query: PROPOSAL_HISTORY_QUERY, variables: { id: 'pr9', first: HISTORY_SIZE } },
          error: new Error('réseau'),
        },
      ],
    });
    expect(await screen.findByText('L’historique n’a pas pu être chargé.')).toBeInTheDocument();
  });
});
