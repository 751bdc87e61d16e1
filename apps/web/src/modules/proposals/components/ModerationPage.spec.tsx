import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppRoutes } from '../../../App';
import { demoMocks } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/renderWithProviders';

describe('<ModerationPage>', () => {
  it('shows the reporters’ « Précisions » of a reported item, folded, with reason and date, and no reporter', async () => {
    renderWithProviders(<AppRoutes />, {
      route: '/espaces/structuration/f/c-prop/moderation',
      mocks: demoMocks(),
    });
    const heading = await screen.findByRole('heading', { level: 3, name: /Commentaire cm1/ });
    const row = heading.closest('li')!;
    const summary = within(row).getByText('1 précision jointe au signalement');
    await userEvent.setup().click(summary);
    expect(
      within(row).getByText('Propos insultants envers une association de patients.'),
    ).toBeVisible();
    expect(within(row).getByText(/^Offensant, le /)).toBeInTheDocument();
    // an item whose reports carry no « Précisions » shows no disclosure
    const amendment = screen.getByRole('heading', { level: 3, name: /Un amendement signalé/ });
    expect(within(amendment.closest('li')!).queryByText(/précision/)).not.toBeInTheDocument();
  });
});
