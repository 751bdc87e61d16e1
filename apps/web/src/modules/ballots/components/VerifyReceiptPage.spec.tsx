import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { anyVariables } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { BALLOTS_QUERY, CHECK_BALLOT_RECEIPT_QUERY } from '../graphql/ballots';
import { rankedQuestion } from '../test/ballot-fixtures';
import { VerifyReceiptPage } from './VerifyReceiptPage';

const question = {
  __typename: 'BallotQuestion',
  ...rankedQuestion,
  options: rankedQuestion.options.map((o) => ({ __typename: 'BallotOption', ...o })),
};
const ballot = {
  __typename: 'Ballot',
  id: 'b1',
  componentId: 'c1',
  spaceId: 's1',
  title: 'Ordre des recommandations',
  explanation: '',
  opensAt: '2026-12-01T08:00:00.000Z',
  closesAt: '2026-12-04T17:00:00.000Z',
  status: 'CLOSED',
  readAt: '2026-12-05T08:00:00.000Z',
  secret: true,
  receiptsEnabled: true,
  isDemo: false,
  census: {
    __typename: 'BallotCensus',
    kind: 'ALL_MEMBERS',
    assemblySpaceId: null,
    weighted: false,
    emailsCount: null,
    frozenVoters: 10,
    frozenWeight: 10,
  },
  questions: [question],
  turnout: { __typename: 'BallotTurnout', voters: 3, votersWeight: 3, percent: 30 },
  results: null,
  resultsFrozen: true,
  viewerHasVoted: false,
  viewerCanVote: false,
  viewerInCensus: false,
  viewerChoices: null,
  viewerCanEdit: false,
};
const ballots = {
  request: { query: BALLOTS_QUERY, variables: { componentId: 'c1' } },
  result: { data: { ballots: [ballot] } },
};
const check = (code: string, result: object) => ({
  request: { query: CHECK_BALLOT_RECEIPT_QUERY, variables: { ballotId: 'b1', code } },
  ...result,
});
const route = {
  route: '/espaces/filiere/f/c1/votations/b1/verifier',
  path: '/espaces/:slug/f/:componentId/votations/:ballotId/verifier',
};

describe('<VerifyReceiptPage>', () => {
  it('shows the choices recorded with a receipt code and moves the focus to the answer', async () => {
    const user = userEvent.setup();
    renderWithProviders(<VerifyReceiptPage />, {
      ...route,
      mocks: [
        ballots,
        check('abcd efgh jkmn', {
          result: {
            data: {
              checkBallotReceipt: {
                __typename: 'BallotReceiptCheck',
                found: true,
                choices: { qr: { ranking: ['r2', 'r1'] } },
              },
            },
          },
        }),
      ],
    });
    await user.type(await screen.findByLabelText('Code de reçu'), 'abcd efgh jkmn');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    const heading = await screen.findByRole('heading', { name: 'Bulletin trouvé' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText('1. Option B')).toBeInTheDocument();
    expect(screen.getByText(/Non classées\s:\sOption C/)).toBeInTheDocument();
  });

  it('names the field when the code is malformed, and says plainly when the list is not published yet', async () => {
    const user = userEvent.setup();
    renderWithProviders(<VerifyReceiptPage />, {
      ...route,
      mocks: [
        ballots,
        check('ABCD-EFGH-JKMN', {
          result: {
            errors: [
              new GraphQLError('La liste des bulletins est publiée à la clôture : revenez après.', {
                extensions: { code: 'CONFLICT' },
              }),
            ],
          },
        }),
      ],
    });
    const field = await screen.findByLabelText('Code de reçu');
    await user.type(field, 'ABC');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining(
        'Code de reçu : 12 lettres ou chiffres attendus'.replace(/ :/, '\u00a0:'),
      ),
    );
    await user.clear(field);
    await user.type(field, 'ABCD-EFGH-JKMN');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(
      await screen.findByRole('heading', { name: 'Vérification impossible' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/La liste des bulletins n’est publiée qu’à la clôture/),
    ).toBeInTheDocument();
  });

  it('asks nothing with a malformed code, and shows a code the API refuses on the field', async () => {
    const asked = anyVariables(CHECK_BALLOT_RECEIPT_QUERY, {
      errors: [
        new GraphQLError('Cette votation ne délivre pas de reçus.', {
          extensions: { code: 'BAD_USER_INPUT', field: 'code' },
        }),
      ],
    });
    const user = userEvent.setup();
    renderWithProviders(<VerifyReceiptPage />, { ...route, mocks: [ballots, asked.mock] });
    const field = await screen.findByLabelText('Code de reçu');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(screen.getByRole('link', { name: /^Code de reçu\u00a0: 12 lettres/ })).toHaveAttribute(
      'href',
      '#verify-code',
    );
    expect(asked.calls).not.toHaveBeenCalled();

    await user.type(field, 'ABCD-EFGH-JKMN');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        expect.stringContaining('Cette votation ne délivre pas de reçus.'),
      ),
    );
    expect(screen.getByRole('alert', { name: 'Le formulaire contient 1 erreur' })).toHaveFocus();
    expect(asked.calls).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('heading', { name: 'Vérification impossible' })).toBeNull();
  });
});
