import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import accountEn from './account.en.json';
import accountFr from './account.fr.json';
import debatesEn from './debates.en.json';
import debatesFr from './debates.fr.json';
import en from './en.json';
import fr from './fr.json';
import identitiesEn from './identities.en.json';
import identitiesFr from './identities.fr.json';
import ideasEn from './ideas.en.json';
import ideasFr from './ideas.fr.json';
import meetingsEn from './meetings.en.json';
import newsEn from './news.en.json';
import newsFr from './news.fr.json';
import meetingsFr from './meetings.fr.json';
import membersEn from './members.en.json';
import membersFr from './members.fr.json';
import notificationsEn from './notifications.en.json';
import notificationsFr from './notifications.fr.json';
import petitionsEn from './petitions.en.json';
import petitionsFr from './petitions.fr.json';
import searchEn from './search.en.json';
import searchFr from './search.fr.json';
import organizationAdminsEn from './organizationAdmins.en.json';
import organizationAdminsFr from './organizationAdmins.fr.json';
import termsAdminEn from './termsAdmin.en.json';
import termsAdminFr from './termsAdmin.fr.json';
import votesEn from './votes.en.json';
import votesFr from './votes.fr.json';

/** Interface languages: French first (default), English second. */
export const SUPPORTED_LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';
/** localStorage key holding the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'concerto.language';

/** Translations; each feature with many strings keeps its own file, mounted under its key. */
export const resources = {
  fr: { translation: { ...fr, notifications: notificationsFr, account: accountFr, termsAdmin: termsAdminFr, organizationAdmins: organizationAdminsFr, petitions: petitionsFr, meetings: meetingsFr, members: membersFr, search: searchFr, votes: votesFr, ideas: ideasFr, debates: debatesFr, news: newsFr, identities: identitiesFr } },
  en: { translation: { ...en, notifications: notificationsEn, account: accountEn, termsAdmin: termsAdminEn, organizationAdmins: organizationAdminsEn, petitions: petitionsEn, meetings: meetingsEn, members: membersEn, search: searchEn, votes: votesEn, ideas: ideasEn, debates: debatesEn, news: newsEn, identities: identitiesEn } },
} as const;

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
 * The app's i18next instance, initialised synchronously (resources are bundled).
 * The chosen language is read from localStorage and mirrored on `<html lang>`.
 */
export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
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
