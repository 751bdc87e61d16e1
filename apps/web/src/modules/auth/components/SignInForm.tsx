import { ErrorCode } from '@concerto/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { useFeedback } from '../../ui/hooks/useFeedback';
import type { Me } from '../graphql/auth';
import { useSessionActions } from '../hooks/useSessionActions';
import { PasswordField } from './PasswordField';

/** The sign-in form: wrong credentials and rate limiting come back as alerts. */
export function SignInForm({ onSuccess }: { onSuccess: (user: Me) => void }) {
  const { t } = useTranslation();
  const { login, loggingIn } = useSessionActions();
  const feedback = useFeedback();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    try {
      const user = await login({ email: email.trim(), password });
      onSuccess(user);
    } catch (error) {
      feedback.fail(error, {
        [ErrorCode.UNAUTHENTICATED]: t('auth.badCredentials'),
        [ErrorCode.BAD_USER_INPUT]: t('auth.badCredentials'),
        [ErrorCode.TOO_MANY_REQUESTS]: t('auth.tooManyAttempts'),
      });
    }
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-busy={loggingIn || undefined}>
      <TextField
        label={t('auth.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        inputRef={emailRef}
      />
      <PasswordField
        purpose="current"
        label={t('auth.password')}
        name="password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loggingIn}>
          {t('auth.submitSignIn')}
        </button>
        {loggingIn ? <span className="form__progress">{t('auth.submittingSignIn')}</span> : null}
      </div>
    </form>
  );
}
