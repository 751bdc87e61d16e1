import { act, screen } from '@testing-library/react';
import axe from 'axe-core';
import { AppRoutes } from './App';
import { demoMocks, FIXTURE_SEED } from './test/fixtures';
import { renderWithProviders } from './test/renderWithProviders';

/**
 * axe-core on every page, rendered in jsdom. Colour contrast needs a layout engine, so it is
 * checked by the end-to-end run in a real browser, not here.
 */
async function expectNoViolations() {
  const results = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} → ${violation.nodes.map((node) => node.html).join(' | ')}`,
  );
  expect(summary).toEqual([]);
}

const pages: Array<[string, string, string, { signedIn?: boolean; isAdmin?: boolean }?]> = [
  ['/', 'Concerto', 'Accueil · Concerto'],
  ['/concertations', 'Concertations', 'Concertations · Concerto'],
  ['/assemblees', 'Assemblées', 'Assemblées · Concerto'],
  ['/enquetes', 'Enquêtes', 'Enquêtes · Concerto'],
  [
    '/espaces/structuration',
    'Structuration de la filière santé numérique',
    'Structuration de la filière santé numérique · Concerto',
  ],
  ['/espaces/assemblee', 'Assemblée de la filière', 'Assemblée de la filière · Concerto'],
  [
    '/espaces/structuration/f/c-text',
    'Charte martyre',
    'Charte martyre · Structuration de la filière santé numérique · Concerto',
  ],
  [
    '/espaces/structuration/f/c-prop',
    'Mesures',
    'Mesures · Structuration de la filière santé numérique · Concerto',
  ],
  [
    '/espaces/structuration/f/c-prop/propositions/pr1',
    'Guichet unique',
    'Guichet unique · Structuration de la filière santé numérique · Concerto',
  ],
  [
    '/espaces/structuration/f/c-prop/propositions/pr1',
    'Guichet unique',
    'Guichet unique · Structuration de la filière santé numérique · Concerto',
    { signedIn: false },
  ],
  [
    '/espaces/structuration/f/c-prop/moderation',
    'Modération\u00a0: Mesures',
    'Modération\u00a0: Mesures · Concerto',
  ],
  [
    '/espaces/structuration/f/c-survey',
    'Enquête 2021',
    'Enquête 2021 · Structuration de la filière santé numérique · Concerto',
  ],
  ['/espaces/assemblee/f/c-motions', 'Motions', 'Motions · Assemblée de la filière · Concerto'],
  [
    '/espaces/assemblee/f/c-motions',
    'Motions',
    'Motions · Assemblée de la filière · Concerto',
    { signedIn: false },
  ],
  [
    '/espaces/assemblee/proces-verbal',
    'Assemblée de la filière',
    'Procès-verbal · Assemblée de la filière · Concerto',
  ],
  [
    '/invitations/jeton-exemple',
    'Invitation à rejoindre une assemblée',
    'Invitation à rejoindre une assemblée · Concerto',
  ],
  [
    '/invitations/jeton-exemple',
    'Invitation à rejoindre une assemblée',
    'Invitation à rejoindre une assemblée · Concerto',
    { signedIn: false },
  ],
  ['/inscription', 'Inscription', 'Inscription · Concerto', { signedIn: false }],
  ['/connexion', 'Connexion', 'Connexion · Concerto', { signedIn: false }],
  ['/admin', 'Administration', 'Administration · Concerto'],
  [
    '/admin/espaces/structuration',
    'Administration\u00a0: Structuration de la filière santé numérique',
    'Administration\u00a0: Structuration de la filière santé numérique · Concerto',
  ],
  [
    '/admin/espaces/assemblee',
    'Administration\u00a0: Assemblée de la filière',
    'Administration\u00a0: Assemblée de la filière · Concerto',
  ],
  [
    '/admin',
    'Accès réservé aux administrateurs',
    'Accès réservé aux administrateurs · Concerto',
    { signedIn: false },
  ],
  ['/admin/journal', 'Journal des actions', 'Journal des actions · Concerto'],
  [
    '/admin/conditions',
    'Conditions et confidentialité',
    'Conditions et confidentialité · Concerto',
  ],
  [
    '/admin/administrateurs',
    'Administrateurs de l’organisation',
    'Administrateurs de l’organisation · Concerto',
  ],
  ['/admin/typologies', 'Typologies des membres', 'Typologies des membres · Concerto'],
  ['/membres/lea', 'Léa Fontaine', 'Léa Fontaine · Concerto'],
  ['/membres/lea', 'Léa Fontaine', 'Léa Fontaine · Concerto', { signedIn: false }],
  ['/chiffres-cles', 'Chiffres clés', 'Chiffres clés · Concerto'],
  ['/nulle-part', 'Page introuvable', 'Page introuvable · Concerto'],
];

describe('accessibility (axe-core)', () => {
  it.each(pages)(
    '%s has one <h1> "%s", its title and no violations',
    async (route, heading, title, options) => {
      sessionStorage.setItem('concerto.proposalSeed.c-prop', FIXTURE_SEED);
      renderWithProviders(<AppRoutes />, { route, mocks: demoMocks(options) });
      expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
      // Let the page's secondary queries (members, roles, lists) settle before auditing.
      await act(() => new Promise((resolve) => setTimeout(resolve, 80)));
      expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
      expect(document.title).toBe(title);
      expect(document.documentElement.lang).toBe('fr');
      await expectNoViolations();
    },
  );
});
