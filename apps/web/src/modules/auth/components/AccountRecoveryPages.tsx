import { AccountRules, ErrorCode, passwordWeakness } from '@concerto/domain';
import { useMutation } from '@apollo/client/react';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert, FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { Loading } from '../../ui/components/Loading';
import { ErrorSummary, useErrorSummary } from '../../ui/feedback/ErrorSummary';
import { EMAIL_SHAPE } from '../../ui/feedback/fieldChecks';
import { useDocumentTitle } from '../../ui/hooks/useDocumentTitle';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import {
  CONFIRM_EMAIL_MUTATION,
  EMAIL_CONFIRMATION_QUERY,
  REQUEST_PASSWORD_RESET_MUTATION,
  RESET_PASSWORD_MUTATION,
} from '../graphql/auth';
import { PasswordField } from './PasswordField';

/**
 * `/mot-de-passe-oublie`: asks for a reset link. The answer is the same whether or not the
 * address has an account (the API tells nothing either), so the page cannot be used to find out
 * who is a member. A malformed address is said on its field, with focus on the error summary.
 */
export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('recovery.requestTitle'));
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const prefix = useId();
  const fields = { email: { id: `${prefix}-email`, label: t('auth.email') } };
  const emailInvalid = () =>
    summary.report([{ fieldId: fields.email.id, message: t('auth.emailInvalid') }]);
  const sentRef = useRef<HTMLDivElement>(null);
  const [request, { loading }] = useMutation(REQUEST_PASSWORD_RESET_MUTATION);

  useLayoutEffect(() => {
    if (sentTo) sentRef.current?.focus();
  }, [sentTo]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const address = email.trim();
    if (!EMAIL_SHAPE.test(address) || address.length > AccountRules.emailMaxLength)
      return emailInvalid();
    summary.report([]);
    try {
      await request({ variables: { input: { email: address } } });
      setSentTo(address);
    } catch (failure) {
      const info = parseApiError(failure);
      if (info.code === ErrorCode.BAD_USER_INPUT && info.field === 'email') emailInvalid();
      else feedback.fail(failure, { [ErrorCode.TOO_MANY_REQUESTS]: t('recovery.tooManyRequests') });
    }
  }

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('recovery.requestTitle')}</h1>
      {sentTo ? (
        <div className="message message--success" tabIndex={-1} ref={sentRef}>
          <p>{t('recovery.requestSent', { email: sentTo })}</p>
          <p>{t('recovery.requestSentHelp')}</p>
        </div>
      ) : (
        <>
          <p>{t('recovery.requestIntro')}</p>
          <form className="form" noValidate onSubmit={submit} aria-busy={loading || undefined}>
            <ErrorSummary state={summary} />
            <TextField
              {...summary.fieldProps(fields.email)}
              name="email"
              type="email"
              autoComplete="username"
              required
              maxLength={AccountRules.emailMaxLength}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <FeedbackMessages feedback={feedback} />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={loading}>
                {t('recovery.requestSubmit')}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/connexion">{t('recovery.backToSignIn')}</Link>
      </p>
    </section>
  );
}

/**
 * `/nouveau-mot-de-passe?jeton=…` (the link of the reset e-mail): chooses a new password. On
 * success every session of the account is revoked and the person signs in again; an unknown,
 * used or expired link says so and offers a new one. A weak password or a mismatched
 * confirmation is said on its field, with focus on the error summary.
 */
