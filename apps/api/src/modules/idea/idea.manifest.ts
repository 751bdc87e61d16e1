import { ComponentType, SpaceRole } from '@concerto/domain';
import { COMMENT_SETTINGS, REPORT_SETTINGS } from '../../platform/capability-settings';
import {
  Capability,
  defineComponent,
  setting,
  type SettingsOf,
} from '../../platform/component-manifest';

/**
 * The IDEAS component type (Boîte à idées): a question, ideas seeded by admins and added by
 * participants, and the pairwise booth of a wiki survey (Salganik and Levy 2015, the All Our
 * Ideas project): two ideas at a time, pick one, « Passer » or « Je ne sais pas ». Scores by a
 * Bradley–Terry model (`ranking/bradley-terry.ts`).
 */
export const ideasManifest = defineComponent({
  type: ComponentType.IDEAS,
  name: { fr: 'Boîte à idées', en: 'Idea box' },
  settingsTitle: { fr: 'Réglages de la boîte à idées', en: 'Idea box settings' },
  settings: {
    participantIdeasEnabled: setting.boolean(true, {
      fr: 'Les participants peuvent ajouter des idées',
      en: 'Participants may add ideas',
    }),
    ideasModerated: setting.boolean(
      false,
      { fr: 'Modération avant publication', en: 'Moderation before publication' },
      {
        fr: 'Les idées des participants attendent la validation d’un modérateur.',
        en: 'Participants’ ideas wait for a moderator.',
      },
    ),
    anonymousVotingEnabled: setting.boolean(
      false,
      { fr: 'Participation anonyme', en: 'Anonymous participation' },
      {
        fr: 'Sans compte, un navigateur compte pour un votant (cookie).',
        en: 'Without an account, one browser counts as one voter (cookie).',
      },
    ),
    ...COMMENT_SETTINGS,
    ...REPORT_SETTINGS,
  },
  actions: {
    ANYONE: ['read', 'vote'],
    PARTICIPANT: ['vote', 'add_idea', 'comment', 'follow', 'report'],
    [SpaceRole.MODERATOR]: ['moderate', 'hide'],
    [SpaceRole.ADMIN]: ['create', 'update', 'moderate'],
  },
  resources: {
    IDEA: {
      label: { fr: 'Idée', en: 'Idea' },
      capabilities: [
        Capability.COMMENTS,
        Capability.FOLLOWS,
        Capability.REPORTS,
        Capability.HISTORY,
        Capability.PERSONAL_DATA,
      ],
    },
  },
});
export type IdeaSettings = SettingsOf<typeof ideasManifest.settings>;
