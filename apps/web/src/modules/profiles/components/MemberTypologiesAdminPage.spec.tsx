import type { Typenamed } from '../../../test/typenamed';
import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ADMIN_SPACES_QUERY } from '../../admin/graphql/admin';
import { ME_QUERY } from '../../auth/graphql/auth';
import {
  CREATE_MEMBER_TYPOLOGY_MUTATION,
  MEMBER_TYPOLOGIES_QUERY,
  UPDATE_MEMBER_TYPOLOGY_MUTATION,
  type MemberTypology,
} from '../graphql/members';
import { MemberTypologiesAdminPage } from './MemberTypologiesAdminPage';

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
const typology = (
  key: string,
  label: string,
  position: number,
  archived = false,
): Typenamed<MemberTypology> => ({ __typename: 'MemberTypology', key, label, position, archived });
const list = (...typologies: Typenamed<MemberTypology>[]): MockLink.MockedResponse => ({
  request: { query: MEMBER_TYPOLOGIES_QUERY, variables: { includeArchived: true } },
  result: { data: { memberTypologies: typologies } },
});
const create = (
  label: string,
  result: MockLink.MockedResponse['result'],
): MockLink.MockedResponse => ({
  request: { query: CREATE_MEMBER_TYPOLOGY_MUTATION, variables: { input: { label } } },
  result,
});
const update = (
  key: string,
  input: Record<string, unknown>,
  result: MockLink.MockedResponse['result'],
): MockLink.MockedResponse => ({
  request: { query: UPDATE_MEMBER_TYPOLOGY_MUTATION, variables: { key, input } },
  result,
});

const HOSPITAL = typology('hospital', 'Établissement de santé', 1);
const SUPPLIER = typology('supplier', 'Industriel', 2);

/** A row button’s accessible name: the verb, then the label in « » (non-breaking spaces). */
const named = (verb: string, label: string) => new RegExp(`^${verb} «\\s${label}\\s»$`);

