import { ComponentType, SpaceRole } from '@concerto/domain';
import { COMMENT_SETTINGS, REPORT_SETTINGS } from '../../platform/capability-settings';
import {
  Capability,
  defineComponent,
  type SettingsOf,
  setting,
} from '../../platform/component-manifest';

/**
 * The DEBATE component type (Débat, Pol.is-style): a topic, short statements (≤ 280
 * characters) by admins and participants, votes agree / disagree / pass, and an analysis
 * recomputed in the background (opinion groups on a map, each group's representative
 * statements, cross-group consensus, divisive statements). Method: `common/opinion/opinion-analysis.ts`.
 */
export const debateManifest = defineComponent({
  type: ComponentType.DEBATE,
  name: { fr: 'Débat', en: 'Debate' },
  settingsTitle: { fr: 'Réglages du débat', en: 'Debate settings' },
  settings: {
    participantStatements: setting.boolean(true, {
      fr: 'Les participants proposent des affirmations',
      en: 'Participants add statements',
    }),
    statementsModerated: setting.boolean(
      false,
      {
        fr: 'Affirmations des participants relues avant publication',
        en: 'Participants’ statements reviewed before publication',
      },
      {
        fr: 'Sinon, elles sont publiées aussitôt (et masquées après signalements).',
        en: 'Otherwise they are published at once (and hidden after reports).',
      },
    ),
    analysisIntervalSeconds: setting.integer(
      { min: 1, max: 3600, default: 10 },
      {
        fr: 'Analyse recalculée au plus toutes les (secondes)',
        en: 'Analysis recomputed at most every (seconds)',
      },
      {
        fr: 'Après un vote, les groupes d’opinion sont recalculés en arrière-plan, au plus une fois par intervalle.',
        en: 'After a vote, opinion groups are recomputed in the background, at most once per interval.',
      },
    ),
    ...COMMENT_SETTINGS,
    ...REPORT_SETTINGS,
  },
  actions: {
    ANYONE: ['read'],
    PARTICIPANT: ['vote', 'add_statement', 'comment', 'follow', 'report'],
    [SpaceRole.MODERATOR]: ['hide', 'moderate_statement'],
    [SpaceRole.ADMIN]: ['create', 'update', 'add_statement', 'moderate_statement'],
  },
  resources: {
    DEBATE: {
      label: { fr: 'Débat', en: 'Debate' },
      capabilities: [
        Capability.COMMENTS,
        Capability.FOLLOWS,
        Capability.REPORTS,
        Capability.HISTORY,
        Capability.NOTIFICATIONS,
        Capability.PERSONAL_DATA,
      ],
    },
    DEBATE_STATEMENT: {
      label: { fr: 'Affirmation', en: 'Statement' },
      capabilities: [Capability.REPORTS, Capability.HISTORY, Capability.PERSONAL_DATA],
    },
  },
});
export type DebateSettings = SettingsOf<typeof debateManifest.settings>;
