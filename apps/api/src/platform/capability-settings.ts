import { hasVisibleText } from '../common/validation/visible-text';
import { setting } from './component-manifest';

/** Settings a component takes when its resources take comments. */
export const COMMENT_SETTINGS = {
  commentsEnabled: setting.boolean(true, { fr: 'Commentaires ouverts', en: 'Comments open' }),
} as const;

/** Settings a component takes when its resources take amendments (Decidim's `amendments_enabled`, `amendments_visibility`). */
export const AMENDMENT_SETTINGS = {
  amendmentsEnabled: setting.boolean(true, { fr: 'Amendements ouverts', en: 'Amendments open' }),
  amendmentsVisibility: setting.choice(
    [
      {
        value: 'ALL',
        label: { fr: 'Tous les amendements sont visibles', en: 'All amendments are visible' },
      },
      {
        value: 'ONLY_OWN',
        label: { fr: 'Chacun ne voit que les siens', en: 'Participants see only their own' },
      },
    ] as const,
    'ALL',
    { fr: 'Visibilité des amendements', en: 'Amendment visibility' },
  ),
} as const;

/** Settings a component takes when its resources take reports. */
export const REPORT_SETTINGS = {
  hideThreshold: setting.integer(
    { min: 1, max: 1000, default: 3 },
    {
      fr: 'Seuil de masquage automatique (signalements)',
      en: 'Automatic hiding threshold (reports)',
    },
  ),
} as const;

/** A college of an assembly: a key (slug) and a name. */
export interface College {
  key: string;
  name: string;
}

/** Checks a list of colleges (at most 20, each `{ key, name }`). */
export const collegesCheck = {
  accepts: (v: unknown): v is College[] =>
    Array.isArray(v) &&
    v.length <= 20 &&
    v.every(
      (c) =>
        c !== null &&
        typeof c === 'object' &&
        !Array.isArray(c) &&
        Object.keys(c).every((k) => k === 'key' || k === 'name') &&
        typeof c.key === 'string' &&
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(c.key) &&
        c.key.length <= 60 &&
        typeof c.name === 'string' &&
        hasVisibleText(c.name) &&
        c.name.length <= 200,
    ),
  expected: { fr: 'au plus 20 collèges { key, name }', en: 'at most 20 colleges { key, name }' },
};
