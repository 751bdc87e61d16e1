import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { AccountRules, ErrorCode } from '@concerto/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { problemsOf } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import { DELETE_MY_ACCOUNT_MUTATION } from '../graphql/account';
import { PasswordField } from '../../auth/components/PasswordField';
import { MY_SIGN_IN_METHODS_QUERY, signInPath } from '../../identities/graphql/identities';

/**
 * "Supprimer mon compte": what is removed and what is kept, then a confirmation with the password
 * (for an account without one, made through an OpenID Connect provider: a sign-in less than 10
 * minutes old). A missing password is said on its field before sending, and a wrong one, or one
 * the API refuses, lands on it, with focus on the error summary.
 */
export function DeleteAccountSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const feedback = useFeedback();
  const [remove, { loading }] = useMutation(DELETE_MY_ACCOUNT_MUTATION);
  const [password, setPassword] = useState('');
  const summary = useErrorSummary();
  const prefix = useId();
  // an account made through an OpenID Connect provider has no password: a fresh sign-in confirms instead
  const methods = useQuery(MY_SIGN_IN_METHODS_QUERY).data?.mySignInMethods;
  const withoutPassword = methods?.password === false;
  const passwordField = { id: `${prefix}-password`, label: t('account.deletePassword') };
  /** The form's field, by the API's input key (none without a password). */
  const fields = withoutPassword ? {} : { password: passwordField };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = withoutPassword
      ? []
      : problemsOf(
          !password && {
            fieldId: passwordField.id,
            message: t('account.currentPasswordRequired'),
          },
          password.length > AccountRules.passwordMaxLength && {
            fieldId: passwordField.id,
            message: t('forms.tooLong', {
              label: passwordField.label,
              max: AccountRules.passwordMaxLength,
            }),
          },
        );
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await remove({ variables: { input: { password: withoutPassword ? '' : password } } });
    } catch (caught) {
      const info = parseApiError(caught);
      if (info.code === ErrorCode.WRONG_PASSWORD && !withoutPassword) {
        summary.report([{ fieldId: passwordField.id, message: t('errors.WRONG_PASSWORD') }]);
      } else if (!summary.reportApiError(caught, fields)) {
        feedback.fail(caught, {
          CONFLICT: info.reason === 'LAST_ADMIN' ? t('account.lastAdmin') : undefined,
          FORBIDDEN:
            info.reason === 'REAUTHENTICATION_REQUIRED'
              ? t('identities.reauthenticationRequired')
              : undefined,
        });
      }
      return;
    }
    try {
      await client.resetStore();
    } catch {
      // signed out either way
    }
    navigate('/', { state: { flash: t('account.deleted') } });
  }

  return (
    <section className="account-section" aria-labelledby="account-delete">
      <h2 id="account-delete">{t('account.deleteTitle')}</h2>
      <div className="account-danger">
        <p>
          <strong>{t('account.deleteWarning')}</strong>
        </p>
        <p>{t('account.deleteRemovedIntro')}</p>
        <ul>
          <li>{t('account.deleteRemoved.identity')}</li>
          <li>{t('account.deleteRemoved.sessions')}</li>
          <li>{t('account.deleteRemoved.private')}</li>
        </ul>
        <p>{t('account.deleteKeptIntro')}</p>
        <ul>
          <li>{t('account.deleteKept.contributions')}</li>
          <li>{t('account.deleteKept.counts')}</li>
          <li>{t('account.deleteKept.secret')}</li>
        </ul>
        <form className="form" noValidate onSubmit={submit} aria-busy={loading || undefined}>
          <ErrorSummary state={summary} />
          {withoutPassword ? (
            <>
              <p>{t('identities.deleteWithoutPassword')}</p>
              <ul className="provider-sign-in__list">
                {[
                  ...new Map(
                    methods.identities.map((i) => [i.provider, i.providerLabel]),
                  ).entries(),
                ].map(([key, label]) => (
                  <li key={key}>
                    <a className="button" href={signInPath(key, '/mon-compte')}>
                      {t('identities.reauthenticateWith', { label })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <PasswordField
              purpose="current"
              {...summary.fieldProps(passwordField)}
              name="deletePassword"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
          <FeedbackMessages feedback={feedback} />
          <div className="form__actions">
            <button type="submit" className="button button--danger" disabled={loading}>
              {t('account.deleteButton')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
