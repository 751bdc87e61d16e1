import { ComponentType } from '@concerto/domain';
import type { ComponentType as ReactComponentType } from 'react';
import { lazyPage } from './layout/components/LazyPage';

/** What the component page shows for a component of a registered type. */
export interface ComponentTypeView {
  /** The public view inside the component page (its own chunk). */
  view: ReactComponentType<{ componentId: string }>;
}

/**
 * Component types registered from their own folder (see `apps/api/src/modules/README.md`, step 10):
 * type → public view; the admin screen, if any, is registered in `component-types-admin.ts` (its
 * label's strings stay out of the public pages). The types written before this registry are
 * still switched in `ComponentPage` and `ComponentsAdmin`.
 */
export const COMPONENT_TYPE_VIEWS: Partial<Record<ComponentType, ComponentTypeView>> = {
  [ComponentType.MEETINGS]: {
    view: lazyPage(() => import('./meetings/components/MeetingList'), 'MeetingList'),
  },
  [ComponentType.VOTES]: {
    view: lazyPage(() => import('./ballots/components/BallotList'), 'BallotList'),
  },
  [ComponentType.IDEAS]: {
    view: lazyPage(() => import('./ideas/components/IdeaBoxList'), 'IdeaBoxList'),
  },
  [ComponentType.DEBATE]: {
    view: lazyPage(() => import('./debates/components/DebateList'), 'DebateList'),
  },
  [ComponentType.NEWS]: {
    view: lazyPage(() => import('./news/components/NewsList'), 'NewsList'),
  },
};
