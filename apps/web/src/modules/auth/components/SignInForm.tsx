import { AccountRules, ErrorCode } from '@concerto/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { emailProblem, problemsOf } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import type { Me } from '../graphql/auth';
import { useSessionActions } from '../hooks/useSessionActions';
import { PasswordField } from './PasswordField';

/**
 * The sign-in form: an empty or malformed address and an empty password are said on their
 * fields before anything is sent (focus on the error summary); wrong credentials and rate
 * limiting come back as alerts.
 */
export function SignInForm({ onSuccess }: { onSuccess: (user: Me) => void }) {
  const { t } = useTranslation();
  const { login, loggingIn } = useSessionActions();
  const feedback = useFeedback();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailRef = useRef<HTMLInputElement>(null);
  const summary = useErrorSummary();
  const prefix = useId();
  const fields = {
    email: { id: `${prefix}-email`, label: t('auth.email') },
    password: { id: `${prefix}-password`, label: t('auth.password') },
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const problems = problemsOf(
      emailProblem(t, fields.email, email, AccountRules.emailMaxLength),
      password === ''
        ? {
            fieldId: fields.password.id,
            message: t('forms.required', { label: fields.password.label }),
          }
        : null,
    );
    summary.report(problems);
    if (problems.length > 0) return;
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
      <ErrorSummary state={summary} />
      <TextField
        {...summary.fieldProps(fields.email)}
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
        {...summary.fieldProps(fields.password)}
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
