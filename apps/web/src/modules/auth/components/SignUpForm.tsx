import { AccountRules, ErrorCode, passwordWeakness, TermsDocumentKind } from '@concerto/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TERMS_DOCUMENTS_QUERY } from '../../account/graphql/account';
import { SET_NEWSLETTER_SUBSCRIPTION_MUTATION } from '../../newsletters/graphql/newsletters';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { CheckboxField, TextField } from '../../ui/components/Fields';
import { ErrorSummary, useErrorSummary, type FieldProblem } from '../../ui/feedback/ErrorSummary';
import { EMAIL_SHAPE } from '../../ui/feedback/fieldChecks';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { parseApiError } from '../../ui/utils/apiError';
import type { Me } from '../graphql/auth';
import { useSessionActions } from '../hooks/useSessionActions';
import { PasswordField } from './PasswordField';

type Field = 'name' | 'email' | 'password' | 'terms';

/**
 * The sign-up form. Checks the account rules before sending (name length, e-mail shape,
 * password strength via `passwordWeakness`), then shows the API's refusals next to the
 * field they concern (CONFLICT on the e-mail, BAD_USER_INPUT with `extensions.fields` or
 * `extensions.field`) or as a form-level alert. After a failed submit, focus goes to the error
 * summary, which links to each invalid field. The terms of use and the privacy notice must be accepted (checkbox,
 * with links to both pages); the versions shown (`termsDocuments`) are sent with the sign-up.
 * `initialEmail` pre-fills the address (an invitation link, e.g. a votation's e-mail census).
 */
