import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axeViolations } from '../../petitions/test/axe';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { ME_QUERY } from '../../auth/graphql/auth';
import {
  CREATE_PETITION_TYPE_MUTATION,
  PETITION_SPACES_QUERY,
  PETITION_TYPES_QUERY,
  PETITION_TYPOLOGIES_QUERY,
  UPDATE_PETITION_TYPE_MUTATION,
} from '../../petitions/graphql/petitions';
import { petitionType } from '../../petitions/test/petition-fixtures';
import { ADMIN_SPACES_QUERY } from '../graphql/admin';
import { PetitionTypesAdminPage } from './PetitionTypesAdminPage';

const me = (isAdmin: boolean) => ({
  request: { query: ME_QUERY },
  result: {
    data: { me: { __typename: 'User', id: 'u1', name: 'Alice', email: 'a@example.org', isAdmin } },
  },
});
const adminSpaces = {
  request: { query: ADMIN_SPACES_QUERY },
  result: {
    data: {
      spaces: [
        {
          __typename: 'ParticipatorySpace',
          id: 's1',
          slug: 'filiere',
          title: 'Filière',
          type: 'PROCESS',
          published: true,
          isDemo: false,
          viewerCanAdminister: true,
        },
      ],
    },
  },
};
const petitionSpaces = {
  request: { query: PETITION_SPACES_QUERY },
  result: {
    data: {
      spaces: [
        {
          __typename: 'ParticipatorySpace',
          id: 's1',
          slug: 'filiere',
          title: 'Concertation de la filière',
          components: [
            { __typename: 'Component', id: 'c1', title: 'Pétitions', type: 'PETITIONS' },
            { __typename: 'Component', id: 'c2', title: 'Propositions', type: 'PROPOSALS' },
          ],
        },
      ],
    },
  },
};
const typologies = {
  request: { query: PETITION_TYPOLOGIES_QUERY },
  result: {
    data: {
      memberTypologies: [
        { __typename: 'MemberTypology', key: 'hospital', label: 'Hôpital', archived: false },
        {
          __typename: 'MemberTypology',
          key: 'vendor',
          label: 'Entreprise fournisseur de e-santé',
          archived: false,
        },
      ],
    },
  },
  maxUsageCount: 5,
};
const existing = petitionType({ id: 't1', title: 'Saisine de la gouvernance' });
const types = (list: ReturnType<typeof petitionType>[]) => ({
  request: { query: PETITION_TYPES_QUERY, variables: { componentId: 'c1' } },
  result: { data: { petitionTypes: list } },
});

