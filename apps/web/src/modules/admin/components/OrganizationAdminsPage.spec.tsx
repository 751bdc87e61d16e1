import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { anyVariables } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import { ADMIN_SPACES_QUERY } from '../graphql/admin';
import {
  APPOINT_ORGANIZATION_ADMIN_MUTATION,
  ORGANIZATION_ADMINS_QUERY,
  REVOKE_ORGANIZATION_ADMIN_MUTATION,
} from '../graphql/organizationAdmins';
import { OrganizationAdminsPage } from './OrganizationAdminsPage';

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
const ALICE = {
  __typename: 'OrganizationAdmin',
  id: 'u1',
  name: 'Alice',
  email: 'a@example.org',
  appointedAt: null,
};
const BRUNO = {
  __typename: 'OrganizationAdmin',
  id: 'u2',
  name: 'Bruno',
  email: 'bruno@example.org',
  appointedAt: '2026-11-29T20:30:00.000Z',
};
const list = (...admins: unknown[]): MockLink.MockedResponse => ({
  request: { query: ORGANIZATION_ADMINS_QUERY },
  result: { data: { organizationAdmins: admins } },
});
const appoint = (
  email: string,
  result: MockLink.MockedResponse['result'],
): MockLink.MockedResponse => ({
  request: { query: APPOINT_ORGANIZATION_ADMIN_MUTATION, variables: { email } },
  result,
});
const revoke = (
  userId: string,
  result: MockLink.MockedResponse['result'],
): MockLink.MockedResponse => ({
  request: { query: REVOKE_ORGANIZATION_ADMIN_MUTATION, variables: { userId } },
  result,
});
const failure = (code: string, reason?: string) => ({
  errors: [new GraphQLError('refusé', { extensions: { code, ...(reason ? { reason } : {}) } })],
});

describe('<OrganizationAdminsPage> (/admin/administrateurs)', () => {
  it('lists the administrators and appoints one by e-mail', async () => {
    renderWithProviders(<OrganizationAdminsPage />, {
      mocks: [
        me(true),
        spaces,
        list(ALICE),
        appoint('bruno@example.org', { data: { appointOrganizationAdmin: BRUNO } }),
        list(ALICE, BRUNO),
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Administrateurs de l’organisation' }),
    ).toBeInTheDocument();
    const current = screen.getByRole('region', { name: 'Administrateurs actuels' });
    expect(await within(current).findByText(/a@example\.org/)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('E-mail du compte'), ' bruno@example.org ');
    await user.click(screen.getByRole('button', { name: 'Nommer' }));
    expect(
      await screen.findByText('Bruno est maintenant administrateur de l’organisation.'),
    ).toBeInTheDocument();
    expect(await within(current).findByText(/bruno@example\.org/)).toBeInTheDocument();
    expect(screen.getByLabelText('E-mail du compte')).toHaveValue('');
  });

  it('says when no live account has the e-mail (NOT_FOUND) or it is already an administrator (CONFLICT), on the field', async () => {
    renderWithProviders(<OrganizationAdminsPage />, {
      mocks: [
        me(true),
        spaces,
        list(ALICE),
        appoint('inconnu@example.org', failure('NOT_FOUND')),
        appoint('a@example.org', failure('CONFLICT')),
      ],
    });
    const field = await screen.findByLabelText('E-mail du compte');
    const user = userEvent.setup();
    await user.type(field, 'inconnu@example.org');
    await user.click(screen.getByRole('button', { name: 'Nommer' }));
    expect(
      await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Aucun compte actif n’utilise cette adresse e-mail.'),
    );
    await user.clear(field);
    await user.type(field, 'a@example.org');
    await user.click(screen.getByRole('button', { name: 'Nommer' }));
    expect(
      (await screen.findAllByText('Ce compte est déjà administrateur de l’organisation.')).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
  });

  it('checks the address before sending: on the field, focus on the summary, nothing sent', async () => {
    const appointed = anyVariables(APPOINT_ORGANIZATION_ADMIN_MUTATION, {
      data: { appointOrganizationAdmin: BRUNO },
    });
    renderWithProviders(<OrganizationAdminsPage />, {
      mocks: [me(true), spaces, list(ALICE), appointed.mock],
    });
    const field = await screen.findByLabelText('E-mail du compte');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Nommer' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Renseignez le champ «\u00a0E-mail du compte\u00a0».'),
    );
    await user.type(field, 'bruno');
    await user.click(screen.getByRole('button', { name: 'Nommer' }));
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('saisissez une adresse e-mail valide'),
    );
    expect(appointed.calls).not.toHaveBeenCalled();
  });

  it('removes an administrator after confirmation, and explains LAST_ADMIN', async () => {
    renderWithProviders(<OrganizationAdminsPage />, {
      mocks: [
        me(true),
        spaces,
        list(ALICE, BRUNO),
        revoke('u2', { data: { revokeOrganizationAdmin: true } }),
        list(ALICE),
        revoke('u1', failure('CONFLICT', 'LAST_ADMIN')),
      ],
    });
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Retirer les droits d’administrateur de Bruno' }),
    );
    await user.click(screen.getByRole('button', { name: /Confirmer/ }));
    expect(
      await screen.findByText('Bruno n’est plus administrateur de l’organisation.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/bruno@example\.org/)).not.toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Retirer les droits d’administrateur de Alice' }),
    );
    await user.click(screen.getByRole('button', { name: /Confirmer/ }));
    expect(
      await screen.findByText(
        'Impossible de retirer le dernier administrateur : nommez-en un autre d’abord.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/a@example\.org/)).toBeInTheDocument();
  });

  it('is reserved to organization administrators', async () => {
    renderWithProviders(<OrganizationAdminsPage />, { mocks: [me(false), spaces] });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('E-mail du compte')).not.toBeInTheDocument();
  });
});
