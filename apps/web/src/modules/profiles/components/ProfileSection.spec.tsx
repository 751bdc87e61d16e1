import type { Typenamed } from '../../../test/typenamed';
import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import {
  MEMBER_TYPOLOGIES_QUERY,
  MY_PROFILE_QUERY,
  UPDATE_MY_PROFILE_MUTATION,
  type MemberProfile,
  type UpdateMyProfileInput,
} from '../graphql/members';
import { ProfileSection } from './ProfileSection';

const HOSPITAL = {
  __typename: 'MemberTypology' as const,
  key: 'hospital',
  label: 'Établissement de santé',
  position: 1,
  archived: false,
};
const SUPPLIER = {
  __typename: 'MemberTypology' as const,
  key: 'supplier',
  label: 'Industriel',
  position: 2,
  archived: false,
};
const VISIBILITY = {
  __typename: 'ProfileVisibility' as const,
  organisation: 'PUBLIC',
  typology: 'PUBLIC',
  roleTitle: 'MEMBERS',
  bio: 'MEMBERS',
  avatar: 'MEMBERS',
  website: 'ADMINS',
} as const;
const JEANNE: Typenamed<MemberProfile> = {
  __typename: 'MemberProfile',
  userId: 'u1',
  pseudo: 'jeanne',
  name: 'Jeanne Martin',
  organisation: 'CHU de Nantes',
  typology: {
    __typename: 'MemberTypology',
    key: 'hospital',
    label: 'Établissement de santé',
    archived: false,
  },
  roleTitle: 'DSI',
  bio: null,
  website: null,
  avatarUrl: null,
  isViewer: true,
  blocked: false,
  viewerFollows: false,
  followersCount: 0,
  followsCount: 0,
  visibility: VISIBILITY,
};
const myProfile = (profile: MemberProfile): MockLink.MockedResponse => ({
  request: { query: MY_PROFILE_QUERY },
  result: { data: { myProfile: profile } },
  maxUsageCount: 5,
});
const typologies = {
  request: { query: MEMBER_TYPOLOGIES_QUERY, variables: { includeArchived: false } },
  result: { data: { memberTypologies: [HOSPITAL, SUPPLIER] } },
  maxUsageCount: 5,
};
const update = (
  input: UpdateMyProfileInput,
  result: MockLink.MockedResponse['result'],
): MockLink.MockedResponse => ({
  request: { query: UPDATE_MY_PROFILE_MUTATION, variables: { input } },
  result,
});
const { __typename: _t, ...visibility } = VISIBILITY;
const unchanged: UpdateMyProfileInput = {
  pseudo: 'jeanne',
  organisation: 'CHU de Nantes',
  typologyKey: 'hospital',
  roleTitle: 'DSI',
  bio: null,
  website: null,
  visibility,
};

