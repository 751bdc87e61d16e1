import { AccountRules, ErrorCode, passwordWeakness } from '@concerto/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackMessages } from '../../ui/components/FeedbackMessages';
import { TextField } from '../../ui/components/Fields';
import { useFeedback } from '../../ui/hooks/useFeedback';
import { errorMessage, parseApiError } from '../../ui/utils/apiError';
import type { Me } from '../graphql/auth';
import { useSessionActions } from '../hooks/useSessionActions';

type Field = 'name' | 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS: Field[] = ['name', 'email', 'password'];

/**
 * The sign-up form. Checks the account rules before sending (name length, e-mail shape,
 * password strength via `passwordWeakness`), then shows the API's refusals next to the
 * field they concern (CONFLICT on the e-mail, BAD_USER_INPUT with `extensions.field`) or
 * as a form-level alert.
 */
export function SignUpForm({ onSuccess }: { onSuccess: (user: Me) => void }) {
  const { t, i18n } = useTranslation();
  const { register, registering } = useSessionActions();
  const feedback = useFeedback();
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  const rules = { min: AccountRules.passwordMinLength, max: AccountRules.passwordMaxLength };

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    const name = values.name.trim();
    if (name.length < AccountRules.nameMinLength) found.name = t('auth.nameTooShort', { min: AccountRules.nameMinLength });
    else if (name.length > AccountRules.nameMaxLength) found.name = t('auth.nameTooLong', { max: AccountRules.nameMaxLength });
    const email = values.email.trim();
    if (!EMAIL_PATTERN.test(email) || email.length > AccountRules.emailMaxLength) found.email = t('auth.emailInvalid');
    const weakness = passwordWeakness(values.password);
    if (weakness) found.password = t(`auth.passwordWeakness.${weakness}`, rules);
    return found;
  }

  function showFieldErrors(found: FieldErrors) {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    feedback.clear();
    const found = validate();
    if (Object.keys(found).length > 0) {
      showFieldErrors(found);
      return;
    }
    setErrors({});
    try {
      const user = await register({ name: values.name.trim(), email: values.email.trim(), password: values.password });
      onSuccess(user);
    } catch (error) {
      const info = parseApiError(error);
      const field = info.field && (FIELDS as string[]).includes(info.field) ? (info.field as Field) : null;
      if (info.code === ErrorCode.CONFLICT && (field === 'email' || field === null)) {
        showFieldErrors({ email: t('auth.emailTaken') });
      } else if (info.code === ErrorCode.BAD_USER_INPUT && field) {
        showFieldErrors({ [field]: errorMessage(info, t, i18n.language) });
      } else {
        feedback.fail(error);
      }
    }
  }

  function update(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-busy={registering || undefined}>
      <TextField
        label={t('auth.name')}
        name="name"
        autoComplete="name"
        required
        maxLength={AccountRules.nameMaxLength}
        value={values.name}
        onChange={(event) => update('name', event.target.value)}
        hint={t('auth.nameHint', { min: AccountRules.nameMinLength, max: AccountRules.nameMaxLength })}
        error={errors.name}
        inputRef={refs.name}
      />
      <TextField
        label={t('auth.email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={AccountRules.emailMaxLength}
        value={values.email}
        onChange={(event) => update('email', event.target.value)}
        hint={t('auth.emailHint')}
        error={errors.email}
        inputRef={refs.email}
      />
      <TextField
        label={t('auth.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={AccountRules.passwordMinLength}
        maxLength={AccountRules.passwordMaxLength}
        value={values.password}
        onChange={(event) => update('password', event.target.value)}
        hint={t('auth.passwordHint', rules)}
        error={errors.password}
        inputRef={refs.password}
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
