import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { PETITION_QUERY } from '../graphql/petitions';
import { axeViolations } from '../test/axe';
import { petition } from '../test/petition-fixtures';
import { PetitionSummaryPage } from './PetitionSummaryPage';

const route = '/espaces/filiere/f/c1/petitions/p1/synthese';
const path = 'espaces/:slug/f/:componentId/petitions/:petitionId/synthese';
const answered = petition({
  state: 'ANSWERED',
  viewerInCommittee: true,
  signaturesCount: 62,
  answer: '<p>La gouvernance <strong>retient</strong> la demande.</p>',
  answerUrl: '/espaces/filiere/f/c2/propositions/pr9',
  answeredAt: '2026-12-22T10:00:00.000Z',
});
const mock = (p: ReturnType<typeof petition>) => ({
  request: { query: PETITION_QUERY, variables: { id: 'p1' } },
  result: { data: { petition: p } },
});

describe('printable summary of a petition', () => {
  it('gives the committee the facts, the text and the answer as rich text, and prints', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderWithProviders(<PetitionSummaryPage />, { route, path, mocks: [mock(answered)] });
    expect(
      await screen.findByRole('heading', { level: 1, name: answered.title }),
    ).toBeInTheDocument();
    expect(document.title).toContain('Synthèse');
    expect(screen.getByText('62 signatures sur 50 (100 %)')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Réponse officielle' }),
    ).toBeInTheDocument();
    expect(screen.getByText('retient').tagName).toBe('STRONG'); // rendered, never raw markup
    expect(screen.getByRole('link', { name: 'Retour à la pétition' })).toHaveAttribute(
      'href',
      answered.link,
    );
    expect(await axeViolations(screen.getByRole('article'))).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Imprimer la synthèse' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('is reserved to the committee and the admins', async () => {
    renderWithProviders(<PetitionSummaryPage />, { route, path, mocks: [mock(petition())] });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Synthèse réservée' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Imprimer la synthèse' })).not.toBeInTheDocument();
  });
});