describe('/admin/petitions/types', () => {
  it('is reserved to organization admins', async () => {
    renderWithProviders(<PetitionTypesAdminPage />, { mocks: [me(false), adminSpaces] });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
  });

  it('lists the types of each PETITIONS component; editing restricts signers to typologies, then the focus returns to « Modifier »', async () => {
    const user = userEvent.setup();
    const edited = {
      ...existing,
      threshold: 200,
      signers: 'TYPOLOGIES' as const,
      typologies: ['hospital'],
      secondStageUrl: '/concertations',
    };
    renderWithProviders(<PetitionTypesAdminPage />, {
      mocks: [
        me(true),
        adminSpaces,
        petitionSpaces,
        types([existing]),
        typologies,
        {
          request: {
            query: UPDATE_PETITION_TYPE_MUTATION,
            variables: {
              id: 't1',
              input: {
                title: 'Saisine de la gouvernance',
                description: existing.description,
                threshold: 200,
                periodDays: 30,
                minCommitteeSize: 2,
                signers: 'TYPOLOGIES',
                typologies: ['hospital'],
                publicSignatures: false,
                secondStageUrl: '/concertations',
                secondStageComponentId: null,
              },
            },
          },
          result: { data: { updatePetitionType: edited } },
        },
      ],
    });
    const section = (
      await screen.findByRole('heading', {
        level: 2,
        name: 'Concertation de la filière — Pétitions',
      })
    ).closest('section')!;
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(1); // the PROPOSALS component is not listed
    await within(section).findByRole('heading', { level: 3, name: 'Saisine de la gouvernance' });
    expect(within(section).getByText(/^Seuil.: 50 signatures/)).toBeInTheDocument(); // the matcher folds the non-breaking space
    await user.click(
      within(section).getByRole('button', { name: /^Modifier\s*Saisine de la gouvernance$/ }),
    );
    const form = within(section).getByRole('form', {
      name: /^Modifier «.Saisine de la gouvernance.»$/,
    });
    await user.clear(within(form).getByLabelText('Seuil de signatures'));
    await user.type(within(form).getByLabelText('Seuil de signatures'), '200');
    await user.selectOptions(within(form).getByLabelText(/^Qui peut signer.\?$/), 'TYPOLOGIES');
    // no typology chosen: said next to the group, nothing sent
    await user.click(within(form).getByRole('button', { name: 'Enregistrer le type' }));
    expect(
      within(form).getByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(
      within(form).getByRole('group', { name: 'Typologies autorisées' }),
    ).toHaveAccessibleDescription('Choisissez au moins une typologie.');
    await user.click(await within(form).findByLabelText('Hôpital'));
    expect(await axeViolations()).toEqual([]);
    await user.type(
      within(form).getByLabelText('Lien vers la suite (facultatif)'),
      '/concertations',
    );
    await user.click(within(form).getByRole('button', { name: 'Enregistrer le type' }));
    const editButton = await within(section).findByRole('button', {
      name: /^Modifier\s*Saisine de la gouvernance$/,
    });
    await waitFor(() => expect(editButton).toHaveFocus());
    expect(within(section).getByText(/Réservé aux typologies.: Hôpital/)).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: '/concertations' })).toHaveAttribute(
      'href',
      '/concertations',
    );
  });

  it('creates a type whose accepted petitions can become proposals of a PROPOSALS component; a threshold of 0 is refused before anything is sent', async () => {
    const user = userEvent.setup();
    const secondStage = {
      __typename: 'PetitionSecondStage',
      componentId: 'c2',
      type: 'PROPOSAL' as const,
      componentTitle: 'Propositions',
      spaceTitle: 'Concertation de la filière',
      link: '/espaces/filiere/f/c2',
    };
    const created = petitionType({
      id: 't2',
      title: 'Pétition rapide',
      threshold: 10,
      periodDays: 15,
      minCommitteeSize: 0,
      secondStage,
    });
    renderWithProviders(<PetitionTypesAdminPage />, {
      mocks: [
        me(true),
        adminSpaces,
        petitionSpaces,
        types([]),
        typologies,
        {
          request: {
            query: CREATE_PETITION_TYPE_MUTATION,
            variables: {
              input: {
                title: 'Pétition rapide',
                description: '',
                threshold: 10,
                periodDays: 15,
                minCommitteeSize: 0,
                signers: 'EVERYONE',
                typologies: [],
                publicSignatures: false,
                secondStageUrl: null,
                secondStageComponentId: 'c2',
                componentId: 'c1',
              },
            },
          },
          result: { data: { createPetitionType: created } },
        },
        types([created]),
      ],
    });
    expect(await screen.findByText('Aucun type de pétition pour le moment.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ajouter un type de pétition' }));
    const form = screen.getByRole('form', { name: 'Nouveau type de pétition' });
    await user.type(within(form).getByLabelText('Nom du type'), 'Pétition rapide');
    await user.clear(within(form).getByLabelText('Seuil de signatures'));
    await user.type(within(form).getByLabelText('Seuil de signatures'), '0');
    await user.click(within(form).getByRole('button', { name: 'Créer le type' }));
    expect(
      within(form).getByRole('alert', { name: 'Le formulaire contient 1 erreur' }),
    ).toHaveFocus();
    expect(within(form).getByLabelText('Seuil de signatures')).toHaveAccessibleDescription(
      'Le seuil est un nombre entier d’au moins 1.',
    );
    expect(within(form).getByLabelText('Seuil de signatures')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await user.clear(within(form).getByLabelText('Seuil de signatures'));
    await user.type(within(form).getByLabelText('Seuil de signatures'), '10');
    await user.clear(within(form).getByLabelText('Durée de la collecte (jours)'));
    await user.type(within(form).getByLabelText('Durée de la collecte (jours)'), '15');
    await user.clear(within(form).getByLabelText('Taille minimale du comité promoteur'));
    await user.type(within(form).getByLabelText('Taille minimale du comité promoteur'), '0');
    // only PROPOSALS and MOTIONS components are offered as the second stage
    const stage = within(form).getByLabelText('Suite d’une pétition acceptée');
    expect(
      within(stage)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Aucune',
      'Une proposition dans «\u00a0Propositions\u00a0» (Concertation de la filière)',
    ]);
    await user.selectOptions(stage, 'c2');
    await user.click(within(form).getByRole('button', { name: 'Créer le type' }));
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Pétition rapide' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Une proposition dans «\u00a0Propositions\u00a0» (Concertation de la filière)',
      }),
    ).toHaveAttribute('href', '/espaces/filiere/f/c2');
    // the focus lands a frame after the refetch: up to 3 s on a loaded machine (a full run missed the default 1 s)
    await waitFor(
      () =>
        expect(screen.getByRole('button', { name: 'Ajouter un type de pétition' })).toHaveFocus(),
      { timeout: 3000 },
    );
  });
});
