import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gql } from '@apollo/client';
import { GraphQLError } from 'graphql';
import { createCache } from '../../apollo/createApolloClient';
import { anyVariables, refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { REPORT_CONTENT_MUTATION, REPORT_DETAILS_MAX } from '../graphql/moderation';
import { ReportForm } from './ReportForm';

const request = {
  query: REPORT_CONTENT_MUTATION,
  variables: {
    input: {
      resourceType: 'PROPOSAL',
      resourceId: 'p1',
      reason: 'OFFENSIVE',
      details: 'Propos injurieux.',
    },
  },
};

async function report() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Signaler : Une proposition' }));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Motif' }), 'OFFENSIVE');
  await user.type(
    screen.getByRole('textbox', { name: 'Précisions (facultatif)' }),
    'Propos injurieux.',
  );
  await user.click(screen.getByRole('button', { name: 'Envoyer le signalement' }));
}

describe('<ReportForm>', () => {
  it('sends the reason and details, then thanks the participant', async () => {
    renderWithProviders(
      <ReportForm
        resourceType="PROPOSAL"
        resourceId="p1"
        target="Une proposition"
        reported={false}
      />,
      {
        mocks: [
          {
            request,
            result: {
              data: {
                reportContent: {
                  __typename: 'ModerationStatus',
                  resourceType: 'PROPOSAL',
                  resourceId: 'p1',
                  reportCount: 1,
                  hidden: false,
                },
              },
            },
          },
        ],
      },
    );
    await report();
    expect(
      await screen.findByText('Merci, votre signalement a été transmis à la modération.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Signaler/ })).not.toBeInTheDocument();
    // the toggle and the form are gone: focus is on the thanks, not on <body>
    expect(
      screen.getByText('Merci, votre signalement a été transmis à la modération.'),
    ).toHaveFocus();
  });

  it('on CONFLICT (reported meanwhile in another tab), closes the form and says "Vous avez déjà signalé ce contenu.", focused', async () => {
    renderWithProviders(
      <ReportForm
        resourceType="PROPOSAL"
        resourceId="p1"
        target="Une proposition"
        reported={false}
      />,
      {
        mocks: [
          {
            request,
            result: {
              errors: [new GraphQLError('conflict', { extensions: { code: 'CONFLICT' } })],
            },
          },
        ],
      },
    );
    await report();
    const already = await screen.findByText('Vous avez déjà signalé ce contenu.');
    expect(already).toHaveAttribute('role', 'status');
    expect(already).toHaveFocus();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('marks the reported item in the cache, so its page opened again knows (a meeting)', async () => {
    const cache = createCache();
    const fragment = gql`
      fragment Reported on Meeting {
        id
        viewerReported
      }
    `;
    cache.writeFragment({
      fragment,
      data: { __typename: 'Meeting', id: 'm1', viewerReported: false },
    });
    renderWithProviders(
      <ReportForm resourceType="MEETING" resourceId="m1" target="Une rencontre" reported={false} />,
      {
        cache,
        mocks: [
          {
            request: {
              query: REPORT_CONTENT_MUTATION,
              variables: {
                input: { resourceType: 'MEETING', resourceId: 'm1', reason: 'SPAM', details: null },
              },
            },
            result: {
              data: {
                reportContent: {
                  __typename: 'ModerationStatus',
                  resourceType: 'MEETING',
                  resourceId: 'm1',
                  reportCount: 1,
                  hidden: false,
                },
              },
            },
          },
        ],
      },
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Signaler : Une rencontre' }));
    await user.click(screen.getByRole('button', { name: 'Envoyer le signalement' }));
    await screen.findByText('Merci, votre signalement a été transmis à la modération.');
    expect(cache.readFragment({ fragment, id: 'Meeting:m1' })).toEqual({
      __typename: 'Meeting',
      id: 'm1',
      viewerReported: true,
    });
  });

  it('shows no button for content already reported', () => {
    renderWithProviders(
      <ReportForm resourceType="PROPOSAL" resourceId="p1" target="Une proposition" reported />,
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('Vous avez déjà signalé ce contenu.')).toBeInTheDocument();
  });

  it('checks the details’ length before sending: on the field, focus on the summary, nothing sent', async () => {
    const sent = anyVariables(REPORT_CONTENT_MUTATION, { data: null });
    renderWithProviders(
      <ReportForm
        resourceType="PROPOSAL"
        resourceId="p1"
        target="Une proposition"
        reported={false}
      />,
      { mocks: [sent.mock] },
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Signaler : Une proposition' }));
    const details = screen.getByRole('textbox', { name: 'Précisions (facultatif)' });
    // pasted past the maxlength
    fireEvent.change(details, { target: { value: 'x'.repeat(REPORT_DETAILS_MAX + 1) } });
    await user.click(screen.getByRole('button', { name: 'Envoyer le signalement' }));

    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(details).toHaveAttribute('aria-invalid', 'true');
    expect(details).toHaveAccessibleDescription(
      `«\u00a0Précisions\u00a0»\u00a0: ${REPORT_DETAILS_MAX} caractères au plus.`,
    );
    expect(sent.calls).not.toHaveBeenCalled();
  });

  it('shows details the API refuses on the field, without the input key', async () => {
    const sent = anyVariables(
      REPORT_CONTENT_MUTATION,
      refusedFields(['details', `${REPORT_DETAILS_MAX} caractères au plus.`]),
    );
    renderWithProviders(
      <ReportForm
        resourceType="PROPOSAL"
        resourceId="p1"
        target="Une proposition"
        reported={false}
      />,
      { mocks: [sent.mock] },
    );
    await report();
    const summary = await screen.findByRole('alert', { name: 'Le formulaire contient 1 erreur' });
    expect(summary).toHaveFocus();
    expect(
      screen.getByRole('textbox', { name: 'Précisions (facultatif)' }),
    ).toHaveAccessibleDescription(
      `«\u00a0Précisions\u00a0»\u00a0: ${REPORT_DETAILS_MAX} caractères au plus.`,
    );
    expect(sent.calls).toHaveBeenCalledTimes(1);
    expect(document.body).not.toHaveTextContent(/details :|Détails/);
  });
});
