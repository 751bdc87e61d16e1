import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { Route, Routes } from 'react-router';
import { i18n } from '../../../i18n/i18n';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ADMIN_SPACES_QUERY } from '../../admin/graphql/admin';
import { ME_QUERY } from '../../auth/graphql/auth';
import {
  CREATE_NEWSLETTER_MUTATION,
  NEWSLETTER_EDITOR_QUERY,
  NEWSLETTERS_QUERY,
  SEND_NEWSLETTER_MUTATION,
  UPDATE_NEWSLETTER_MUTATION,
} from '../graphql/newsletters';
import { NewsletterEditorPage } from './NewsletterEditorPage';
import { NewslettersAdminPage } from './NewslettersAdminPage';
import { UnsubscribePage } from './UnsubscribePage';
import { typeRich } from '../../../test/rich-text';

const me = (isAdmin: boolean) => ({
  request: { query: ME_QUERY },
  result: {
    data: { me: { __typename: 'User', id: 'u1', name: 'Alice', email: 'a@example.org', isAdmin } },
  },
  maxUsageCount: 5,
});
const spaces = {
  request: { query: ADMIN_SPACES_QUERY },
  result: { data: { spaces: [] } },
  maxUsageCount: 5,
};
const newsletter = (status: 'DRAFT' | 'SENDING', progress: unknown = null) => ({
  __typename: 'Newsletter',
  id: 'n1',
  subject: 'Lettre de la filière',
  body: '<p>Bonjour.</p>',
  blocks: ['OPEN_PROCESSES'],
  audience: 'ALL',
  spaceIds: [],
  typologyKeys: [],
  status,
  isDemo: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  sendRequestedAt: status === 'DRAFT' ? null : '2026-12-01T11:00:00.000Z',
  completedAt: null,
  progress,
});
const editor = (n: ReturnType<typeof newsletter>, count: number) => ({
  request: { query: NEWSLETTER_EDITOR_QUERY, variables: { id: 'n1' } },
  result: {
    data: { newsletter: n, newsletterRecipientCount: count, spaces: [], memberTypologies: [] },
  },
});

