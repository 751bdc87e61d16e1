import { ComponentType } from '@concerto/domain';
import type { ComponentType as ReactComponentType } from 'react';
import { lazyPage } from './layout/components/LazyPage';

/** What the component page shows for a component of a registered type. */
export interface ComponentTypeView {
  /** The public view inside the component page (its own chunk). */
  view: ReactComponentType<{ componentId: string }>;
  /** Path of the type's admin screen, linked from the space's components admin. */
  adminPath?: (spaceSlug: string, componentId: string) => string;
  /** Label key of that link. */
  adminLabel?: string;
}

/**
 * Component types registered from their own folder (see `apps/api/src/modules/README.md`, step 10):
 * type → public view and optional admin screen. The types written before this registry are still
 * switched in `ComponentPage` and `ComponentsAdmin`.
 */
export const COMPONENT_TYPE_VIEWS: Partial<Record<ComponentType, ComponentTypeView>> = {
  [ComponentType.MEETINGS]: {
    view: lazyPage(() => import('./meetings/components/MeetingList'), 'MeetingList'),
    adminPath: (spaceSlug, componentId) => `/admin/espaces/${spaceSlug}/rencontres/${componentId}`,
    adminLabel: 'meetings.admin.title',
  },
  [ComponentType.VOTES]: {
    view: lazyPage(() => import('./votes/components/BallotList'), 'BallotList'),
    adminPath: (spaceSlug, componentId) => `/admin/espaces/${spaceSlug}/votations/${componentId}`,
    adminLabel: 'votes.admin.title',
  },
  [ComponentType.IDEAS]: {
    view: lazyPage(() => import('./ideas/components/IdeaBoxList'), 'IdeaBoxList'),
  },
  [ComponentType.DEBATE]: {
    view: lazyPage(() => import('./debates/components/DebateList'), 'DebateList'),
    adminPath: (spaceSlug, componentId) => `/admin/espaces/${spaceSlug}/debats/${componentId}`,
    adminLabel: 'debates.admin.title',
  },
  [ComponentType.NEWS]: {
    view: lazyPage(() => import('./news/components/NewsList'), 'NewsList'),
    adminPath: (spaceSlug, componentId) => `/admin/espaces/${spaceSlug}/actualites/${componentId}`,
    adminLabel: 'news.admin.title',
  },
};
