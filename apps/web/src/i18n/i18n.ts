import i18next, { type i18n as I18n } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import accountFr from './account.fr.json';
import debatesFr from './debates.fr.json';
import fr from './fr.json';
import identitiesFr from './identities.fr.json';
import ideasFr from './ideas.fr.json';
import newsFr from './news.fr.json';
import newslettersFr from './newsletters.fr.json';
import meetingsFr from './meetings.fr.json';
import membersFr from './members.fr.json';
import notificationsFr from './notifications.fr.json';
import petitionsFr from './petitions.fr.json';
import searchFr from './search.fr.json';
import organizationAdminsFr from './organizationAdmins.fr.json';
import termsAdminFr from './termsAdmin.fr.json';
import statisticsFr from './statistics.fr.json';
import votesFr from './votes.fr.json';

/** Interface languages: French first (default), English second. */
export const SUPPORTED_LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';
/** localStorage key holding the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'concerto.language';

/** French strings, bundled (the default language); each feature with many strings keeps its own file, mounted under its key. */
export const frenchTranslation = {
  ...fr,
  notifications: notificationsFr,
  account: accountFr,
  termsAdmin: termsAdminFr,
  organizationAdmins: organizationAdminsFr,
  petitions: petitionsFr,
  meetings: meetingsFr,
  members: membersFr,
  search: searchFr,
  votes: votesFr,
  statistics: statisticsFr,
  ideas: ideasFr,
  debates: debatesFr,
  news: newsFr,
  newsletters: newslettersFr,
  identities: identitiesFr,
};

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
  if (typeof document !== 'undefined') document.documentElement.lang = toLanguage(lang);
}

/**
 * The app's i18next instance. French is bundled and ready at once; English is fetched when first
 * used (`changeLanguage('en')` waits for it). The chosen language is read from localStorage and
 * mirrored on `<html lang>`; {@link i18nReady} settles once the starting language's strings are in.
 */
export const i18n: I18n = i18next.createInstance();

/** Resolves when the starting language's strings are loaded (at once for French). */
export const i18nReady: Promise<unknown> = i18n
  .use(resourcesToBackend(loadTranslation))
  .use(initReactI18next)
  .init({
    resources: { fr: { translation: frenchTranslation } },
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
