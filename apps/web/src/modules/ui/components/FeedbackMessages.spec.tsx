import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { act, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { refusedFields } from '../../../test/formErrors';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { useFeedback } from '../hooks/useFeedback';
import { FeedbackMessages } from './FeedbackMessages';

function Failing({ error }: { error: unknown }) {
  const feedback = useFeedback();
  const { fail } = feedback;
  useEffect(() => {
    fail(error);
  }, [fail, error]);
  return <FeedbackMessages feedback={feedback} />;
}

describe('<FeedbackMessages>', () => {
  it('lists the constraints a form could not place on a field without the API’s input keys', async () => {
    const refusal = new CombinedGraphQLErrors({
      data: null,
      errors: refusedFields(
        ['title', 'au moins 3 caractères.'],
        ['agenda.0.title', '200 caractères au plus.'],
      ).errors,
    });
    await act(async () => {
      renderWithProviders(<Failing error={refusal} />);
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Au moins 3 caractères.');
    expect(alert).toHaveTextContent('200 caractères au plus.');
    expect(alert).not.toHaveTextContent(/title|agenda/);
  });
});
