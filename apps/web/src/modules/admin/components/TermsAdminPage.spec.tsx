import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { AppRoutes } from '../../../App';
import { i18n } from '../../../i18n/i18n';
import { fixtureTermsDocument } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { TERMS_DOCUMENTS_QUERY } from '../../account/graphql/account';
import { ME_QUERY } from '../../auth/graphql/auth';
import { ADMIN_SPACES_QUERY } from '../graphql/admin';
import { PUBLISH_TERMS_DOCUMENT_MUTATION } from '../graphql/terms';
import { TermsAdminPage } from './TermsAdminPage';

const me = (isAdmin: boolean) => ({
  request: { query: ME_QUERY },
  result: {
    data: { me: { __typename: 'User', id: 'u1', name: 'Alice', email: 'a@example.org', isAdmin } },
  },
  maxUsageCount: 5,
});
const spaces = (viewerCanAdminister: boolean) => ({
  request: { query: ADMIN_SPACES_QUERY },
  result: {
    data: {
      spaces: [
        {
          __typename: 'ParticipatorySpace',
          id: 's1',
          slug: 'espace',
          title: 'Espace',
          type: 'PROCESS',
          published: true,
          isDemo: false,
          viewerCanAdminister,
        },
      ],
    },
  },
  maxUsageCount: 5,
});
const TERMS_V1 = fixtureTermsDocument('TERMS', 1);
const PRIVACY_V1 = fixtureTermsDocument('PRIVACY', 1);
const TERMS_V2 = {
  ...fixtureTermsDocument('TERMS', 2),
  title: 'Conditions d’utilisation (2027)',
  body: 'Article premier.\n\nArticle deux.',
  publishedAt: '2026-11-29T20:30:00.000Z',
};
/** One answer of `termsDocuments`; the page asks at load, before publishing and after. */
const documents = (...docs: unknown[]): MockLink.MockedResponse => ({
  request: { query: TERMS_DOCUMENTS_QUERY },
  result: { data: { termsDocuments: docs } },
});
const publish = (
  input: { kind: string; title: string; body: string; expectedVersion?: number },
  result: MockLink.MockedResponse['result'],
): MockLink.MockedResponse => ({
  request: { query: PUBLISH_TERMS_DOCUMENT_MUTATION, variables: { input } },
  result,
});
const TERMS_V2_INPUT = {
  kind: 'TERMS',
  title: TERMS_V2.title,
  body: TERMS_V2.body,
  expectedVersion: 1,
};

/** The "Conditions d’utilisation" block of the page. */
async function termsSection() {
  return screen.findByRole('region', { name: 'Conditions d’utilisation' });
}

async function fillTermsV2(section: HTMLElement) {
  const user = userEvent.setup();
  const title = within(section).getByLabelText('Titre du document');
  const body = within(section).getByLabelText('Texte du document');
  await user.clear(title);
  await user.type(title, TERMS_V2.title);
  await user.clear(body);
  await user.type(body, 'Article premier.{Enter}{Enter}Article deux.');
  return user;
}

