import { ComponentType, SpaceRole } from '@concerto/domain';
import { COMMENT_SETTINGS, REPORT_SETTINGS } from '../../platform/capability-settings';
import { Capability, defineComponent, type SettingsOf } from '../../platform/component-manifest';

/**
 * The NEWS component type (Actualités): posts of a space with rich text, an image with its
 * alternative text, publication now or at a scheduled date, signed by the space or by a member,
 * and an RSS/Atom feed. Posts flagged by an organization admin also appear on the home page and
 * in the organization's feed. Decidim's `decidim-blogs`.
 */
export const newsManifest = defineComponent({
  type: ComponentType.NEWS,
  name: { fr: 'Actualités', en: 'News' },
  settingsTitle: { fr: 'Réglages des actualités', en: 'News settings' },
  settings: {
    ...COMMENT_SETTINGS,
    ...REPORT_SETTINGS,
  },
  actions: {
    ANYONE: ['read'],
    PARTICIPANT: ['comment', 'follow', 'report'],
    [SpaceRole.MODERATOR]: ['hide'],
    [SpaceRole.ADMIN]: ['create', 'update', 'delete'],
  },
  resources: {
    NEWS_POST: {
      label: { fr: 'Actualité', en: 'News post' },
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
export type NewsSettings = SettingsOf<typeof newsManifest.settings>;
