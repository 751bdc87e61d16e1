import accountEn from './account.en.json';
import debatesEn from './debates.en.json';
import en from './en.json';
import identitiesEn from './identities.en.json';
import ideasEn from './ideas.en.json';
import meetingsEn from './meetings.en.json';
import membersEn from './members.en.json';
import newsEn from './news.en.json';
import newslettersEn from './newsletters.en.json';
import notificationsEn from './notifications.en.json';
import organizationAdminsEn from './organizationAdmins.en.json';
import petitionsEn from './petitions.en.json';
import searchEn from './search.en.json';
import termsAdminEn from './termsAdmin.en.json';
import statisticsEn from './statistics.en.json';
import votesEn from './votes.en.json';

/**
 * The English interface's strings, in their own chunk: loaded only when someone chooses English
 * (French, the default, is bundled with the app), so French readers never download them.
 */
export const englishTranslation = {
  ...en,
  notifications: notificationsEn,
  account: accountEn,
  termsAdmin: termsAdminEn,
  organizationAdmins: organizationAdminsEn,
  petitions: petitionsEn,
  meetings: meetingsEn,
  members: membersEn,
  search: searchEn,
  votes: votesEn,
  statistics: statisticsEn,
  ideas: ideasEn,
  debates: debatesEn,
  news: newsEn,
  newsletters: newslettersEn,
  identities: identitiesEn,
};
