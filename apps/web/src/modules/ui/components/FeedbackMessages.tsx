import { useTranslation } from 'react-i18next';
import type { FeedbackState } from '../hooks/useFeedback';

/**
 * The live regions of a form: a polite `role="status"` (always in the DOM so that
 * screen readers announce its changes) and a `role="alert"` when something failed.
 */
export function FeedbackMessages({ feedback }: { feedback: FeedbackState }) {
  return (
    <>
      <div
        role="status"
        aria-live="polite"
        className={feedback.status ? 'message message--success' : 'message message--empty'}
      >
        {feedback.status}
      </div>
      {feedback.error ? <ErrorAlert message={feedback.error} details={feedback.details} /> : null}
    </>
  );
}

/** An error announced as an alert, with optional details. */
export function ErrorAlert({ message, details = [] }: { message: string; details?: string[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="message message--error">
      <p>{message}</p>
      {details.length > 0 ? (
        <>
          <p>{t('errors.details')}</p>
          <ul>
            {details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
