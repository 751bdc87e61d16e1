import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { ErrorCode } from '@concerto/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import { DELETE_MY_ACCOUNT_MUTATION } from '../graphql/account';
import { PasswordField } from '../../auth/components/PasswordField';
import { MY_SIGN_IN_METHODS_QUERY, signInPath } from '../../identities/graphql/identities';

/** "Supprimer mon compte": what is removed and what is kept, then a confirmation with the password (for an account without one, made through an OpenID Connect provider: a sign-in less than 10 minutes old). */
export function DeleteAccountSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const feedback = useFeedback();
  const [remove, { loading }] = useMutation(DELETE_MY_ACCOUNT_MUTATION);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const passwordRef = useRef<HTMLInputElement>(null);
  // an account made through an OpenID Connect provider has no password: a fresh sign-in confirms instead
  const methods = useQuery(MY_SIGN_IN_METHODS_QUERY).data?.mySignInMethods;
  const withoutPassword = methods?.password === false;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    if (!password && !withoutPassword) {
      setError(t('account.currentPasswordRequired'));
      passwordRef.current?.focus();
      return;
    }
    setError(undefined);
    try {
      await remove({ variables: { input: { password: withoutPassword ? '' : password } } });
    } catch (caught) {
      const info = parseApiError(caught);
      if (info.code === ErrorCode.WRONG_PASSWORD) {
        setError(t('errors.WRONG_PASSWORD'));
        passwordRef.current?.focus();
      } else {
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
              label={t('account.deletePassword')}
              name="deletePassword"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={error}
              inputRef={passwordRef}
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
