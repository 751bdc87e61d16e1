import { ComponentType, SpaceRole } from '@concerto/domain';
import { COMMENT_SETTINGS, REPORT_SETTINGS } from '../../platform/capability-settings';
import { Capability, defineComponent, type SettingsOf } from '../../platform/component-manifest';

/**
 * The PETITIONS component type (Decidim's initiatives): petition types set by organization
 * admins, petitions started by members with a promoter committee, technical validation,
 * signatures up to a threshold within a period, official answer.
 */
export const petitionsManifest = defineComponent({
  type: ComponentType.PETITIONS,
  name: { fr: 'Pétitions', en: 'Petitions' },
  settingsTitle: { fr: 'Réglages des pétitions', en: 'Petition settings' },
  settings: {
    ...COMMENT_SETTINGS,
    ...REPORT_SETTINGS,
  },
  actions: {
    ANYONE: ['read'],
    PARTICIPANT: ['create', 'join_committee', 'sign', 'comment', 'follow', 'report'],
    [SpaceRole.ADMIN]: ['validate', 'discard', 'answer', 'export', 'configure'],
  },
  resources: {
    PETITION: {
      label: { fr: 'Pétition', en: 'Petition' },
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
export type PetitionSettings = SettingsOf<typeof petitionsManifest.settings>;