export function PasswordResetPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('recovery.resetTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [invalidLink, setInvalidLink] = useState(!token);
  const feedback = useFeedback();
  const summary = useErrorSummary();
  const prefix = useId();
  /** The form's fields, by the API's input key (the confirmation is the form's own). */
  const fields = {
    newPassword: { id: `${prefix}-password`, label: t('recovery.newPassword') },
    confirmation: { id: `${prefix}-confirmation`, label: t('recovery.confirmPassword') },
  };
  const [reset, { loading }] = useMutation(RESET_PASSWORD_MUTATION);
  const rules = { min: AccountRules.passwordMinLength, max: AccountRules.passwordMaxLength };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const weakness = passwordWeakness(password);
    const problems = weakness
      ? [
          {
            fieldId: fields.newPassword.id,
            message: t(`auth.passwordWeakness.${weakness}`, rules),
          },
        ]
      : confirmation !== password
        ? [{ fieldId: fields.confirmation.id, message: t('recovery.confirmationMismatch') }]
        : [];
    summary.report(problems);
    if (problems.length > 0) return;
    try {
      await reset({ variables: { input: { token, newPassword: password } } });
      navigate('/connexion', { state: { flash: t('recovery.resetDone') } });
    } catch (failure) {
      const info = parseApiError(failure);
      if (info.code === ErrorCode.BAD_USER_INPUT && info.field === 'token') setInvalidLink(true);
      else if (
        info.code === ErrorCode.BAD_USER_INPUT &&
        info.field === 'newPassword' &&
        info.reason
      )
        summary.report([
          {
            fieldId: fields.newPassword.id,
            message: t(`auth.passwordWeakness.${info.reason}`, rules),
          },
        ]);
      else if (!summary.reportApiError(failure, fields)) feedback.fail(failure);
    }
  }

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('recovery.resetTitle')}</h1>
      {invalidLink ? (
        <InvalidLink
          message={t('recovery.invalidResetLink')}
          action={<Link to="/mot-de-passe-oublie">{t('recovery.askNewLink')}</Link>}
        />
      ) : (
        <form className="form" noValidate onSubmit={submit} aria-busy={loading || undefined}>
          <ErrorSummary state={summary} />
          <PasswordField
            purpose="new"
            {...summary.fieldProps(fields.newPassword)}
            name="newPassword"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <PasswordField
            purpose="new"
            {...summary.fieldProps(fields.confirmation)}
            name="confirmation"
            hint={t('recovery.confirmPasswordHint')}
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
          />
          <FeedbackMessages feedback={feedback} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={loading}>
              {t('recovery.resetSubmit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * `/confirmer-adresse?jeton=…` (the link of the sign-up e-mail): confirms the address as soon as
 * the page opens, once, and says so; an unknown, used or expired link offers to send a new one
 * from « Mon compte ».
 */
export function EmailConfirmationPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('recovery.confirmTitle'));
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [confirm] = useMutation(CONFIRM_EMAIL_MUTATION, {
    refetchQueries: [EMAIL_CONFIRMATION_QUERY],
  });
  const [outcome, setOutcome] = useState<'pending' | 'confirmed' | 'invalid' | 'failed'>(
    token ? 'pending' : 'invalid',
  );
  const [failure, setFailure] = useState<string>('');
  const started = useRef(false);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true; // React's development double effect must not spend the link twice
    confirm({ variables: { input: { token } } })
      .then(() => setOutcome('confirmed'))
      .catch((error: unknown) => {
        const info = parseApiError(error);
        if (info.code === ErrorCode.BAD_USER_INPUT && info.field === 'token') setOutcome('invalid');
        else {
          setFailure(errorMessage(info, t, i18n.language));
          setOutcome('failed');
        }
      });
  }, [confirm, token, t, i18n.language]);

  useLayoutEffect(() => {
    if (outcome !== 'pending') resultRef.current?.focus();
  }, [outcome]);

  return (
    <section className="page page--narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t('recovery.confirmTitle')}</h1>
      {outcome === 'pending' ? <Loading /> : null}
      {outcome === 'confirmed' ? (
        <div className="message message--success" role="status" tabIndex={-1} ref={resultRef}>
          <p>{t('recovery.confirmed')}</p>
          <p>
            <Link to="/">{t('recovery.toHome')}</Link>
          </p>
        </div>
      ) : null}
      {outcome === 'invalid' ? (
        <div tabIndex={-1} ref={resultRef}>
          <InvalidLink
            message={t('recovery.invalidConfirmLink')}
            action={<Link to="/mon-compte">{t('recovery.resendFromAccount')}</Link>}
          />
        </div>
      ) : null}
      {outcome === 'failed' ? (
        <div tabIndex={-1} ref={resultRef}>
          <ErrorAlert message={failure} />
        </div>
      ) : null}
    </section>
  );
}

function InvalidLink({ message, action }: { message: string; action: ReactNode }) {
  return (
    <div className="message message--error" role="alert">
      <p>{message}</p>
      <p>{action}</p>
    </div>
  );
}
