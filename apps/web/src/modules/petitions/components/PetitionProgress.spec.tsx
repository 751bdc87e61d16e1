import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { PetitionProgress, PetitionStateBadge } from './PetitionProgress';

describe('<PetitionProgress>', () => {
  it('labels the bar with the count, the threshold and the percent, and tells the time left from the server clock', () => {
    renderWithProviders(
      <PetitionProgress
        petition={{
          id: 'p1',
          signaturesCount: 50,
          threshold: 200,
          state: 'PUBLISHED',
          endsAt: '2026-01-03T12:00:00Z',
          readAt: '2026-01-01T10:30:00Z',
        }}
      />,
    );
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAccessibleName('50 signatures sur 200 (25\u00a0%)');
    expect(bar).toHaveAttribute('value', '50');
    expect(screen.getByText(/^Encore 2.jours et 1.h$/)).toBeInTheDocument();
  });

  it('shows no time left once the collection is over, and the state in French', () => {
    renderWithProviders(
      <>
        <PetitionProgress
          petition={{
            id: 'p2',
            signaturesCount: 1,
            threshold: 1,
            state: 'ACCEPTED',
            endsAt: '2026-01-03T12:00:00Z',
            readAt: '2026-01-04T10:30:00Z',
          }}
        />
        <PetitionStateBadge state="ACCEPTED" />
      </>,
    );
    expect(screen.getByRole('progressbar')).toHaveAccessibleName('1 signature sur 1 (100\u00a0%)');
    expect(screen.queryByText(/Encore/)).not.toBeInTheDocument();
    expect(screen.getByText('Seuil atteint')).toBeInTheDocument();
  });
});
