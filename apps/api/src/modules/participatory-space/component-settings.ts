import { ComponentType } from '@concerto/domain';
import { DomainError } from '../../common/errors/domain-error';
import { hasVisibleText } from '../../common/validation/visible-text';

/** Tells whether one setting's value is acceptable. */
type SettingRule = { accepts: (value: unknown) => boolean; expected: string };

const bool: SettingRule = { accepts: (v) => typeof v === 'boolean', expected: 'true ou false' };
const int = (min: number, max: number): SettingRule => ({
  accepts: (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max,
  expected: `un entier de ${min} à ${max}`,
});
const oneOf = (...values: string[]): SettingRule => ({ accepts: (v) => values.includes(v as string), expected: values.join(', ') });
const colleges: SettingRule = {
  accepts: (v) =>
    Array.isArray(v) &&
    v.length <= 20 &&
    v.every((c) => c !== null && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).every((k) => k === 'key' || k === 'name') &&
      typeof c.key === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(c.key) && c.key.length <= 60 &&
      typeof c.name === 'string' && hasVisibleText(c.name) && c.name.length <= 200),
  expected: 'au plus 20 collèges { key, name }',
};

const AMENDMENTS = { amendmentsEnabled: bool, amendmentsVisibility: oneOf('ALL', 'ONLY_OWN') };

/**
 * The settings each component type keeps in `components.settings`, with the bounds of the
 * dedicated mutations (`updateProposalSettings`, `updateAmendmentSettings`); anything else is refused.
 */
const SETTINGS: Record<ComponentType, Record<string, SettingRule>> = {
  PROPOSALS: {
    supportsState: oneOf('ENABLED', 'BLOCKED', 'HIDDEN'),
    supportLimit: int(0, 10000),
    minimumSupportsPerUser: int(0, 10000),
    threshold: int(0, 1000000),
    canAccumulateSupportsBeyondThreshold: bool,
    creationEnabled: bool,
    hideThreshold: int(1, 1000),
    commentsEnabled: bool,
    ...AMENDMENTS,
  },
  PARTICIPATORY_TEXT: { commentsEnabled: bool, ...AMENDMENTS },
  MOTIONS: { colleges },
  SURVEY: {},
  VOTES: {},
};

/**
 * Checks settings given to `updateComponent` against the component type's shape.
 * @param type the component's type
 * @param settings the JSON argument (already bounded in size by the JSON scalar)
 * @returns the settings, to merge into the current ones
 * @throws BAD_USER_INPUT not an object, an unknown key, or a value of the wrong type or out of
 *   bounds (`extensions.field` = `settings.<key>`)
 */
export function checkedComponentSettings(type: ComponentType, settings: unknown): Record<string, unknown> {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) throw DomainError.badInput('settings doit être un objet.', { field: 'settings' });
  const rules = SETTINGS[type];
  for (const [key, value] of Object.entries(settings)) {
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (!rule) throw DomainError.badInput(`settings.${key} : réglage inconnu pour ce type de fonctionnalité.`, { field: `settings.${key}` });
    if (!rule.accepts(value)) throw DomainError.badInput(`settings.${key} : ${rule.expected} attendu.`, { field: `settings.${key}` });
  }
  return settings as Record<string, unknown>;
}
