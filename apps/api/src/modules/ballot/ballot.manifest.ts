import { ComponentType, SpaceRole } from '@concerto/domain';
import { defineComponent } from '../../platform/component-manifest';

/** The VOTES component type (Votation): ballots with questions counted by plurality, approval, Schulze or majority judgment. */
export const votesManifest = defineComponent({
  type: ComponentType.VOTES,
  name: { fr: 'Votation', en: 'Votes' },
  settingsTitle: { fr: 'Réglages de la votation', en: 'Votes settings' },
  settings: {},
  actions: {
    ANYONE: ['read'],
    PARTICIPANT: ['vote'],
    [SpaceRole.ADMIN]: ['create', 'update', 'open', 'export'],
  },
  resources: {
    BALLOT: { label: { fr: 'Votation', en: 'Ballot' }, capabilities: [] },
  },
});