const rowLabels = () =>
  within(screen.getByRole('region', { name: 'Typologies, dans l’ordre' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.admin-row__title')?.textContent);

describe('<MemberTypologiesAdminPage> (/admin/typologies)', () => {
  it('lists the typologies in order and adds one at the end', async () => {
    const SOCIETY = typology('societe-savante', 'Société savante', 3);
    renderWithProviders(<MemberTypologiesAdminPage />, {
      mocks: [
        me(true),
        spaces,
        list(SUPPLIER, HOSPITAL),
        create('Société savante', { data: { createMemberTypology: SOCIETY } }),
        list(HOSPITAL, SUPPLIER, SOCIETY),
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Typologies des membres' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(rowLabels()).toEqual(['Établissement de santé', 'Industriel']));
    const user = userEvent.setup();
    const field = screen.getByLabelText('Libellé');
    await user.type(field, ' Société savante ');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(
      await screen.findByText(/Typologie «\s?Société savante\s?» ajoutée\./),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(rowLabels()).toEqual(['Établissement de santé', 'Industriel', 'Société savante']),
    );
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
  });

  it('refuses an empty or taken label on the field', async () => {
    renderWithProviders(<MemberTypologiesAdminPage />, {
      mocks: [
        me(true),
        spaces,
        list(HOSPITAL),
        create('Établissement de santé', {
          errors: [
            new GraphQLError('Une typologie porte déjà ce libellé.', {
              extensions: { code: 'CONFLICT', field: 'label' },
            }),
          ],
        }),
      ],
    });
    const field = await screen.findByLabelText('Libellé');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(
      await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Indiquez un libellé.'));
    await user.type(field, 'Établissement de santé');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(
      (await screen.findAllByText('Une typologie porte déjà ce libellé.')).length,
    ).toBeGreaterThan(0);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
  });

  it('sends nothing when the label fails its check, and shows a label the API refuses on the field', async () => {
    const created = anyVariables(
      CREATE_MEMBER_TYPOLOGY_MUTATION,
      refusedFields(['label', '120 caractères au plus.']),
    );
    renderWithProviders(<MemberTypologiesAdminPage />, {
      mocks: [me(true), spaces, list(HOSPITAL), created.mock],
    });
    const field = await screen.findByLabelText('Libellé');
    const user = userEvent.setup();
    await user.type(field, '   ');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(created.calls).not.toHaveBeenCalled();
    await user.type(field, 'Fournisseur');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        expect.stringContaining('«\u00a0Libellé\u00a0»\u00a0: 120 caractères au plus.'),
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(created.calls).toHaveBeenCalledTimes(1);
  });

  it('moves a typology down, keeping the focus on the button; « Monter » on the first one does nothing', async () => {
    renderWithProviders(<MemberTypologiesAdminPage />, {
      mocks: [
        me(true),
        spaces,
        list(HOSPITAL, SUPPLIER),
        update(
          'hospital',
          { position: 2 },
          { data: { updateMemberTypology: { ...HOSPITAL, position: 2 } } },
        ),
        list({ ...SUPPLIER, position: 1 }, { ...HOSPITAL, position: 2 }),
      ],
    });
    const user = userEvent.setup();
    const up = await screen.findByRole('button', {
      name: named('Monter', 'Établissement de santé'),
    });
    expect(up).toHaveAttribute('aria-disabled', 'true');
    await user.click(up);
    const down = screen.getByRole('button', { name: named('Descendre', 'Établissement de santé') });
    await user.click(down);
    expect(
      await screen.findByText(/«\s?Établissement de santé\s?» est maintenant en position 2\./),
    ).toBeInTheDocument();
    await waitFor(() => expect(rowLabels()).toEqual(['Industriel', 'Établissement de santé']));
    expect(down).toHaveFocus();
    expect(down).toHaveAttribute('aria-disabled', 'true');
  });

  it('renames, archives and restores', async () => {
    const renamed = { ...SUPPLIER, label: 'Industriel du numérique' };
    renderWithProviders(<MemberTypologiesAdminPage />, {
      mocks: [
        me(true),
        spaces,
        list(HOSPITAL, SUPPLIER),
        update(
          'supplier',
          { label: 'Industriel du numérique' },
          { data: { updateMemberTypology: renamed } },
        ),
        list(HOSPITAL, renamed),
        update(
          'supplier',
          { archived: true },
          { data: { updateMemberTypology: { ...renamed, archived: true } } },
        ),
        list(HOSPITAL, { ...renamed, archived: true }),
        update('supplier', { archived: false }, { data: { updateMemberTypology: renamed } }),
        list(HOSPITAL, renamed),
      ],
    });
    const user = userEvent.setup();
    const rename = await screen.findByRole('button', { name: named('Renommer', 'Industriel') });
    await user.click(rename);
    const field = screen.getByLabelText(/Nouveau libellé de «\s?Industriel\s?»/);
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Industriel du numérique');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText(/Typologie renommée en «\s?Industriel du numérique\s?»\./),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(rowLabels()).toEqual(['Établissement de santé', 'Industriel du numérique']),
    );
    expect(
      screen.getByRole('button', { name: named('Renommer', 'Industriel du numérique') }),
    ).toHaveFocus();

    const archive = screen.getByRole('button', {
      name: named('Archiver', 'Industriel du numérique'),
    });
    await user.click(archive);
    expect(await screen.findByText(/n’est plus proposée aux membres/)).toBeInTheDocument();
    expect(await screen.findByText('(archivée)')).toBeInTheDocument();
    expect(archive).toHaveAccessibleName(named('Restaurer', 'Industriel du numérique'));
    expect(archive).toHaveFocus();
    await user.click(archive);
    expect(await screen.findByText(/est de nouveau proposée aux membres/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('(archivée)')).not.toBeInTheDocument());
  });

  it('rename: an empty label is said on the field and nothing sent; a label the API refuses lands on it', async () => {
    const renamed = anyVariables(
      UPDATE_MEMBER_TYPOLOGY_MUTATION,
      refusedFields(['label', '120 caractères au plus.']),
    );
    renderWithProviders(<MemberTypologiesAdminPage />, {
      mocks: [me(true), spaces, list(HOSPITAL, SUPPLIER), renamed.mock],
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: named('Renommer', 'Industriel') }));
    const field = screen.getByLabelText(/Nouveau libellé de «\s?Industriel\s?»/);
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Indiquez un libellé.');
    expect(renamed.calls).not.toHaveBeenCalled();

    await user.type(field, 'Industriel du numérique');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        '«\u00a0Libellé\u00a0»\u00a0: 120 caractères au plus.',
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(renamed.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/label :|Détails/);
  });

  it('rename: a label another typology has is said on the field', async () => {
    renderWithProviders(<MemberTypologiesAdminPage />, {
      mocks: [
        me(true),
        spaces,
        list(HOSPITAL, SUPPLIER),
        update(
          'supplier',
          { label: 'Établissement de santé' },
          {
            errors: [
              new GraphQLError('Une typologie porte déjà ce libellé.', {
                extensions: { code: 'CONFLICT', field: 'label' },
              }),
            ],
          },
        ),
      ],
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: named('Renommer', 'Industriel') }));
    const field = screen.getByLabelText(/Nouveau libellé de «\s?Industriel\s?»/);
    await user.clear(field);
    await user.type(field, 'Établissement de santé');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription('Une typologie porte déjà ce libellé.'),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
  });

  it('is reserved to organization administrators', async () => {
    renderWithProviders(<MemberTypologiesAdminPage />, { mocks: [me(false), spaces] });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Libellé')).not.toBeInTheDocument();
  });
});
