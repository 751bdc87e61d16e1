import { ComponentType, SpaceRole } from '@concerto/domain';
import { COMMENT_SETTINGS, REPORT_SETTINGS } from '../../platform/capability-settings';
import { Capability, defineComponent, type SettingsOf } from '../../platform/component-manifest';

/**
 * The MEETINGS component type (Rencontres): in-person, online and hybrid meetings with an
 * agenda, registrations held by PostgreSQL (capacity, waiting list, attendance codes),
 * iCalendar files and reminders. Decidim's `decidim-meetings`.
 */
export const meetingsManifest = defineComponent({
  type: ComponentType.MEETINGS,
  name: { fr: 'Rencontres', en: 'Meetings' },
  settingsTitle: { fr: 'Réglages des rencontres', en: 'Meeting settings' },
  settings: {
    ...COMMENT_SETTINGS,
    ...REPORT_SETTINGS,
  },
  actions: {
    ANYONE: ['read'],
    PARTICIPANT: ['register', 'comment', 'follow', 'report'],
    [SpaceRole.MODERATOR]: ['hide'],
    [SpaceRole.ADMIN]: ['create', 'update', 'publish', 'cancel', 'mark_attendance'],
  },
  resources: {
    MEETING: {
      label: { fr: 'Rencontre', en: 'Meeting' },
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
export type MeetingSettings = SettingsOf<typeof meetingsManifest.settings>;