describe('newsletters (web)', () => {
  it('lists newsletters to organization admins and names the empty subject before sending anything', async () => {
    const create = anyVariables(CREATE_NEWSLETTER_MUTATION, { data: null });
    renderWithProviders(<NewslettersAdminPage />, {
      mocks: [
        me(true),
        spaces,
        create.mock,
        {
          request: { query: NEWSLETTERS_QUERY },
          result: {
            data: {
              newsletters: [
                newsletter('SENDING', {
                  __typename: 'NewsletterProgress',
                  total: 3,
                  pending: 1,
                  sent: 2,
                  failed: 0,
                }),
              ],
            },
          },
        },
      ],
    });
    await screen.findByRole('heading', { level: 1, name: 'Lettres d’information' });
    expect(await screen.findByRole('link', { name: 'Lettre de la filière' })).toBeInTheDocument();
    expect(screen.getByText('Envoi en cours')).toBeInTheDocument();
    expect(screen.getByTestId('newsletter-progress').textContent).toBe(
      'Envoyées\u00a0: 2\u202f; en échec\u00a0: 0\u202f; en attente\u00a0: 1\u202f; total\u00a0: 3',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Créer le brouillon' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    const subject = screen.getByRole('textbox', { name: /Objet/ });
    expect(subject).toHaveAttribute('aria-invalid', 'true');
    expect(subject).toHaveAccessibleDescription('Renseignez le champ «\u00a0Objet\u00a0».');
    expect(create.calls).not.toHaveBeenCalled();
  });

  it('shows a subject the API refuses on its field, without the input key', async () => {
    const create = anyVariables(
      CREATE_NEWSLETTER_MUTATION,
      refusedFields(['subject', '200 caractères au plus.']),
    );
    renderWithProviders(<NewslettersAdminPage />, {
      mocks: [
        me(true),
        spaces,
        create.mock,
        { request: { query: NEWSLETTERS_QUERY }, result: { data: { newsletters: [] } } },
      ],
    });
    const user = userEvent.setup();
    const subject = await screen.findByRole('textbox', { name: /Objet/ });
    await user.type(subject, 'Lettre de décembre');
    await typeRich(user, /^Texte/, 'Bonjour.');
    await user.click(screen.getByRole('button', { name: 'Créer le brouillon' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(subject).toHaveAccessibleDescription(
      '«\u00a0Objet\u00a0»\u00a0: 200 caractères au plus.',
    );
    expect(create.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/subject :|Détails/);
  });

  it('the editor checks the audience before saving, and places a text the API refuses on its field', async () => {
    const update = anyVariables(
      UPDATE_NEWSLETTER_MUTATION,
      refusedFields(['body', '50000 caractères au plus.']),
    );
    renderWithProviders(
      <Routes>
        <Route path="/admin/lettres/:id" element={<NewsletterEditorPage />} />
      </Routes>,
      {
        route: '/admin/lettres/n1',
        mocks: [me(true), spaces, editor(newsletter('DRAFT'), 2), update.mock],
      },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Les abonnés de certains espaces' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Espaces' })).toHaveAccessibleDescription(
      '«\u00a0Espaces\u00a0»\u00a0: choisissez au moins un espace.',
    );
    expect(update.calls).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: 'Tous les membres inscrits' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le brouillon' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Texte/ })).toHaveAccessibleDescription(
        expect.stringContaining('«\u00a0Texte\u00a0»\u00a0: 50000 caractères au plus.'),
      ),
    );
    expect(update.calls).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
  });

  it('has English labels, and its landmarks keep distinct names in English', async () => {
    await i18n.changeLanguage('en');
    try {
      renderWithProviders(<NewslettersAdminPage />, {
        mocks: [
          me(true),
          spaces,
          {
            request: { query: NEWSLETTERS_QUERY },
            result: { data: { newsletters: [newsletter('DRAFT')] } },
          },
        ],
      });
      await screen.findByRole('heading', { level: 1, name: 'Newsletters' });
      expect(await screen.findByRole('link', { name: 'Lettre de la filière' })).toBeInTheDocument();
      expect(screen.getByRole('region', { name: 'All newsletters' })).toBeInTheDocument();
      const results = await axe.run(document, {
        rules: { 'color-contrast': { enabled: false } },
      });
      expect(results.violations.map((v) => v.id)).toEqual([]);
    } finally {
      await i18n.changeLanguage('fr');
    }
  });

  it('refuses the page to a participant', async () => {
    renderWithProviders(<NewslettersAdminPage />, { mocks: [me(false), spaces] });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
  });

  it('asks for confirmation with the recipient count before « Envoyer »', async () => {
    renderWithProviders(
      <Routes>
        <Route path="/admin/lettres/:id" element={<NewsletterEditorPage />} />
      </Routes>,
      {
        route: '/admin/lettres/n1',
        mocks: [
          me(true),
          spaces,
          editor(newsletter('DRAFT'), 2),
          {
            request: { query: SEND_NEWSLETTER_MUTATION, variables: { id: 'n1' } },
            result: {
              data: {
                sendNewsletter: newsletter('SENDING', {
                  __typename: 'NewsletterProgress',
                  total: 2,
                  pending: 2,
                  sent: 0,
                  failed: 0,
                }),
              },
            },
          },
          editor(
            newsletter('SENDING', {
              __typename: 'NewsletterProgress',
              total: 2,
              pending: 2,
              sent: 0,
              failed: 0,
            }),
            2,
          ),
        ],
      },
    );
    expect(await screen.findByText('2 destinataires à ce jour.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(
      within(dialog).getByText(
        'La lettre partira vers 2 destinataires. Elle ne pourra plus être modifiée.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Envoyer' }));
    expect(await screen.findByText('Envoi lancé : 2 destinataire(s).')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Envoi en cours')).toBeInTheDocument());
  });

  it('the unsubscribe page changes nothing until its button is pressed', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ unsubscribed: true }), { status: 200 });
    }) as typeof fetch;
    try {
      renderWithProviders(<UnsubscribePage />, {
        route: `/lettre/se-desinscrire?jeton=${'a'.repeat(64)}`,
      });
      await screen.findByRole('heading', {
        level: 1,
        name: 'Se désinscrire de la lettre d’information',
      });
      expect(calls).toEqual([]);
      await userEvent.click(screen.getByRole('button', { name: 'Confirmer la désinscription' }));
      expect(
        await screen.findByText('C’est fait : vous ne recevrez plus la lettre d’information.'),
      ).toBeInTheDocument();
      expect(calls).toHaveLength(1);
      expect(calls[0][0]).toBe(`/lettre/desinscription/${'a'.repeat(64)}`);
      expect(calls[0][1]?.method).toBe('POST');
    } finally {
      globalThis.fetch = original;
    }
  });
});
