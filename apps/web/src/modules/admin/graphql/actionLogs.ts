import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ActionLogsQuery,
  ActionLogsQueryVariables,
  ActionLogFilterInput,
} from '../../../graphql/generated';

export type { ActionLogVisibility } from '../../../graphql/generated';

/** One line of the journal as the admin page shows it (server type `ActionLog`). */
export type ActionLogRow = ActionLogsQuery['actionLogs']['nodes'][number];

/** Filters of `actionLogs` (server input `ActionLogFilterInput`). */
export type ActionLogFilter = ActionLogFilterInput;

export type ActionLogPage = ActionLogsQuery;

/** Lines per page of the admin journal. */
export const ACTION_LOG_PAGE_SIZE = 50;

/** Actions the API writes (see the API's action-log coverage test), for the action filter. */
export const ACTION_LOG_ACTIONS = [
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'activate',
  'reorder',
  'add_role',
  'remove_role',
  'update_settings',
  'update_amendment_settings',
  'withdraw',
  'support',
  'unsupport',
  'answer',
  'answer_draft',
  'publish_answer',
  'report',
  'hide',
  'unhide',
  'dismiss_reports',
  'import',
  'accept',
  'reject',
  'promote',
  'add_question',
  'update_question',
  'change_question_type',
  'remove_question',
  'reorder_questions',
  'add_option',
  'update_option',
  'remove_option',
  'publish_results',
  'unpublish_results',
  'add_member',
  'invite_member',
  'remove_member',
  'vote',
  'change_vote',
  'close',
  'register',
  'load_demo',
] as const;

/** Resource types the API writes, for the type filter. */
export const ACTION_LOG_RESOURCE_TYPES = [
  'participatory_space',
  'space_phase',
  'component',
  'space_role',
  'proposal',
  'comment',
  'participatory_text',
  'amendment',
  'survey',
  'survey_question',
  'survey_question_option',
  'assembly_member',
  'assembly_invitation',
  'motion',
  'user',
] as const;

export const ACTION_LOGS_QUERY: TypedDocumentNode<ActionLogsQuery, ActionLogsQueryVariables> = gql`
  query ActionLogs($filter: ActionLogFilterInput, $first: Int, $after: String) {
    actionLogs(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        action
        resourceType
        resourceId
        spaceId
        spaceTitle
        visibility
        summary
        createdAt
        actor {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
