import type { MockLink } from '@apollo/client/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import { PETITIONS_QUERY, type PetitionFilter } from '../graphql/petitions';
import { PetitionList } from './PetitionList';

function petitions(filter: PetitionFilter): MockLink.MockedResponse {
  return {
    request: { query: PETITIONS_QUERY, variables: { componentId: 'c1', filter } },
    result: { data: { petitions: [] } },
  };
}

function Address() {
  return <output data-testid="address">{useLocation().search}</output>;
}

function render(route: string, mocks: MockLink.MockedResponse[]) {
  return renderWithProviders(
    <>
      <PetitionList componentId="c1" />
      <Address />
    </>,
    {
      route,
      mocks: [
        { request: { query: ME_QUERY }, result: { data: { me: null } }, maxUsageCount: 10 },
        ...mocks,
      ],
    },
  );
}

describe('<PetitionList> filters and order in the address', () => {
  it('reads the filter and the order from the address and writes the next choice there', async () => {
    render('/?filtre=acceptees&tri=recentes', [petitions('ACCEPTED'), petitions('ANSWERED')]);
    expect(
      await screen.findByText('Aucune pétition n’a encore atteint son seuil de signatures.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Acceptées' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('combobox', { name: 'Trier par' })).toHaveValue('RECENT');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Répondues' }));
    expect(
      await screen.findByText('Aucune pétition n’a encore reçu de réponse officielle.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('?filtre=repondues&tri=recentes');
  });

  it('shows a visitor the open petitions for a personal filter or an unknown value', async () => {
    render('/?filtre=miennes&tri=nimporte', [petitions('OPEN')]);
    expect(
      await screen.findByText('Aucune pétition n’est ouverte aux signatures pour le moment.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ouvertes' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('combobox', { name: 'Trier par' })).toHaveValue('SIGNATURES');
  });
});
