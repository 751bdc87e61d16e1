import { ErrorCode } from '@concerto/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { EMAIL_CONFIRMATION_QUERY, RESEND_EMAIL_CONFIRMATION_MUTATION } from '../graphql/auth';

/**
 * In « Mon compte »: whether the signed-in person's address is confirmed, and while it is not, a
 * button that mails a new confirmation link (the API limits how many per hour).
 */
export function EmailConfirmationNotice() {
  const { t } = useTranslation();
  const { data } = useQuery(EMAIL_CONFIRMATION_QUERY);
  const [resend, { loading }] = useMutation(RESEND_EMAIL_CONFIRMATION_MUTATION);
  const feedback = useFeedback();
  const me = data?.me;
  if (!me) return null;
  if (me.emailConfirmed) return <p className="account-meta">{t('recovery.emailConfirmed')}</p>;

  async function send() {
    feedback.clear();
    try {
      await resend();
      feedback.succeed(t('recovery.resent'));
    } catch (error) {
      feedback.fail(error, { [ErrorCode.TOO_MANY_REQUESTS]: t('recovery.tooManyRequests') });
    }
  }

  return (
    <div className="message message--info">
      <p>
        <strong>{t('recovery.emailUnconfirmed')}</strong> {t('recovery.emailUnconfirmedHelp')}
      </p>
      <button type="button" className="button" onClick={() => void send()} disabled={loading}>
        {t('recovery.resend')}
      </button>
      <FeedbackMessages feedback={feedback} />
    </div>
  );
}
