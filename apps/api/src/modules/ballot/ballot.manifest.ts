import { ComponentType, SpaceRole } from '@concerto/domain';
import { COMMENT_SETTINGS, REPORT_SETTINGS } from '../../platform/capability-settings';
import { Capability, defineComponent, type SettingsOf } from '../../platform/component-manifest';

/**
 * The VOTES component type (Votation): ballots with questions counted by plurality, approval,
 * Schulze or majority judgment. A ballot is commented (its explanation discussed), followed
 * (opening and close notified), reported (hidden past the threshold), has a history (its
 * journal lines) and personal data (who voted — never, for a secret ballot, what was chosen).
 */
export const votesManifest = defineComponent({
  type: ComponentType.VOTES,
  name: { fr: 'Votation', en: 'Votes' },
  settingsTitle: { fr: 'Réglages de la votation', en: 'Votes settings' },
  settings: {
    ...COMMENT_SETTINGS,
    ...REPORT_SETTINGS,
  },
  actions: {
    ANYONE: ['read'],
    PARTICIPANT: ['vote', 'comment', 'follow', 'report'],
    [SpaceRole.MODERATOR]: ['hide'],
    [SpaceRole.ADMIN]: ['create', 'update', 'open', 'export'],
  },
  resources: {
    BALLOT: {
      label: { fr: 'Votation', en: 'Ballot' },
      capabilities: [
        Capability.COMMENTS,
        Capability.FOLLOWS,
        Capability.REPORTS,
        Capability.HISTORY,
        Capability.NOTIFICATIONS,
        Capability.PERSONAL_DATA,
      ],
    },
  },
});
export type VotesSettings = SettingsOf<typeof votesManifest.settings>;
