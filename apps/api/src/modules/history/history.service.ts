import { SpaceRole } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ResourceHosts } from '../../platform/component-registry';
import { ActionLogPage, ActionLogQueryService } from '../action-log/action-log-query.service';
import { HistoryEntryDto } from '../action-log/dtos/action-log.dto';
import { SpaceAccessService } from '../participatory-space/space-access.service';

/**
 * The history capability ("Historique"): the PUBLIC journal lines of a resource, newest first,
 * with those its contributors add (the amendments against it, unless its component shows each
 * participant only their own). Knows hosts through the `history` part of their adapter.
 */
@Injectable()
export class HistoryService {
  /** One DataLoader per GraphQL request, host type and size, so a page of N parents costs one query. */
  private readonly loaders = new WeakMap<
    object,
    Map<string, DataLoader<string, HistoryEntryDto[]>>
  >();

  constructor(
    private readonly hosts: ResourceHosts,
    private readonly lines: ActionLogQueryService,
    private readonly access: SpaceAccessService,
  ) {}

  /**
   * The history of one resource the caller has already been allowed to read, batched per request.
   * @param requestKey the GraphQL context's request; @param type host type (PROPOSAL…); @param id its id; @param first 1–50 lines
   * @throws BAD_USER_INPUT first out of range, or the type has no history
   */
  history(requestKey: object, type: string, id: string, first: number): Promise<HistoryEntryDto[]> {
    if (!Number.isInteger(first) || first < 1 || first > ActionLogPage.historyMax)
      throw DomainError.badInput('first doit être entre 1 et 50.', { field: 'first' }).inEnglish(
        'first must be between 1 and 50.',
      );
    const host = this.hosts.require(type, 'history', 'resourceType');
    let perRequest = this.loaders.get(requestKey);
    if (!perRequest) this.loaders.set(requestKey, (perRequest = new Map()));
    const key = `${type}:${first}`;
    let loader = perRequest.get(key);
    if (!loader) {
      perRequest.set(
        key,
        (loader = new DataLoader(async (ids) => {
          const related = host.history.withAmendments
            ? await Promise.all(
                this.hosts.historyContributors().map((c) => c.related(type, [...ids])),
              )
            : [];
          const groups = ids.map((rid) => ({
            key: rid,
            resources: [
              { type: host.history.logType, id: rid },
              ...related.flatMap((m) => m.get(rid) ?? []),
            ],
          }));
          const byKey = await this.lines.publicLines(groups, first);
          return ids.map((rid) => byKey.get(rid) ?? []);
        })),
      );
    }
    return loader.load(id);
  }

  /**
   * The history of any resource that takes it, after checking the viewer may read it: a resource
   * hidden by moderation keeps its history readable by organization admins and by the space's
   * admins and moderators (who review it), as its comments are.
   * @throws NOT_FOUND not visible; BAD_USER_INPUT type without history, malformed id, first out of range
   */
  async visibleHistory(
    requestKey: object,
    type: string,
    id: string,
    first: number,
    viewer: Viewer | null,
  ): Promise<HistoryEntryDto[]> {
    const host = this.hosts.require(type, 'history', 'resourceType');
    const resource = await host.locate(id, viewer);
    if (resource.hidden && !(await this.moderates(viewer, resource.spaceId)))
      throw DomainError.notFound('Contenu', { id }).inEnglish('Content not found.');
    return this.history(requestKey, type, id, first);
  }

  private async moderates(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return (
      viewer.user.isAdmin ||
      this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN, SpaceRole.MODERATOR])
    );
  }
}
