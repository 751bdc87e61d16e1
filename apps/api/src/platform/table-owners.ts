/**
 * Which feature module owns each table (the module folder under `apps/api/src/modules/`).
 * A module's SQL names only its own tables; it asks another module through that module's
 * service (`apps/api/test/table-ownership.spec.ts` reads every module's SQL and fails
 * otherwise). A new table is added here by the migration's module.
 */
export const TABLE_OWNERS = {
  user: ['users'],
  auth: ['sessions', 'account_tokens'],
  account: ['data_exports'],
  terms: ['terms_documents', 'terms_acceptances'],
  profile: ['member_profiles', 'member_typologies', 'member_avatars', 'member_follows'],
  'action-log': ['action_logs'],
  'participatory-space': [
    'participatory_spaces',
    'components',
    'space_roles',
    'space_phases',
    'assembly_members',
    'assembly_invitations',
  ],
  notification: [
    'domain_events',
    'notifications',
    'notification_settings',
    'notification_subjects',
  ],
  comment: ['comments'],
  follow: ['follows'],
  moderation: ['moderations', 'reports', 'user_blocks'],
  demo: ['app_settings'],
  proposal: [
    'proposals',
    'proposal_supports',
    'proposal_versions',
    'proposal_cursor_keys',
    'proposal_counts',
    'proposal_disagreements',
    'proposal_consensus_snapshots',
    'proposal_consensus_ranks',
  ],
  'participatory-text': [
    'participatory_texts',
    'participatory_text_sources',
    'text_sections',
    'text_articles',
    'article_versions',
    'amendments',
    'amendment_supports',
  ],
  survey: [
    'surveys',
    'survey_questions',
    'survey_question_options',
    'survey_submissions',
    'survey_answers',
    'survey_answer_choices',
    'survey_events',
  ],
  motion: ['motions', 'motion_ballots', 'motion_events', 'motion_participations', 'motion_results'],
  ballot: [
    'ballot_census_invitations',
    'ballots',
    'ballot_questions',
    'ballot_options',
    'ballot_census_emails',
    'ballot_census_snapshots',
    'ballot_participations',
    'ballot_envelopes',
    'ballot_events',
    'ballot_results',
  ],
  petition: [
    'petitions',
    'petition_types',
    'petition_signatures',
    'petition_milestones',
    'petition_committee_members',
    'petition_committee_invitations',
    'petition_results',
  ],
  meeting: [
    'meetings',
    'meeting_agenda_items',
    'meeting_agenda_links',
    'meeting_closing_proposals',
    'meeting_registrations',
    'meeting_reminders',
    'meeting_calendar_feeds',
  ],
  idea: ['idea_boxes', 'ideas', 'idea_voters', 'idea_pairs'],
  debate: ['debates', 'debate_statements', 'debate_votes', 'debate_analyses', 'debate_positions'],
  news: ['news_posts', 'news_images'],
  identity: ['identities', 'identity_sign_in_attempts'],
  newsletter: ['newsletter_subscriptions', 'newsletters', 'newsletter_deliveries'],
} as const satisfies Record<string, readonly string[]>;

/**
 * The platform's backbone, which any module may READ in a join (never write): a resource's
 * component and space (visibility, slug, settings) and an author's display name — as every
 * Decidim component belongs to `decidim_components` and joins `decidim_users` for authors.
 * Writing them goes through their owner's service.
 */
export const SHARED_READ_TABLES = ['users', 'participatory_spaces', 'components'] as const;

/**
 * Crossings that exist today and are to be removed (each by asking the owner's service): the
 * ownership test fails on any crossing not listed here, and on a listed one that no longer
 * exists, so this list only shrinks. `write` = the module inserts, updates or deletes rows.
 */
export const KNOWN_CROSSINGS: readonly {
  module: string;
  table: string;
  write: boolean;
  why: string;
}[] = [];
