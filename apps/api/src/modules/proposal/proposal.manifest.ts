import { ComponentType, SpaceRole } from '@concerto/domain';
import {
  AMENDMENT_SETTINGS,
  COMMENT_SETTINGS,
  REPORT_SETTINGS,
} from '../../platform/capability-settings';
import {
  Capability,
  defineComponent,
  setting,
  type SettingsOf,
} from '../../platform/component-manifest';

/** How supports behave in a PROPOSALS component (Decidim's "votes" settings). */
export const SupportsState = {
  /** Participants may support. */
  ENABLED: 'ENABLED',
  /** Counts are shown but supporting is closed. */
  BLOCKED: 'BLOCKED',
  /** Supporting is closed and counts are hidden. */
  HIDDEN: 'HIDDEN',
} as const;
export type SupportsState = (typeof SupportsState)[keyof typeof SupportsState];

/**
 * The PROPOSALS component type: proposals with supports (limits, minimum, threshold; defaults
 * are Decidim's), optional « pas d'accord » and the CONSENSUS order (`disagreementsEnabled`,
 * off by default: `consensus.service.ts`), comments, follows, reports, amendments and a public history.
 */
export const proposalsManifest = defineComponent({
  type: ComponentType.PROPOSALS,
  name: { fr: 'Propositions', en: 'Proposals' },
  settingsTitle: { fr: 'Réglages des propositions', en: 'Proposal settings' },
  settings: {
    supportsState: setting.choice(
      [
        { value: SupportsState.ENABLED, label: { fr: 'Activés', en: 'Enabled' } },
        {
          value: SupportsState.BLOCKED,
          label: {
            fr: 'Bloqués (comptes visibles, plus de nouveaux soutiens)',
            en: 'Blocked (counts shown, no new supports)',
          },
        },
        { value: SupportsState.HIDDEN, label: { fr: 'Masqués', en: 'Hidden' } },
      ] as const,
      SupportsState.ENABLED,
      { fr: 'Soutiens', en: 'Supports' },
    ),
    supportLimit: setting.integer(
      { min: 0, max: 10000, default: 0 },
      { fr: 'Limite de soutiens par participant', en: 'Supports per participant' },
      { fr: '0 = sans limite.', en: '0 = unlimited.' },
    ),
    minimumSupportsPerUser: setting.integer(
      { min: 0, max: 10000, default: 0 },
      { fr: 'Minimum de soutiens par participant', en: 'Minimum supports per participant' },
      {
        fr: 'Les soutiens ne comptent qu’à partir de ce nombre ; 0 = dès le premier.',
        en: 'Supports count from this number on; 0 = from the first.',
      },
    ),
    threshold: setting.integer(
      { min: 0, max: 1000000, default: 0 },
      { fr: 'Seuil de soutiens d’une proposition', en: 'Supports threshold of a proposal' },
      { fr: '0 = pas de seuil.', en: '0 = no threshold.' },
    ),
    canAccumulateSupportsBeyondThreshold: setting.boolean(true, {
      fr: 'Accumulation de soutiens au-delà du seuil',
      en: 'Supports may accumulate beyond the threshold',
    }),
    creationEnabled: setting.boolean(true, {
      fr: 'Dépôt de propositions ouvert',
      en: 'Proposal creation open',
    }),
    disagreementsEnabled: setting.boolean(
      false,
      { fr: '« Pas d’accord » et ordre par consensus', en: '“Disagree” and the consensus order' },
      {
        fr: 'Les participants peuvent aussi marquer « pas d’accord » ; l’ordre « consensus » met en tête les propositions soutenues par tous les groupes d’opinion.',
        en: 'Participants may also mark “disagree”; the “consensus” order puts first the proposals every opinion group supports.',
      },
    ),
    ...REPORT_SETTINGS,
    ...COMMENT_SETTINGS,
    ...AMENDMENT_SETTINGS,
  },
  actions: {
    ANYONE: ['read'],
    PARTICIPANT: ['create', 'support', 'disagree', 'comment', 'amend', 'follow', 'report'],
    [SpaceRole.MODERATOR]: ['answer', 'hide', 'shuffle'],
    [SpaceRole.ADMIN]: ['answer', 'hide', 'shuffle', 'configure'],
  },
  resources: {
    PROPOSAL: {
      label: { fr: 'Proposition', en: 'Proposal' },
      capabilities: [
        Capability.COMMENTS,
        Capability.FOLLOWS,
        Capability.REPORTS,
        Capability.AMENDMENTS,
        Capability.HISTORY,
        Capability.NOTIFICATIONS,
        Capability.PERSONAL_DATA,
      ],
    },
  },
});

/** Settings of a PROPOSALS component, read inside every transaction that depends on them. */
export type ProposalSettings = SettingsOf<typeof proposalsManifest.settings>;

/** The settings of a component with defaults for missing keys. */
export const proposalSettingsOf = (
  settings: Record<string, unknown> | null | undefined,
): ProposalSettings => proposalsManifest.settingsOf(settings);
