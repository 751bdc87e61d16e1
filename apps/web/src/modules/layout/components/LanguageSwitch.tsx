import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../../i18n/i18n';

/**
 * The button that switches between French and English. Its label is written in the
 * target language ("English" / "Français") and marked with that language.
 * The choice is stored in localStorage and mirrored on `<html lang>` (see i18n.ts).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = toLanguage(i18n.language) === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="button button--link language-switch"
      lang={target}
      onClick={() => void i18n.changeLanguage(target)}
    >
      {t('layout.switchLanguage')}
    </button>
  );
}
