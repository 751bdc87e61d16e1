import { AccountRules } from '@concerto/domain';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/components/Fields';

type PasswordFieldProps = Omit<
  Parameters<typeof TextField>[0],
  'type' | 'autoComplete' | 'minLength' | 'maxLength' | 'required'
> & {
  /**
   * `current`: a password the person already has (sign-in, confirming a change or a deletion);
   * `new`: one they choose now, with the account rules' length bounds and their hint.
   */
  purpose: 'current' | 'new';
};

/**
 * A required password input with the `autocomplete` that password managers expect
 * (`current-password` or `new-password`) and, for a new password, the length bounds of
 * `AccountRules` and the hint that states them (unless a hint is given).
 */
export function PasswordField({ purpose, hint, ...props }: PasswordFieldProps) {
  const { t } = useTranslation();
  if (purpose === 'current')
    return (
      <TextField type="password" autoComplete="current-password" required hint={hint} {...props} />
    );
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      required
      minLength={AccountRules.passwordMinLength}
      maxLength={AccountRules.passwordMaxLength}
      hint={
        hint ??
        t('auth.passwordHint', {
          min: AccountRules.passwordMinLength,
          max: AccountRules.passwordMaxLength,
        })
      }
      {...props}
    />
  );
}
