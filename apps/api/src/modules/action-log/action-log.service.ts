import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActionLogEntity, ActionLogVisibility } from './action-log.entity';

/** What one action-log line records. */
export interface ActionLogInput {
  userId: string | null;
  /** Verb in snake case, e.g. `create`, `update`, `publish`, `add_role`. */
  action: string;
  /** Table-level resource name, e.g. `participatory_space`, `component`. */
  resourceType: string;
  resourceId: string | null;
  spaceId?: string | null;
  visibility?: ActionLogVisibility;
  summary?: string;
}

/** Writes the action log (DESIGN.md "Traceability"). */
@Injectable()
export class ActionLogService {
  /**
   * Appends one line inside the caller's transaction, so the trace commits or rolls back
   * with the change it describes.
   * @param manager the transaction's entity manager
   * @param input who did what to which resource
   */
  async record(manager: EntityManager, input: ActionLogInput): Promise<void> {
    await manager.insert(ActionLogEntity, {
      userId: input.userId,
      action: input.action,
      resourceType: input.resourceType,
      resourceId: input.resourceId,
      spaceId: input.spaceId ?? null,
      visibility: input.visibility ?? 'ADMIN_ONLY',
      summary: input.summary ?? '',
    });
  }
}
