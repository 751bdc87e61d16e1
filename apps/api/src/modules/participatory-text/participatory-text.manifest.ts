import { ComponentType, SpaceRole } from '@concerto/domain';
import {
  AMENDMENT_SETTINGS,
  COMMENT_SETTINGS,
  REPORT_SETTINGS,
} from '../../platform/capability-settings';
import { Capability, defineComponent } from '../../platform/component-manifest';

/**
 * The PARTICIPATORY_TEXT component type: a Markdown document imported into sections and
 * articles, each article commented and amended; amendments are commented and followed too.
 */
export const participatoryTextManifest = defineComponent({
  type: ComponentType.PARTICIPATORY_TEXT,
  name: { fr: 'Texte collaboratif', en: 'Participatory text' },
  settingsTitle: { fr: 'Réglages du texte collaboratif', en: 'Participatory text settings' },
  settings: { ...COMMENT_SETTINGS, ...AMENDMENT_SETTINGS, ...REPORT_SETTINGS },
  actions: {
    ANYONE: ['read'],
    PARTICIPANT: ['comment', 'amend', 'support_amendment', 'follow'],
    [SpaceRole.MODERATOR]: ['answer_amendment'],
    [SpaceRole.ADMIN]: ['import', 'publish', 'answer_amendment', 'configure'],
  },
  resources: {
    ARTICLE: {
      label: { fr: 'Article', en: 'Article' },
      capabilities: [
        Capability.COMMENTS,
        Capability.FOLLOWS,
        Capability.AMENDMENTS,
        Capability.HISTORY,
      ],
    },
    AMENDMENT: {
      label: { fr: 'Amendement', en: 'Amendment' },
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
