import { useMutation } from '@apollo/client/react';
import { AccountRules, ErrorCode, passwordWeakness } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import { CHANGE_PASSWORD_MUTATION } from '../graphql/account';
import { PasswordField } from '../../auth/components/PasswordField';

/**
 * "Changer mon mot de passe": current and new password, checked before sending (each problem on
 * its field, focus on the error summary); a wrong current password or a new one the API refuses
 * lands on its field. The other sessions are signed out.
 */
export function ChangePasswordSection() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [change, { loading }] = useMutation(CHANGE_PASSWORD_MUTATION);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's fields, by the API's input key. */
  const fields = {
    currentPassword: { id: `${prefix}-current`, label: t('account.currentPassword') },
    newPassword: { id: `${prefix}-new`, label: t('account.newPassword') },
  };
  const rules = { min: AccountRules.passwordMinLength, max: AccountRules.passwordMaxLength };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const weakness = passwordWeakness(next);
    const problems = problemsOf(
      !current && {
        fieldId: fields.currentPassword.id,
        message: t('account.currentPasswordRequired'),
      },
      weakness && {
        fieldId: fields.newPassword.id,
        message: t(`auth.passwordWeakness.${weakness}`, rules),
      },
    );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await change({ variables: { input: { currentPassword: current, newPassword: next } } });
      setCurrent('');
      setNext('');
      feedback.succeed(t('account.passwordChanged'));
    } catch (error) {
      const info = parseApiError(error);
      if (info.code === ErrorCode.WRONG_PASSWORD) {
        summary.report([
          { fieldId: fields.currentPassword.id, message: t('errors.WRONG_PASSWORD') },
        ]);
      } else if (
        info.code === ErrorCode.BAD_USER_INPUT &&
        info.field === 'newPassword' &&
        info.reason
      ) {
        summary.report([
          {
            fieldId: fields.newPassword.id,
            message: t(`auth.passwordWeakness.${info.reason}`, rules),
          },
        ]);
      } else if (!summary.reportApiError(error, fields)) {
        feedback.fail(error);
      }
    }
  }

  return (
    <section className="account-section" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.passwordTitle')}</h2>
      <p>{t('account.passwordIntro')}</p>
      <form className="form" noValidate onSubmit={submit} aria-busy={loading || undefined}>
        <ErrorSummary state={summary} />
        <PasswordField
          purpose="current"
          {...summary.fieldProps(fields.currentPassword)}
          name="currentPassword"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <PasswordField
          purpose="new"
          {...summary.fieldProps(fields.newPassword)}
          name="newPassword"
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
        <FeedbackMessages feedback={feedback} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading}>
            {t('account.changePassword')}
          </button>
        </div>
      </form>
    </section>
  );
}
