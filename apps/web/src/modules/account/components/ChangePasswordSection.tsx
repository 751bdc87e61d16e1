import { useMutation } from '@apollo/client/react';
import { AccountRules, ErrorCode, passwordWeakness } from '@concerto/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import { CHANGE_PASSWORD_MUTATION } from '../graphql/account';
import { PasswordField } from '../../auth/components/PasswordField';

/** "Changer mon mot de passe": current and new password; the other sessions are signed out. */
export function ChangePasswordSection() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [change, { loading }] = useMutation(CHANGE_PASSWORD_MUTATION);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string }>({});
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const rules = { min: AccountRules.passwordMinLength, max: AccountRules.passwordMaxLength };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const weakness = passwordWeakness(next);
    const found = {
      current: current ? undefined : t('account.currentPasswordRequired'),
      next: weakness ? t(`auth.passwordWeakness.${weakness}`, rules) : undefined,
    };
    setErrors(found);
    if (found.current || found.next) {
      (found.current ? currentRef : nextRef).current?.focus();
      return;
    }
    try {
      await change({ variables: { input: { currentPassword: current, newPassword: next } } });
      setCurrent('');
      setNext('');
      feedback.succeed(t('account.passwordChanged'));
    } catch (error) {
      const info = parseApiError(error);
      if (info.code === ErrorCode.WRONG_PASSWORD) {
        setErrors({ current: t('errors.WRONG_PASSWORD') });
        currentRef.current?.focus();
      } else if (
        info.code === ErrorCode.BAD_USER_INPUT &&
        info.field === 'newPassword' &&
        info.reason
      ) {
        setErrors({ next: t(`auth.passwordWeakness.${info.reason}`, rules) });
        nextRef.current?.focus();
      } else {
        feedback.fail(error);
      }
    }
  }

  return (
    <section className="account-section" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.passwordTitle')}</h2>
      <p>{t('account.passwordIntro')}</p>
      <form className="form" noValidate onSubmit={submit} aria-busy={loading || undefined}>
        <PasswordField
          purpose="current"
          label={t('account.currentPassword')}
          name="currentPassword"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={errors.current}
          inputRef={currentRef}
        />
        <PasswordField
          purpose="new"
          label={t('account.newPassword')}
          name="newPassword"
          value={next}
          onChange={(event) => setNext(event.target.value)}
          error={errors.next}
          inputRef={nextRef}
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
