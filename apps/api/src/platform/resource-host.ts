import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../common/access/request-context';

/** A resource as a capability sees it: where it lives, who wrote it, how to name and link it. */
export interface HostedResource {
  type: string;
  id: string;
  spaceId: string;
  /** The component holding it, or null (a space, or a comment on a resource outside components). */
  componentId: string | null;
  /** Its component's settings with defaults (`{}` when none). */
  settings: Record<string, unknown>;
  /** Hidden by moderation. */
  hidden: boolean;
  /** Plain-text title for notifications, e-mails and the moderation queue (≤ 200 characters). */
  title: string;
  /** Path of its page in the web app (notifications and e-mails prefix `PUBLIC_URL`). */
  link: string;
  authorId: string | null;
}

/** Comments on a host (Decidim's `Commentable`). */
export interface CommentsAdapter {
  /** Whether the resource takes new comments now. */
  enabled(resource: HostedResource): boolean;
  /** Moves the host's comments counter inside the comment's transaction (±1). */
  moveCount(manager: EntityManager, id: string, delta: number): Promise<void>;
  /** The host version a new comment refers to (articles), or null. */
  versionOf?(manager: EntityManager, id: string): Promise<number | null>;
  /**
   * Optional, for bulk readers (the open-data comments): which of `ids` an anonymous visitor
   * sees and are not hidden, in one query — without it, `locate` is asked for each id.
   */
  publicIds?(manager: EntityManager, ids: string[]): Promise<Set<string>>;
}

/** Follows of a host. */
export interface FollowsAdapter {
  /** Moves the host's follows counter inside the follow's transaction (±n), when it keeps one. */
  moveCount?(manager: EntityManager, id: string, delta: number): Promise<void>;
}

/** What a moderation queue line shows of a reported resource. */
export interface ReportedSummary {
  title: string;
  /** The proposal the line links to (the resource, or the proposal a comment is on), if any. */
  proposalId: string | null;
  /** Waiting for an official answer (a hidden resource is not: it is shown again first). */
  unanswered: boolean;
}

/** Reports and hiding of a host (Decidim's `Reportable`). */
export interface ReportsAdapter {
  /** Reports that hide the resource until a moderator reviews it. */
  hideThreshold(resource: HostedResource): number;
  /** Sets or clears the host's `hidden_at` inside the moderation transaction. */
  setHidden(manager: EntityManager, id: string, hidden: boolean): Promise<void>;
  /** Queue lines of reported resources of this type. */
  summaries(ids: string[]): Promise<Map<string, ReportedSummary>>;
  /**
   * Ids of the resources of this type that `authorId` wrote, read in the caller's transaction:
   * blocking an account hides them. Left out by hosts whose resources members do not write.
   */
  authoredBy?(manager: EntityManager, authorId: string): Promise<string[]>;
  /** Items of a component waiting for a moderator although nobody reported them (unanswered proposals that are not hidden). */
  pending?(
    componentId: string,
  ): Promise<
    { id: string; title: string; since: Date; hidden: boolean; proposalId: string | null }[]
  >;
}

/** The public history of a host ("Historique"): the PUBLIC action-log lines of the resource (and of its amendments). */
export interface HistoryAdapter {
  /** `action_logs.resource_type` of the resource's own lines. */
  logType: string;
  /** Whether the lines of amendments against it join its history (then `amendments.amendable_type` = host type). */
  withAmendments: boolean;
}

/**
 * What a host registers so that shared capabilities can serve its resources without knowing
 * its tables (Decidim's concerns, typed). One provider per resource type, in the host's module,
 * marked {@link ResourceHostAdapter}; a capability part is present only when the resource takes it.
 */
export interface ResourceHost {
  /** Resource type, upper case, as in the manifests and GraphQL enums (`PROPOSAL`). */
  readonly type: string;
  /**
   * The resource as `viewer` may see it (content of an unpublished space or component exists
   * only for its admins and moderators; an amendment hidden by `ONLY_OWN` only for its author).
   * Hidden content is returned with `hidden: true`: the capability decides.
   * @throws NOT_FOUND unknown or invisible; BAD_USER_INPUT malformed id
   */
  locate(id: string, viewer: Viewer | null, manager?: EntityManager): Promise<HostedResource>;
  /**
   * The resource without visibility checks: for notification links, the access guard's space
   * lookup and capability bookkeeping. @returns null when unknown (or a malformed id)
   */
  reference(id: string, manager?: EntityManager): Promise<HostedResource | null>;
  comments?: CommentsAdapter;
  follows?: FollowsAdapter;
  reports?: ReportsAdapter;
  history?: HistoryAdapter;
}

/**
 * Finds the space of ids that are not resources of their own (a survey's question or option)
 * for the access guard's `@SpaceRoles(…, (args) => ({ key: id }))`. Registered like hosts.
 */
export interface SpaceLocator {
  /** Argument key (`surveyQuestionId`) → French and English names for NOT_FOUND, and the lookup (null when unknown). */
  readonly keys: Readonly<
    Record<
      string,
      { what: string; whatInEnglish: string; spaceIdOf(id: string): Promise<string | null> }
    >
  >;
}

/**
 * Adds other resources' lines to hosts' histories (the amendment capability adds each
 * amendment's lines to the history of what it amends). Registered like hosts.
 */
export interface HistoryContributor {
  /**
   * @param hostType the host whose histories are read; @param ids its resources
   * @returns resource id → the (action-log type, id) pairs whose PUBLIC lines join its history
   */
  related(hostType: string, ids: string[]): Promise<Map<string, { type: string; id: string }[]>>;
}

export const RESOURCE_HOST = 'concerto:resource-host';
export const HISTORY_CONTRIBUTOR = 'concerto:history-contributor';

/** Marks a provider as a {@link HistoryContributor}. */
export const HistoryContributorAdapter = () => SetMetadata(HISTORY_CONTRIBUTOR, true);
export const SPACE_LOCATOR = 'concerto:space-locator';

/** Marks a provider as a {@link SpaceLocator}. */
export const SpaceLocatorAdapter = () => SetMetadata(SPACE_LOCATOR, true);

/** Marks a provider as a {@link ResourceHost}: the {@link ResourceHosts} registry discovers it at start. */
export const ResourceHostAdapter = () => SetMetadata(RESOURCE_HOST, true);

/** Keeps only hosts that have a given capability part. */
export type HostWith<K extends 'comments' | 'follows' | 'reports' | 'history'> = ResourceHost &
  Required<Pick<ResourceHost, K>>;
