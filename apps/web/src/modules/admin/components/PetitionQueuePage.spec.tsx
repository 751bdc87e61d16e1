import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axeViolations } from '../../petitions/test/axe';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { typeRich } from '../../../test/rich-text';
import { ME_QUERY } from '../../auth/graphql/auth';
import {
  ANSWER_PETITION_MUTATION,
  DISCARD_PETITION_MUTATION,
  PETITION_QUEUE_QUERY,
  PUBLISH_PETITION_MUTATION,
} from '../../petitions/graphql/petitions';
import { petition, petitionType } from '../../petitions/test/petition-fixtures';
import { ADMIN_SPACES_QUERY } from '../graphql/admin';
import { PetitionQueuePage } from './PetitionQueuePage';

const me = (isAdmin: boolean) => ({
  request: { query: ME_QUERY },
  result: {
    data: { me: { __typename: 'User', id: 'u1', name: 'Alice', email: 'a@example.org', isAdmin } },
  },
});
const spaces = (viewerCanAdminister: boolean) => ({
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
          viewerCanAdminister,
        },
      ],
    },
  },
});
const waiting = petition({
  id: 'p1',
  title: 'Créer un entrepôt de données de santé',
  state: 'VALIDATING',
  publishedAt: null,
  endsAt: null,
  signaturesCount: 0,
  viewerCanAdminister: true,
});
const ended = petition({
  id: 'p2',
  title: 'Organiser une journée de la filière',
  state: 'ACCEPTED',
  type: petitionType({ id: 'type-2', secondStageUrl: '/assemblees' }),
  signaturesCount: 50,
  endsAt: '2026-12-01T10:00:00.000Z',
  viewerCanAdminister: true,
});
const queue = (list: ReturnType<typeof petition>[]) => ({
  request: { query: PETITION_QUEUE_QUERY },
  result: { data: { petitionQueue: list } },
});

