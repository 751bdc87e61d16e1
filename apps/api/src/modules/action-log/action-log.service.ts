import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { StatementParameters } from '../../common/database/statement-parameters';
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

  /**
   * The line of {@link record} as one part of a caller's composed statement (a `WITH` part):
   * appended when the `from` tail selects a row, so it commits or rolls back with the change.
   * @param params the statement's parameters; @param input who did what to which resource
   * @param from SQL `FROM … WHERE …` tail deciding whether the line is written
   * @returns the SQL of the part (an INSERT)
   */
  recordStatement(params: StatementParameters, input: ActionLogInput, from: string): string {
    return `INSERT INTO action_logs (user_id, action, resource_type, resource_id, space_id, visibility, summary)
      SELECT ${params.add(input.userId, 'uuid')}, ${params.add(input.action, 'text')}, ${params.add(input.resourceType, 'text')}, ${params.add(input.resourceId, 'text')},
             ${params.add(input.spaceId ?? null, 'uuid')}, ${params.add(input.visibility ?? 'ADMIN_ONLY', 'text')}, ${params.add(input.summary ?? '', 'text')} ${from}`;
  }
}