export function SignUpForm({
  onSuccess,
  initialEmail = '',
}: {
  /** Called once signed up; `notice` says what did not work (the newsletter choice). */
  onSuccess: (user: Me, notice?: string) => void;
  initialEmail?: string;
}) {
  const { t } = useTranslation();
  const { register, registering } = useSessionActions();
  const feedback = useFeedback();
  const [values, setValues] = useState<Record<Exclude<Field, 'terms'>, string>>({
    name: '',
    email: initialEmail,
    password: '',
  });
  const [accepted, setAccepted] = useState(false);
  // the newsletter is opt-in: unticked unless the person ticks it
  const [newsletter, setNewsletter] = useState(false);
  const [subscribe] = useMutation(SET_NEWSLETTER_SUBSCRIPTION_MUTATION);
  const summary = useErrorSummary();
  const terms = useQuery(TERMS_DOCUMENTS_QUERY);
  const versionOf = (kind: TermsDocumentKind) =>
    terms.data?.termsDocuments.find((d) => d.kind === kind)?.version;
  const termsId = useId();
  /** The form's fields, by the API's input key (the terms box stands for both accepted versions). */
  const fields = {
    name: { id: `${termsId}-name`, label: t('auth.name') },
    email: { id: `${termsId}-email`, label: t('auth.email') },
    password: { id: `${termsId}-password`, label: t('auth.password') },
    terms: { id: termsId, label: t('account.consentLabel') },
  };
  const problem = (field: Field, message: string): FieldProblem => ({
    fieldId: fields[field].id,
    message,
  });
  const termsError = summary.errorOf(fields.terms.id);

  const rules = { min: AccountRules.passwordMinLength, max: AccountRules.passwordMaxLength };

  /** The account rules' checks, in the form's order. */
  function validate(): FieldProblem[] {
    const found: FieldProblem[] = [];
    const name = values.name.trim();
    if (name.length < AccountRules.nameMinLength)
      found.push(problem('name', t('auth.nameTooShort', { min: AccountRules.nameMinLength })));
    else if (name.length > AccountRules.nameMaxLength)
      found.push(problem('name', t('auth.nameTooLong', { max: AccountRules.nameMaxLength })));
    const email = values.email.trim();
    if (!EMAIL_SHAPE.test(email) || email.length > AccountRules.emailMaxLength)
      found.push(problem('email', t('auth.emailInvalid')));
    const weakness = passwordWeakness(values.password);
    if (weakness) found.push(problem('password', t(`auth.passwordWeakness.${weakness}`, rules)));
    if (!accepted) found.push(problem('terms', t('account.consentRequired')));
    return found;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const found = validate();
    summary.report(found);
    if (found.length > 0) return;
    const acceptedTermsVersion = versionOf(TermsDocumentKind.TERMS);
    const acceptedPrivacyVersion = versionOf(TermsDocumentKind.PRIVACY);
    if (!acceptedTermsVersion || !acceptedPrivacyVersion) {
      feedback.fail(terms.error ?? new Error('terms not loaded'));
      return;
    }
    try {
      const user = await register({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        acceptedTermsVersion,
        acceptedPrivacyVersion,
      });
      if (newsletter) {
        // the account exists now: the choice is saved apart, tried twice, and a failure is said
        // (the welcome message sends the person to « Notifications ») rather than lost
        const choice = { variables: { subscribed: true, atSignUp: true } };
        const saved = await subscribe(choice).then(
          () => true,
          () =>
            subscribe(choice).then(
              () => true,
              () => false,
            ),
        );
        if (!saved) return onSuccess(user, t('newsletters.signUpFailed'));
      }
      onSuccess(user);
    } catch (error) {
      const info = parseApiError(error);
      if (info.code === ErrorCode.CONFLICT && (info.field === 'email' || !info.field)) {
        summary.report([problem('email', t('auth.emailTaken'))]);
      } else if (info.code === ErrorCode.BAD_USER_INPUT && info.reason === 'TERMS_OUTDATED') {
        // a new version was published while the form was open: show it and ask again
        setAccepted(false);
        void terms.refetch();
        summary.report([problem('terms', t('account.termsChanged'))]);
      } else if (
        info.code !== ErrorCode.BAD_USER_INPUT ||
        !summary.reportApiError(error, {
          name: fields.name,
          email: fields.email,
          password: fields.password,
        })
      ) {
        feedback.fail(error);
      }
    }
  }

  function update(field: Exclude<Field, 'terms'>, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-busy={registering || undefined}>
      <ErrorSummary state={summary} />
      <TextField
        {...summary.fieldProps(fields.name)}
        name="name"
        autoComplete="name"
        required
        maxLength={AccountRules.nameMaxLength}
        value={values.name}
        onChange={(event) => update('name', event.target.value)}
        hint={t('auth.nameHint', {
          min: AccountRules.nameMinLength,
          max: AccountRules.nameMaxLength,
        })}
      />
      <TextField
        {...summary.fieldProps(fields.email)}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={AccountRules.emailMaxLength}
        value={values.email}
        onChange={(event) => update('email', event.target.value)}
        hint={t('auth.emailHint')}
      />
      <PasswordField
        purpose="new"
        {...summary.fieldProps(fields.password)}
        name="password"
        value={values.password}
        onChange={(event) => update('password', event.target.value)}
      />
      <div
        className={['field', 'field--checkbox', termsError ? 'field--invalid' : '']
          .filter(Boolean)
          .join(' ')}
      >
        <input
          id={termsId}
          type="checkbox"
          name="terms"
          required
          checked={accepted}
          onChange={(event) => setAccepted(event.target.checked)}
          aria-invalid={termsError ? true : undefined}
          aria-describedby={[`${termsId}-links`, termsError ? `${termsId}-error` : null]
            .filter(Boolean)
            .join(' ')}
        />
        <label htmlFor={termsId}>{t('account.consentLabel')}</label>
        <p id={`${termsId}-links`} className="field__hint">
          {t('account.consentRead')}{' '}
          <Link to="/conditions" target="_blank" rel="noopener">
            {t('account.termsLink')}
          </Link>{' '}
          ·{' '}
          <Link to="/confidentialite" target="_blank" rel="noopener">
            {t('account.privacyLink')}
          </Link>
        </p>
        {termsError ? (
          <p id={`${termsId}-error`} className="field__error">
            {termsError}
          </p>
        ) : null}
      </div>
      <CheckboxField
        label={t('newsletters.signUp')}
        name="newsletter"
        checked={newsletter}
        onChange={(event) => setNewsletter(event.target.checked)}
      />
      <FeedbackMessages feedback={feedback} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={registering}>
          {t('auth.submitSignUp')}
        </button>
        {registering ? <span className="form__progress">{t('auth.submittingSignUp')}</span> : null}
      </div>
    </form>
  );
}
