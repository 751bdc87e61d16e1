import { GraphQLError } from 'graphql';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { TERMS_DOCUMENTS_QUERY } from '../../account/graphql/account';
import { SET_NEWSLETTER_SUBSCRIPTION_MUTATION } from '../../newsletters/graphql/newsletters';
import { REGISTER_MUTATION } from '../graphql/auth';
import { SignUpForm } from './SignUpForm';

const input = {
  name: 'Alice Martin',
  email: 'alice@example.org',
  password: 'correct horse battery',
  acceptedTermsVersion: 3,
  acceptedPrivacyVersion: 2,
};

const document = (kind: string, version: number) => ({
  __typename: 'TermsDocument',
  kind,
  version,
  title: kind,
  body: 'Texte',
  publishedAt: '2026-01-01T00:00:00.000Z',
});
/** The current versions the form sends with the sign-up. */
const termsMock = {
  request: { query: TERMS_DOCUMENTS_QUERY },
  result: { data: { termsDocuments: [document('PRIVACY', 2), document('TERMS', 3)] } },
};

/** `register` answering with the new user u1. */
const registered = {
  request: { query: REGISTER_MUTATION, variables: { input } },
  result: {
    data: {
      register: {
        __typename: 'AuthPayload',
        user: {
          __typename: 'User',
          id: 'u1',
          name: 'Alice Martin',
          email: 'alice@example.org',
          isAdmin: false,
        },
      },
    },
  },
};

async function fillAndSubmit(
  values: { name: string; email: string; password: string },
  { accept = true } = {},
) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Nom'), values.name);
  await user.type(screen.getByLabelText('Adresse e-mail'), values.email);
  await user.type(screen.getByLabelText('Mot de passe'), values.password);
  if (accept)
    await user.click(
      screen.getByRole('checkbox', {
        name: 'J’accepte les conditions d’utilisation et la politique de confidentialité',
      }),
    );
  await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
}

