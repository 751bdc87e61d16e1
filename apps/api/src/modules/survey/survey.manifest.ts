import { ComponentType, SpaceRole } from '@concerto/domain';
import { Capability, defineComponent } from '../../platform/component-manifest';

/** The SURVEY component type (Enquête): a questionnaire, one answer per participant, results and exports. */
export const surveyManifest = defineComponent({
  type: ComponentType.SURVEY,
  name: { fr: 'Enquête', en: 'Survey' },
  settingsTitle: { fr: 'Réglages de l’enquête', en: 'Survey settings' },
  settings: {},
  actions: {
    ANYONE: ['read', 'answer'],
    PARTICIPANT: ['answer', 'follow'],
    [SpaceRole.ADMIN]: ['build', 'publish', 'export'],
  },
  resources: {
    SURVEY: {
      label: { fr: 'Enquête', en: 'Survey' },
      capabilities: [Capability.FOLLOWS, Capability.NOTIFICATIONS, Capability.PERSONAL_DATA],
    },
  },
});
