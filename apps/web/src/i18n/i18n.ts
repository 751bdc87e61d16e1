import i18next, { type i18n as I18n } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';

/** Interface languages: French first (default), English second. */
export const SUPPORTED_LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';
/** localStorage key holding the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'concerto.language';
/**
 * Cookie mirroring the language for the server, which sends the first screen of the HTML page in
 * it (`web-app-serving.ts` on the API; same name there).
 */
export const LANGUAGE_COOKIE = 'concerto_language';

/**
 * Adds a group's French strings (`<group>.fr.json`, mounted under `<group>`). Called by the
 * registration module that `strings-plugin.ts` makes every module naming the group's keys import,
 * so the strings arrive with the chunk of the code that shows them, before it renders.
 * @param group the keys' first segment (`proposals` for `proposals.support`)
 * @param strings the group's French strings
 */
export function addFrenchStrings(group: string, strings: Record<string, unknown>): void {
  i18n.addResourceBundle(DEFAULT_LANGUAGE, 'translation', { [group]: strings }, true, true);
}

/** Strings of a language that is not bundled: English comes in its own chunk, on demand. */
async function loadTranslation(language: string): Promise<Record<string, unknown>> {
  return language === 'en' ? (await import('./english')).englishTranslation : {};
}

/** Narrows any string to a supported language (default: French). */
export function toLanguage(value: string | null | undefined): Language {
  return SUPPORTED_LANGUAGES.find((lang) => lang === value) ?? DEFAULT_LANGUAGE;
}

function readStoredLanguage(): Language {
  try {
    return toLanguage(globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(lang: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = toLanguage(lang);
  // a year, like the choice in localStorage; not httpOnly: it is the page's own setting
  document.cookie = `${LANGUAGE_COOKIE}=${toLanguage(lang)}; path=/; max-age=31536000; samesite=lax`;
}

/**
 * The app's i18next instance. French comes group by group with the code that uses it
 * ({@link addFrenchStrings}); English is fetched when first used (`changeLanguage('en')` waits for it). The chosen language is read from localStorage and
 * mirrored on `<html lang>` and in the {@link LANGUAGE_COOKIE} cookie; {@link i18nReady} settles once the starting language's strings are in.
 */
export const i18n: I18n = i18next.createInstance();

/** Resolves when the starting language's strings are loaded (at once for French). */
export const i18nReady: Promise<unknown> = i18n
  .use(resourcesToBackend(loadTranslation))
  .use(initReactI18next)
  .init({
    resources: { fr: { translation: {} } },
    partialBundledLanguages: true,
    lng: readStoredLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
applyLanguage(i18n.language);

i18n.on('languageChanged', (lang) => {
  applyLanguage(lang);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, toLanguage(lang));
  } catch {
    // Storage may be unavailable (private mode): the choice then lasts for the session.
  }
});

/** The current language, as a supported one. */
export function currentLanguage(): Language {
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}
