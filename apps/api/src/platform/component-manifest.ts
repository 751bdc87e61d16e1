import type { ComponentType, SpaceRole } from '@concerto/domain';
import { DomainError } from '../common/errors/domain-error';

/** A text in both interface languages (French first). */
export interface Localized {
  fr: string;
  en: string;
}

/** How the admin form renders a setting (`LIST` has a dedicated editor and is skipped by the generic form). */
export type SettingKind = 'BOOLEAN' | 'INTEGER' | 'CHOICE' | 'LIST';

/**
 * One setting of a component type: its kind, default, bounds and labels. The generic admin
 * form (web `ComponentSettingsForm`) renders it from the `componentTypes` query.
 * @typeParam T the setting's value type
 */
export interface SettingSpec<T> {
  kind: SettingKind;
  default: T;
  label: Localized;
  hint?: Localized;
  /** INTEGER bounds, inclusive. */
  min?: number;
  max?: number;
  /** CHOICE values and their labels. */
  options?: readonly { value: string; label: Localized }[];
  /** Whether `value` is acceptable (type and bounds). */
  accepts(value: unknown): value is T;
  /** What is expected, in French and in English, for the BAD_USER_INPUT message. */
  expected: Localized;
}

/** Builders of {@link SettingSpec}s: one per kind. */
export const setting = {
  boolean(defaultValue: boolean, label: Localized, hint?: Localized): SettingSpec<boolean> {
    return {
      kind: 'BOOLEAN',
      default: defaultValue,
      label,
      hint,
      accepts: (v): v is boolean => typeof v === 'boolean',
      expected: { fr: 'true ou false', en: 'true or false' },
    };
  },
  integer(
    bounds: { min: number; max: number; default: number },
    label: Localized,
    hint?: Localized,
  ): SettingSpec<number> {
    return {
      kind: 'INTEGER',
      default: bounds.default,
      min: bounds.min,
      max: bounds.max,
      label,
      hint,
      accepts: (v): v is number =>
        Number.isInteger(v) && (v as number) >= bounds.min && (v as number) <= bounds.max,
      expected: {
        fr: `un entier de ${bounds.min} à ${bounds.max}`,
        en: `a whole number from ${bounds.min} to ${bounds.max}`,
      },
    };
  },
  choice<V extends string>(
    options: readonly { value: V; label: Localized }[],
    defaultValue: NoInfer<V>,
    label: Localized,
    hint?: Localized,
  ): SettingSpec<V> {
    const values = options.map((o) => o.value as string);
    return {
      kind: 'CHOICE',
      default: defaultValue,
      options,
      label,
      hint,
      accepts: (v): v is V => values.includes(v as string),
      expected: { fr: values.join(', '), en: values.join(', ') },
    };
  },
  /** A structured value edited by the component's own admin screen. */
  list<T>(
    check: { accepts: (v: unknown) => v is T; expected: Localized },
    defaultValue: T,
    label: Localized,
  ): SettingSpec<T> {
    return {
      kind: 'LIST',
      default: defaultValue,
      label,
      accepts: check.accepts,
      expected: check.expected,
    };
  },
} as const;

/** The settings of a component type: key → spec. */
export type SettingsShape = Record<string, SettingSpec<any>>;

/** The value type of a settings shape, e.g. `{ supportLimit: number; … }`. */
export type SettingsOf<S extends SettingsShape> = {
  [K in keyof S]: S[K] extends SettingSpec<infer T> ? T : never;
};

/**
 * The shared capabilities a resource may take. Each is a module of its own
 * (`apps/api/src/modules/<capability>/`) that knows hosts through the adapter they register.
 */
export const Capability = {
  COMMENTS: 'comments',
  FOLLOWS: 'follows',
  REPORTS: 'reports',
  AMENDMENTS: 'amendments',
  HISTORY: 'history',
  NOTIFICATIONS: 'notifications',
  PERSONAL_DATA: 'personalData',
} as const;
export type Capability = (typeof Capability)[keyof typeof Capability];

/** Who an action is granted to: a space role, a signed-in participant, an assembly member, anyone. */
export type ActionHolder = SpaceRole | 'PARTICIPANT' | 'ASSEMBLY_MEMBER' | 'ANYONE';

/** A resource a component holds and the capabilities it takes. */
export interface ResourceManifest {
  label: Localized;
  capabilities: readonly Capability[];
}

/**
 * What a component type declares about itself, in its own folder (Decidim's
 * `component_manifest.rb`, typed): name, settings with defaults and bounds, the actions each
 * role may take, and its resources with their capabilities.
 * @typeParam S the settings shape
 */
export interface ComponentManifest<S extends SettingsShape = SettingsShape> {
  type: ComponentType;
  name: Localized;
  /** Heading of the settings form (e.g. « Réglages des propositions »). */
  settingsTitle: Localized;
  settings: S;
  /** Actions per holder (documentation for admins and the web; resolvers enforce them). */
  actions: Partial<Record<ActionHolder, readonly string[]>>;
  /** Resource type (as in `action_logs.resource_type`, upper case) → manifest. */
  resources: Readonly<Record<string, ResourceManifest>>;
}

/** A manifest with its settings helpers. */
export interface DefinedComponent<S extends SettingsShape = SettingsShape>
  extends ComponentManifest<S> {
  /** Stored settings completed with defaults (unknown keys dropped). */
  settingsOf(stored: Record<string, unknown> | null | undefined): SettingsOf<S>;
  /**
   * Checks settings given by an admin against the shape.
   * @returns the checked settings, to merge into the current ones
   * @throws BAD_USER_INPUT not an object, unknown key, or a value of the wrong type or out of bounds (`extensions.field` = `settings.<key>`)
   */
  checkedSettings(input: unknown): Partial<SettingsOf<S>>;
}

/**
 * Declares a component type. The settings' types are inferred from the shape, so
 * `manifest.settingsOf(row.settings).supportLimit` is a `number`.
 */
export function defineComponent<S extends SettingsShape>(
  manifest: ComponentManifest<S>,
): DefinedComponent<S> {
  const keys = Object.keys(manifest.settings);
  return {
    ...manifest,
    settingsOf(stored) {
      const source = stored ?? {};
      const result: Record<string, unknown> = {};
      for (const key of keys) {
        const spec = manifest.settings[key];
        result[key] =
          Object.hasOwn(source, key) && spec.accepts(source[key]) ? source[key] : spec.default;
      }
      return result as SettingsOf<S>;
    },
    checkedSettings(input) {
      if (input === null || typeof input !== 'object' || Array.isArray(input))
        throw DomainError.badInput('settings doit être un objet.', { field: 'settings' }).inEnglish(
          'settings must be an object.',
        );
      for (const [key, value] of Object.entries(input)) {
        const spec = Object.hasOwn(manifest.settings, key) ? manifest.settings[key] : undefined;
        if (!spec)
          throw DomainError.badInput(
            `settings.${key} : réglage inconnu pour ce type de fonctionnalité.`,
            { field: `settings.${key}` },
          ).inEnglish('Unknown setting for this type of feature.');
        if (!spec.accepts(value))
          throw DomainError.badInput(`settings.${key} : ${spec.expected.fr} attendu.`, {
            field: `settings.${key}`,
          }).inEnglish(`Expected: ${spec.expected.en}.`);
      }
      return input as Partial<SettingsOf<S>>;
    },
  };
}