describe('<SignUpForm>', () => {
  it('labels its fields and shows the password rule from AccountRules as a hint', () => {
    renderWithProviders(<SignUpForm onSuccess={vi.fn()} />, { mocks: [termsMock] });
    expect(screen.getByLabelText('Nom')).toHaveAttribute('autocomplete', 'name');
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAttribute('type', 'email');
    const password = screen.getByLabelText('Mot de passe');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAccessibleDescription('Au moins 10 caractères, variés.');
    expect(screen.getByRole('button', { name: 'Créer mon compte' })).toBeEnabled();
  });

  it('pre-fills the address an invitation was sent to', () => {
    renderWithProviders(<SignUpForm onSuccess={vi.fn()} initialEmail="invitee@example.org" />, {
      mocks: [termsMock],
    });
    expect(screen.getByLabelText('Adresse e-mail')).toHaveValue('invitee@example.org');
  });

  it('refuses a short password before sending anything, with focus on the error summary', async () => {
    const onSuccess = vi.fn();
    const register = anyVariables(REGISTER_MUTATION, registered.result);
    renderWithProviders(<SignUpForm onSuccess={onSuccess} />, {
      mocks: [termsMock, register.mock],
    });
    await fillAndSubmit({ ...input, password: 'court' });
    const password = screen.getByLabelText('Mot de passe');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(
      expect.stringContaining('Le mot de passe doit comporter au moins 10 caractères.'),
    );
    const summary = screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(register.calls).not.toHaveBeenCalled();
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('shows each field the API refuses on that field, never its input keys', async () => {
    const register = anyVariables(
      REGISTER_MUTATION,
      refusedFields(['name', '100 caractères au plus.'], ['email', 'adresse e-mail invalide.']),
    );
    const { container } = renderWithProviders(<SignUpForm onSuccess={vi.fn()} />, {
      mocks: [termsMock, register.mock],
    });
    await fillAndSubmit(input);
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 2 erreurs' });
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Nom')).toHaveAccessibleDescription(
      expect.stringContaining('«\u00a0Nom\u00a0»\u00a0: 100 caractères au plus.'),
    );
    expect(screen.getByLabelText('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
    expect(container).not.toHaveTextContent(/name :|email :|Détails/);
  });

  it("shows the server's CONFLICT next to the e-mail field", async () => {
    const onSuccess = vi.fn();
    renderWithProviders(<SignUpForm onSuccess={onSuccess} />, {
      mocks: [
        termsMock,
        {
          request: { query: REGISTER_MUTATION, variables: { input } },
          result: {
            errors: [
              new GraphQLError('Un compte existe déjà avec cette adresse e-mail.', {
                extensions: { code: 'CONFLICT', field: 'email' },
              }),
            ],
          },
        },
      ],
    });
    await fillAndSubmit(input);
    const email = screen.getByLabelText('Adresse e-mail');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(
      expect.stringContaining('Un compte existe déjà avec cette adresse e-mail.'),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(screen.getByLabelText('Nom')).not.toHaveAttribute('aria-invalid');
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('puts a BAD_USER_INPUT next to the field named by extensions.field', async () => {
    renderWithProviders(<SignUpForm onSuccess={vi.fn()} />, {
      mocks: [
        termsMock,
        {
          request: { query: REGISTER_MUTATION, variables: { input } },
          result: {
            errors: [
              new GraphQLError('Nom refusé.', {
                extensions: { code: 'BAD_USER_INPUT', field: 'name' },
              }),
            ],
          },
        },
      ],
    });
    await fillAndSubmit(input);
    const name = screen.getByLabelText('Nom');
    await waitFor(() =>
      expect(name).toHaveAccessibleDescription(expect.stringContaining('Nom refusé.')),
    );
  });

  it('shows other refusals as a form-level alert', async () => {
    renderWithProviders(<SignUpForm onSuccess={vi.fn()} />, {
      mocks: [
        termsMock,
        {
          request: { query: REGISTER_MUTATION, variables: { input } },
          result: {
            errors: [
              new GraphQLError('Trop de tentatives, réessayez dans une minute.', {
                extensions: { code: 'TOO_MANY_REQUESTS' },
              }),
            ],
          },
        },
      ],
    });
    await fillAndSubmit(input);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Trop de tentatives, réessayez dans une minute.',
    );
  });

  it('calls onSuccess with the new user', async () => {
    const onSuccess = vi.fn();
    renderWithProviders(<SignUpForm onSuccess={onSuccess} />, {
      mocks: [termsMock, registered],
    });
    await fillAndSubmit(input);
    await waitFor(() =>
      expect(onSuccess).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'u1', name: 'Alice Martin' }),
      ),
    );
  });

  it('says so when the newsletter choice could not be saved after two tries, instead of losing it', async () => {
    const onSuccess = vi.fn();
    const refused = {
      request: {
        query: SET_NEWSLETTER_SUBSCRIPTION_MUTATION,
        variables: { subscribed: true, atSignUp: true },
      },
      result: { errors: [new GraphQLError('indisponible')] },
    };
    renderWithProviders(<SignUpForm onSuccess={onSuccess} />, {
      mocks: [termsMock, registered, refused, refused],
    });
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Je souhaite recevoir la lettre d’information (facultatif)',
      }),
    );
    await fillAndSubmit(input);
    await waitFor(() =>
      expect(onSuccess).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'u1' }),
        'Votre inscription à la lettre d’information n’a pas abouti\u00a0: cochez-la dans «\u00a0Notifications\u00a0».',
      ),
    );
  });

  it('requires accepting the terms and the privacy notice, with links to both, before sending anything', async () => {
    const onSuccess = vi.fn();
    renderWithProviders(<SignUpForm onSuccess={onSuccess} />, { mocks: [termsMock] });
    const checkbox = screen.getByRole('checkbox', {
      name: 'J’accepte les conditions d’utilisation et la politique de confidentialité',
    });
    expect(checkbox).toBeRequired();
    expect(
      screen.getByRole('link', { name: 'conditions d’utilisation (nouvel onglet)' }),
    ).toHaveAttribute('href', '/conditions');
    expect(
      screen.getByRole('link', { name: 'politique de confidentialité (nouvel onglet)' }),
    ).toHaveAttribute('href', '/confidentialite');
    await fillAndSubmit(input, { accept: false });
    expect(checkbox).toHaveAttribute('aria-invalid', 'true');
    expect(checkbox).toHaveAccessibleDescription(
      expect.stringContaining('Cochez la case pour accepter'),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