describe('/admin/petitions (the admins’ queue)', () => {
  it('is reserved to administrators', async () => {
    renderWithProviders(<PetitionQueuePage />, { mocks: [me(false), spaces(false)] });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès réservé aux administrateurs' }),
    ).toBeInTheDocument();
  });

  it('lists petitions to validate and to answer; publishing one refetches the queue and moves the focus to the message', async () => {
    const user = userEvent.setup();
    const published = {
      ...waiting,
      state: 'PUBLISHED',
      publishedAt: '2026-12-05T10:00:00.000Z',
      endsAt: '2027-01-04T10:00:00.000Z',
    };
    renderWithProviders(<PetitionQueuePage />, {
      mocks: [
        me(false),
        spaces(true),
        queue([waiting, ended]),
        {
          request: { query: PUBLISH_PETITION_MUTATION, variables: { id: 'p1' } },
          result: { data: { publishPetition: published } },
        },
        queue([ended]),
      ],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pétitions à valider et à répondre' }),
    ).toBeInTheDocument();
    const toValidate = (
      await screen.findByRole('heading', { level: 2, name: 'À valider (1)' })
    ).closest('section')!;
    expect(within(toValidate).getByRole('link', { name: waiting.title })).toHaveAttribute(
      'href',
      waiting.link,
    );
    expect(within(toValidate).getByText('Lire le texte de la pétition')).toBeInTheDocument();
    const toAnswer = screen
      .getByRole('heading', { level: 2, name: 'Collecte terminée, à répondre (1)' })
      .closest('section')!;
    expect(within(toAnswer).getByLabelText('Réponse officielle')).toBeInTheDocument();
    expect(within(toAnswer).getByText('50 signatures sur 50 (100 %)')).toBeInTheDocument();
    expect(within(toAnswer).getByRole('link', { name: '/assemblees' })).toHaveAttribute(
      'href',
      '/assemblees',
    ); // the type's second stage, next to the answer
    expect(await axeViolations()).toEqual([]);

    await user.click(
      within(toValidate).getByRole('button', { name: 'Valider et ouvrir la collecte (30 jours)' }),
    );
    const status = await screen.findByText('Pétition publiée : la collecte commence.');
    await waitFor(() => expect(status).toHaveFocus());
    expect(await screen.findByText('Aucune pétition n’attend de validation.')).toBeInTheDocument();
  });

  it('discards with a reason; a blank reason is refused by the API and shown, nothing leaves the list', async () => {
    const user = userEvent.setup();
    renderWithProviders(<PetitionQueuePage />, {
      mocks: [
        me(true),
        spaces(true),
        queue([waiting]),
        {
          request: { query: DISCARD_PETITION_MUTATION, variables: { id: 'p1', reason: '   ' } },
          result: {
            errors: [
              {
                message: 'Indiquez le motif du refus.',
                extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
              },
            ],
          },
        },
      ],
    });
    const section = (
      await screen.findByRole('heading', { level: 2, name: 'À valider (1)' })
    ).closest('section')!;
    await user.type(within(section).getByLabelText('Motif du refus'), '   ');
    await user.click(within(section).getByRole('button', { name: 'Écarter la pétition' }));
    expect(await within(section).findByRole('alert')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: waiting.title })).toBeInTheDocument();
  });
  it('offers « Transformer en proposition » for an ACCEPTED petition whose type names a PROPOSALS component; the answer then sends transformTo and no link', async () => {
    const user = userEvent.setup();
    const secondStage = {
      __typename: 'PetitionSecondStage',
      componentId: 'c9',
      type: 'PROPOSAL' as const,
      componentTitle: 'Propositions',
      spaceTitle: 'Structuration de la filière',
      link: '/espaces/filiere/f/c9',
    };
    const accepted = petition({
      id: 'p3',
      title: 'Créer un entrepôt de données de santé',
      state: 'ACCEPTED',
      signaturesCount: 50,
      type: petitionType({ id: 'type-3', secondStage }),
      viewerCanAdminister: true,
    });
    const rejected = petition({
      id: 'p4',
      title: 'Ouvrir un guichet par région',
      state: 'REJECTED',
      signaturesCount: 3,
      type: petitionType({ id: 'type-3', secondStage }),
      viewerCanAdminister: true,
    });
    const outcome = {
      __typename: 'PetitionOutcome',
      type: 'PROPOSAL' as const,
      id: 'pr1',
      link: '/espaces/filiere/f/c9/propositions/pr1',
    };
    const answered = {
      ...accepted,
      state: 'ANSWERED' as const,
      answer: '<p>Retenue.</p>',
      answerUrl: outcome.link,
      outcome,
      answeredAt: '2026-12-05T10:00:00.000Z',
    };
    renderWithProviders(<PetitionQueuePage />, {
      mocks: [
        me(true),
        spaces(true),
        queue([accepted, rejected]),
        {
          request: {
            query: ANSWER_PETITION_MUTATION,
            variables: {
              input: {
                petitionId: 'p3',
                answer: '<p>Retenue.</p>',
                answerUrl: null,
                transformTo: 'PROPOSAL',
              },
            },
          },
          result: { data: { answerPetition: answered } },
        },
        queue([rejected]),
      ],
    });
    const section = (
      await screen.findByRole('heading', { level: 2, name: 'Collecte terminée, à répondre (2)' })
    ).closest('section')!;
    const acceptedItem = within(section).getByRole('link', { name: accepted.title }).closest('li')!;
    const rejectedItem = within(section).getByRole('link', { name: rejected.title }).closest('li')!;
    // only the accepted one can become a proposal
    expect(
      within(rejectedItem).queryByRole('checkbox', { name: 'Transformer en proposition' }),
    ).not.toBeInTheDocument();
    const transform = within(acceptedItem).getByRole('checkbox', {
      name: 'Transformer en proposition',
    });
    expect(transform).toHaveAccessibleDescription(
      /publiée dans «\u00a0Propositions\u00a0» \(Structuration de la filière\)/,
    );
    expect(await axeViolations()).toEqual([]);
    await typeRich(user, 'Réponse officielle', 'Retenue.', acceptedItem as HTMLElement);
    await user.click(transform);
    // the link field goes: the proposal's page will be the answer's link
    expect(
      within(acceptedItem).queryByLabelText('Lien vers la suite donnée (facultatif)'),
    ).not.toBeInTheDocument();
    await user.click(within(acceptedItem).getByRole('button', { name: 'Publier la réponse' }));
    const status = await screen.findByText(
      'Réponse publiée : la pétition est devenue une proposition.',
    );
    await waitFor(() => expect(status).toHaveFocus());
  });
});