describe('« Mon profil » (ProfileSection)', () => {
  it('shows the profile, saves « Aucune » typology as null and the visibility chosen per field, and announces it', async () => {
    const saved: MemberProfile = {
      ...JEANNE,
      typology: null,
      visibility: { ...VISIBILITY, organisation: 'MEMBERS' },
    };
    renderWithProviders(<ProfileSection />, {
      mocks: [
        myProfile(JEANNE),
        typologies,
        update(
          {
            ...unchanged,
            typologyKey: null,
            visibility: { ...visibility, organisation: 'MEMBERS' },
          },
          { data: { updateMyProfile: saved } },
        ),
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Mon profil' }),
    ).toBeInTheDocument();
    expect(await screen.findByLabelText('Pseudo')).toHaveValue('jeanne'); // the heading shows while the profile loads
    expect(screen.getByRole('combobox', { name: 'Organisation' })).toHaveValue('CHU de Nantes');
    expect(screen.getByRole('link', { name: 'Voir ma page de membre' })).toHaveAttribute(
      'href',
      '/membres/jeanne',
    );
    const typology = screen.getByLabelText('Typologie');
    await waitFor(() => expect(typology).toHaveValue('hospital'));
    expect(screen.getByLabelText('Qui voit le site web ?')).toHaveValue('ADMINS');
    const user = userEvent.setup();
    await user.selectOptions(typology, 'Aucune');
    await user.selectOptions(
      screen.getByLabelText('Qui voit l’organisation ?'),
      'Les membres connectés',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer mon profil' }));
    expect(await screen.findByText('Profil enregistré.')).toBeInTheDocument();
    expect(typology).toHaveValue('');
  });

  it('shows the API’s refusal on the named field, focus on the error summary (pseudo taken, then a bad website)', async () => {
    renderWithProviders(<ProfileSection />, {
      mocks: [
        myProfile(JEANNE),
        typologies,
        update(
          { ...unchanged, pseudo: 'paul' },
          {
            errors: [
              new GraphQLError('pseudo: ce pseudo est déjà pris', {
                extensions: { code: 'CONFLICT', field: 'pseudo', reason: 'PSEUDO_TAKEN' },
              }),
            ],
          },
        ),
        update(
          { ...unchanged, website: 'pas une adresse' },
          refusedFields(['website', 'une adresse http ou https']),
        ),
      ],
    });
    const pseudo = await screen.findByLabelText('Pseudo');
    const user = userEvent.setup();
    await user.clear(pseudo);
    await user.type(pseudo, 'paul');
    await user.click(screen.getByRole('button', { name: 'Enregistrer mon profil' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(pseudo).toHaveAttribute('aria-invalid', 'true');
    expect(pseudo).toHaveAccessibleDescription(
      expect.stringContaining('«\u00a0Pseudo\u00a0»\u00a0: ce pseudo est déjà pris'),
    );
    expect(screen.getAllByRole('alert')).toHaveLength(1);

    await user.clear(pseudo);
    await user.type(pseudo, 'jeanne');
    const website = screen.getByLabelText('Site web');
    await user.type(website, 'pas une adresse');
    await user.click(screen.getByRole('button', { name: 'Enregistrer mon profil' }));
    await waitFor(() => expect(website).toHaveAttribute('aria-invalid', 'true'));
    expect(website).toHaveAccessibleDescription(
      expect.stringContaining('«\u00a0Site web\u00a0»\u00a0: une adresse http ou https'),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(pseudo).not.toHaveAttribute('aria-invalid');
    expect(document.body).not.toHaveTextContent(/website :|Détails/);
  });

  it('checks the pseudo before sending (format), on its field, focus on the summary, nothing sent', async () => {
    const save = anyVariables(UPDATE_MY_PROFILE_MUTATION, { data: null });
    renderWithProviders(<ProfileSection />, {
      mocks: [myProfile(JEANNE), typologies, save.mock],
    });
    const pseudo = await screen.findByLabelText('Pseudo');
    const user = userEvent.setup();
    await user.clear(pseudo);
    await user.type(pseudo, '-x');
    await user.click(screen.getByRole('button', { name: 'Enregistrer mon profil' }));
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(pseudo).toHaveAttribute('aria-invalid', 'true');
    expect(pseudo).toHaveAccessibleDescription(
      /chiffres et tirets, sans tiret au début ni à la fin\.$/,
    );
    expect(save.calls).not.toHaveBeenCalled();
    // the summary's links reach every field, the organisation's combobox too
    expect(screen.getByRole('combobox', { name: 'Organisation' }).id).toMatch(/-organisation$/);
  });

  it('keeps an archived typology the member already has, marked as no longer offered', async () => {
    const archived = {
      ...JEANNE,
      typology: {
        __typename: 'MemberTypology' as const,
        key: 'old',
        label: 'Ancienne',
        archived: true,
      },
    };
    renderWithProviders(<ProfileSection />, { mocks: [myProfile(archived), typologies] });
    const typology = await screen.findByLabelText('Typologie');
    await waitFor(() => expect(typology).toHaveValue('old'));
    expect(
      screen.getByRole('option', { name: 'Ancienne (n’est plus proposée)' }),
    ).toBeInTheDocument();
  });
});