describe('<TermsAdminPage> (/admin/conditions)', () => {
  it('shows each document’s current version, date and title, and a prefilled form behind a warning', async () => {
    renderWithProviders(<TermsAdminPage />, {
      mocks: [me(true), spaces(true), documents(TERMS_V1, PRIVACY_V1)],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Conditions et confidentialité' }),
    ).toBeInTheDocument();
    const section = await termsSection();
    expect(
      within(section).getByRole('heading', { level: 3, name: 'Version en vigueur' }),
    ).toBeInTheDocument();
    expect(within(section).getByText('Version').nextElementSibling).toHaveTextContent('1');
    expect(within(section).getByText('Publiée le').nextElementSibling).toHaveTextContent(
      '1er janvier 2026 à 11:00',
    );
    expect(within(section).getByText('Titre').nextElementSibling).toHaveTextContent(
      'Conditions d’utilisation',
    );
    expect(
      within(section).getByRole('link', {
        name: 'Lire la version en vigueur — Conditions d’utilisation',
      }),
    ).toHaveAttribute('href', '/conditions');
    const form = within(section).getByRole('form', {
      name: 'Publier la version 2 Conditions d’utilisation',
    });
    expect(within(form).getByLabelText('Titre du document')).toHaveValue(
      'Conditions d’utilisation',
    );
    expect(within(form).getByLabelText('Texte du document')).toHaveValue(
      'Premier paragraphe.\n\nSecond paragraphe.',
    );
    expect(
      within(form).getByText(/chaque membre, vous compris, de l’accepter à sa prochaine visite/),
    ).toBeInTheDocument();
    const confirm = within(form).getByRole('checkbox', {
      name: /Je confirme la publication de la version 2/,
    });
    expect(confirm).not.toBeChecked();
    expect(confirm).toHaveAccessibleDescription(
      expect.stringContaining('Attention\u00a0: publier une nouvelle version'),
    );
    const privacy = screen.getByRole('region', { name: 'Politique de confidentialité' });
    expect(
      within(privacy).getByRole('link', { name: /Politique de confidentialité$/ }),
    ).toHaveAttribute('href', '/confidentialite');
    expect(
      within(privacy).getByRole('button', {
        name: 'Publier la version 2 — Politique de confidentialité',
      }),
    ).toBeEnabled();
  });

  it('asks for the confirmation first, then publishes version 2, focuses the message and shows the new version', async () => {
    renderWithProviders(<TermsAdminPage />, {
      mocks: [
        me(true),
        spaces(true),
        documents(TERMS_V1, PRIVACY_V1),
        documents(TERMS_V1, PRIVACY_V1), // the check just before publishing
        publish(TERMS_V2_INPUT, { data: { publishTermsDocument: TERMS_V2 } }),
        documents(TERMS_V2, PRIVACY_V1), // refetched after
      ],
    });
    const section = await termsSection();
    const user = await fillTermsV2(section);
    const confirm = within(section).getByRole('checkbox', { name: /Je confirme/ });
    await user.click(within(section).getByRole('button', { name: /^Publier la version 2/ }));
    expect(
      within(section).getByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(confirm).toHaveAttribute('aria-invalid', 'true');
    expect(confirm).toHaveAccessibleDescription(
      expect.stringContaining('Cochez la case pour confirmer la publication.'),
    );
    await user.click(confirm);
    await user.click(within(section).getByRole('button', { name: /^Publier la version 2/ }));
    const status = await within(section).findByRole('status');
    await waitFor(() =>
      expect(status).toHaveTextContent(
        'Version 2 publiée le 29 novembre 2026 à 21:30 : « Conditions d’utilisation (2027) ». Chaque membre devra l’accepter à sa prochaine visite.',
      ),
    );
    await waitFor(() => expect(status.parentElement).toHaveFocus());
    expect(within(section).getByText('Version').nextElementSibling).toHaveTextContent('2');
    expect(within(section).getByText('Titre').nextElementSibling).toHaveTextContent(
      'Conditions d’utilisation (2027)',
    );
    expect(
      within(section).getByRole('form', { name: 'Publier la version 3 Conditions d’utilisation' }),
    ).toBeInTheDocument();
    expect(
      within(section).getByRole('checkbox', { name: /Je confirme la publication de la version 3/ }),
    ).not.toBeChecked();
  });

  it('keeps the text and says so on CONFLICT (someone published at the same moment)', async () => {
    renderWithProviders(<TermsAdminPage />, {
      mocks: [
        me(true),
        spaces(true),
        documents(TERMS_V1, PRIVACY_V1),
        documents(TERMS_V1, PRIVACY_V1),
        publish(TERMS_V2_INPUT, {
          errors: [
            new GraphQLError('Une autre version vient d’être publiée.', {
              extensions: { code: 'CONFLICT' },
            }),
          ],
        }),
        documents({ ...TERMS_V2, title: 'Version de Bruno' }, PRIVACY_V1),
      ],
    });
    const section = await termsSection();
    const user = await fillTermsV2(section);
    await user.click(within(section).getByRole('checkbox', { name: /Je confirme/ }));
    await user.click(within(section).getByRole('button', { name: /^Publier la version 2/ }));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Une autre version vient d’être publiée au même moment. Rien n’a été enregistré',
    );
    await waitFor(() => expect(alert.parentElement).toHaveFocus());
    await within(section).findByRole('form', {
      name: 'Publier la version 3 Conditions d’utilisation',
    });
    expect(within(section).getByText('Titre').nextElementSibling).toHaveTextContent(
      'Version de Bruno',
    );
    expect(within(section).getByLabelText('Titre du document')).toHaveValue(TERMS_V2.title);
  });

  it('does not publish over a version published since the page was loaded', async () => {
    renderWithProviders(<TermsAdminPage />, {
      mocks: [
        me(true),
        spaces(true),
        documents(TERMS_V1, PRIVACY_V1),
        documents({ ...TERMS_V2, title: 'Version de Bruno' }, PRIVACY_V1),
      ],
    });
    const section = await termsSection();
    const user = await fillTermsV2(section);
    await user.click(within(section).getByRole('checkbox', { name: /Je confirme/ }));
    await user.click(within(section).getByRole('button', { name: /^Publier la version 2/ }));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('La version 2 a été publiée par quelqu’un d’autre');
    expect(alert).toHaveTextContent('comme version 3');
    await waitFor(() => expect(alert.parentElement).toHaveFocus());
    expect(within(section).getByText('Version').nextElementSibling).toHaveTextContent('2');
    expect(within(section).getByLabelText('Texte du document')).toHaveValue(TERMS_V2.body);
    expect(within(section).getByRole('checkbox', { name: /version 3/ })).not.toBeChecked();
  });

  it('shows the API’s BAD_USER_INPUT message', async () => {
    renderWithProviders(<TermsAdminPage />, {
      mocks: [
        me(true),
        spaces(true),
        documents(TERMS_V1, PRIVACY_V1),
        documents(TERMS_V1, PRIVACY_V1),
        publish(TERMS_V2_INPUT, {
          errors: [
            new GraphQLError('Le texte contient des caractères interdits.', {
              extensions: { code: 'BAD_USER_INPUT', field: 'body' },
            }),
          ],
        }),
      ],
    });
    const section = await termsSection();
    const user = await fillTermsV2(section);
    await user.click(within(section).getByRole('checkbox', { name: /Je confirme/ }));
    await user.click(within(section).getByRole('button', { name: /^Publier la version 2/ }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      'Le texte contient des caractères interdits.',
    );
    expect(
      within(section).getByRole('form', { name: 'Publier la version 2 Conditions d’utilisation' }),
    ).toBeInTheDocument();
  });

  it('sends nothing for an empty title or an unchanged text, with the error next to the field', async () => {
    const user = userEvent.setup();
    // no mutation mocked: sending one would fail the test with an unmatched request
    renderWithProviders(<TermsAdminPage />, {
      mocks: [me(true), spaces(true), documents(TERMS_V1, PRIVACY_V1)],
    });
    const section = await termsSection();
    await user.click(within(section).getByRole('checkbox', { name: /Je confirme/ }));
    await user.click(within(section).getByRole('button', { name: /^Publier la version 2/ }));
    const body = within(section).getByLabelText('Texte du document');
    const summary = within(section).getByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(body).toHaveAccessibleDescription(
      expect.stringContaining('identiques à la version en vigueur'),
    );
    const title = within(section).getByLabelText('Titre du document');
    await user.clear(title);
    await user.type(title, '   ');
    await user.click(within(section).getByRole('button', { name: /^Publier la version 2/ }));
    expect(
      within(section).getByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(title).toHaveAccessibleDescription(
      expect.stringContaining('Saisissez le titre du document.'),
    );
    // only the summary: nothing was sent, so no error of the API
    expect(within(section).getAllByRole('alert')).toHaveLength(1);
  });

  it('has English labels', async () => {
    await i18n.changeLanguage('en');
    try {
      renderWithProviders(<TermsAdminPage />, {
        mocks: [me(true), spaces(true), documents(TERMS_V1, PRIVACY_V1)],
      });
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Terms and privacy' }),
      ).toBeInTheDocument();
      const section = await screen.findByRole('region', { name: 'Terms of use' });
      expect(within(section).getByLabelText('Document title')).toHaveValue(
        'Conditions d’utilisation',
      );
      expect(
        within(section).getByRole('checkbox', { name: /I confirm the publication of version 2/ }),
      ).toBeInTheDocument();
      expect(
        within(section).getByText(/asks every member, you included, to accept it/),
      ).toBeInTheDocument();
      expect(
        within(section).getByRole('button', { name: 'Publish version 2 — Terms of use' }),
      ).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage('fr');
    }
  });

  it('is reserved to organization admins: a space admin and a visitor get "Accès réservé"', async () => {
    const { unmount } = renderWithProviders(<TermsAdminPage />, {
      mocks: [me(false), spaces(true)],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<TermsAdminPage />, {
      mocks: [{ request: { query: ME_QUERY }, result: { data: { me: null } } }],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
  });

  it('is linked from the admin home for organization admins only', async () => {
    const { unmount } = renderWithProviders(<AppRoutes />, {
      route: '/admin',
      mocks: [me(true), spaces(true)],
    });
    expect(
      await screen.findByRole('link', { name: 'Conditions et confidentialité' }),
    ).toHaveAttribute('href', '/admin/conditions');
    unmount();
    renderWithProviders(<AppRoutes />, { route: '/admin', mocks: [me(false), spaces(true)] });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Administration' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Conditions et confidentialité' }),
    ).not.toBeInTheDocument();
  });
});
