import { ComponentType, SpaceRole } from '@concerto/domain';
import { collegesCheck } from '../../platform/capability-settings';
import { Capability, defineComponent, setting } from '../../platform/component-manifest';

/** The MOTIONS component type of an Assemblée: motions voted by its members, results and minutes. */
export const motionsManifest = defineComponent({
  type: ComponentType.MOTIONS,
  name: { fr: 'Motions', en: 'Motions' },
  settingsTitle: { fr: 'Réglages des motions', en: 'Motion settings' },
  settings: {
    colleges: setting.list(collegesCheck, [], { fr: 'Collèges', en: 'Colleges' }),
  },
  actions: {
    ANYONE: ['read'],
    ASSEMBLY_MEMBER: ['file', 'edit_own', 'vote'],
    PARTICIPANT: ['follow'],
    [SpaceRole.ADMIN]: ['file', 'edit', 'delete', 'configure'],
  },
  resources: {
    MOTION: {
      label: { fr: 'Motion', en: 'Motion' },
      capabilities: [
        Capability.FOLLOWS,
        Capability.HISTORY,
        Capability.NOTIFICATIONS,
        Capability.PERSONAL_DATA,
      ],
    },
  },
});
