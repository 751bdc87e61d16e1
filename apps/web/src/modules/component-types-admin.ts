import { ComponentType } from '@concerto/domain';

/** The admin screen of a registered component type, linked from the space's components admin. */
export interface ComponentTypeAdmin {
  /** Path of the type's admin screen. */
  path: (spaceSlug: string, componentId: string) => string;
  /** Label key of that link. */
  label: string;
}

/**
 * Admin screens of the component types registered in `component-types.tsx`. Kept apart from the
 * public views: naming a label key brings its feature's French strings into the chunk (see
 * `i18n/strings-plugin.ts`), and only the admin needs them.
 */
export const COMPONENT_TYPE_ADMIN: Partial<Record<ComponentType, ComponentTypeAdmin>> = {
  [ComponentType.MEETINGS]: {
    path: (spaceSlug, componentId) => `/admin/espaces/${spaceSlug}/rencontres/${componentId}`,
    label: 'meetings.admin.title',
  },
  [ComponentType.VOTES]: {
    path: (spaceSlug, componentId) => `/admin/espaces/${spaceSlug}/votations/${componentId}`,
    label: 'votes.admin.title',
  },
  [ComponentType.DEBATE]: {
    path: (spaceSlug, componentId) => `/admin/espaces/${spaceSlug}/debats/${componentId}`,
    label: 'debates.admin.title',
  },
  [ComponentType.NEWS]: {
    path: (spaceSlug, componentId) => `/admin/espaces/${spaceSlug}/actualites/${componentId}`,
    label: 'news.admin.title',
  },
};
