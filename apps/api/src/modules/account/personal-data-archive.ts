import { ZipArchive } from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { EntityManager } from 'typeorm';
import { PROFILE_PERSONAL_DATASETS } from '../profile/profile-personal-data';
import { CSV_OPTIONS } from '../survey/survey-export.controller';

/** One table of the archive: a name (file stem), its columns, and the SQL that reads the owner's rows (`$1` = user id). */
interface Dataset {
  name: string;
  description: string;
  columns: string[];
  sql: string;
}

/**
 * What "download my data" contains (GDPR art. 15 and 20): the owner's own rows only. Secret
 * ballots: only the fact of having voted (the participation row), never the option — the
 * schema keeps no link between a secret ballot and its voter, and this export creates none.
 */
export const PERSONAL_DATASETS: Dataset[] = [
  {
    name: 'profile',
    description: 'Votre compte',
    columns: ['id', 'name', 'email', 'locale', 'is_admin', 'created_at', 'updated_at'],
    sql: `SELECT id, name, email, locale, is_admin, created_at, updated_at FROM users WHERE id = $1`,
  },
  {
    name: 'proposals',
    description: 'Vos propositions',
    columns: ['id', 'space', 'title', 'body', 'state', 'published_at', 'updated_at'],
    sql: `SELECT p.id, s.title AS space, p.title, p.body, p.state, p.published_at, p.updated_at
            FROM proposals p JOIN components c ON c.id = p.component_id JOIN participatory_spaces s ON s.id = c.space_id
           WHERE p.author_id = $1 ORDER BY p.published_at, p.id`,
  },
  {
    name: 'comments',
    description: 'Vos commentaires',
    columns: ['id', 'commentable_type', 'commentable_id', 'parent_id', 'alignment', 'body', 'created_at', 'edited_at', 'deleted_at'],
    sql: `SELECT id, commentable_type, commentable_id, parent_id, alignment, body, created_at, edited_at, deleted_at
            FROM comments WHERE author_id = $1 ORDER BY created_at, id`,
  },
  {
    name: 'supports',
    description: 'Vos soutiens (propositions et amendements)',
    columns: ['supported_type', 'supported_id', 'title', 'counted', 'created_at'],
    sql: `SELECT 'PROPOSAL' AS supported_type, p.id AS supported_id, p.title, s.counted, s.created_at
            FROM proposal_supports s JOIN proposals p ON p.id = s.proposal_id WHERE s.user_id = $1
          UNION ALL
          SELECT 'AMENDMENT', a.id, a.title, true, s.created_at
            FROM amendment_supports s JOIN amendments a ON a.id = s.amendment_id WHERE s.user_id = $1
          ORDER BY created_at`,
  },
  {
    name: 'amendments',
    description: 'Vos amendements',
    columns: ['id', 'amendable_type', 'amendable_id', 'title', 'body', 'state', 'created_at', 'answered_at'],
    sql: `SELECT id, amendable_type, amendable_id, title, body, state, created_at, answered_at
            FROM amendments WHERE author_id = $1 ORDER BY created_at, id`,
  },
  {
    name: 'assembly_votes',
    description: 'Vos votes en assemblée (pour un scrutin secret : seulement le fait d’avoir voté)',
    columns: ['motion_id', 'motion', 'secret_ballot', 'choice', 'weight', 'voted_at', 'changed_at'],
    // the choice is read only through the participation's public ballot (secret ballots have none)
    sql: `SELECT m.id AS motion_id, m.title AS motion, m.secret_ballot,
                 CASE WHEN m.secret_ballot THEN NULL ELSE b.choice END AS choice,
                 p.weight::text AS weight, p.voted_at, p.changed_at
            FROM motion_participations p JOIN motions m ON m.id = p.motion_id
            LEFT JOIN motion_ballots b ON b.id = p.ballot_id AND NOT m.secret_ballot
           WHERE p.user_id = $1 ORDER BY p.voted_at, m.id`,
  },
  {
    name: 'assembly_memberships',
    description: 'Vos adhésions aux assemblées',
    columns: ['space', 'position', 'college', 'weight', 'joined_at', 'left_at'],
    sql: `SELECT s.title AS space, m.position, m.college, m.weight::text AS weight, m.joined_at, m.left_at
            FROM assembly_members m JOIN participatory_spaces s ON s.id = m.space_id WHERE m.user_id = $1 ORDER BY m.joined_at`,
  },
  {
    name: 'survey_answers',
    description: 'Vos réponses aux enquêtes',
    columns: ['survey', 'submitted_at', 'question', 'answer'],
    sql: `SELECT sv.title AS survey, sub.created_at AS submitted_at, q.body AS question,
                 concat_ws(' ; ', a.body,
                   (SELECT string_agg(concat_ws(' : ', r.body, o.body, c.value::text, c.free_text), ' ; ' ORDER BY c.id)
                      FROM survey_answer_choices c
                      LEFT JOIN survey_question_options o ON o.id = c.option_id
                      LEFT JOIN survey_question_options r ON r.id = c.row_id
                     WHERE c.submission_id = a.submission_id AND c.question_id = a.question_id)) AS answer
            FROM survey_submissions sub JOIN surveys sv ON sv.id = sub.survey_id
            JOIN survey_answers a ON a.submission_id = sub.id JOIN survey_questions q ON q.id = a.question_id
           WHERE sub.user_id = $1 ORDER BY sub.created_at, q.position`,
  },
  {
    name: 'notifications',
    description: 'Vos notifications',
    columns: ['kind', 'title', 'body', 'link', 'created_at', 'read_at', 'emailed_at'],
    sql: `SELECT kind, title, body, link, created_at, read_at, emailed_at FROM notifications WHERE user_id = $1 ORDER BY sequence`,
  },
  {
    name: 'notification_settings',
    description: 'Vos réglages de notification',
    columns: ['disabled_kinds', 'email_delivery', 'updated_at'],
    sql: `SELECT array_to_string(disabled_kinds, ' ') AS disabled_kinds, email_delivery, updated_at FROM notification_settings WHERE user_id = $1`,
  },
  {
    name: 'follows',
    description: 'Ce que vous suivez',
    columns: ['followable_type', 'followable_id', 'created_at'],
    sql: `SELECT followable_type, followable_id, created_at FROM follows WHERE user_id = $1 ORDER BY created_at`,
  },
  {
    name: 'terms_acceptances',
    description: 'Vos acceptations des conditions et de la politique de confidentialité',
    columns: ['kind', 'version', 'accepted_at'],
    sql: `SELECT kind, version, accepted_at FROM terms_acceptances WHERE user_id = $1 ORDER BY accepted_at, kind`,
  },
  ...PROFILE_PERSONAL_DATASETS,
];

/** A cell: dates in ISO 8601 (UTC), numbers kept as numbers (a negative one is not a formula), booleans as true/false, null as empty. */
const cell = (value: unknown) =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'number' ? value : String(value);

/**
 * Builds the ZIP of one user's data: for each dataset `<name>.json` (an array of objects) and
 * `<name>.csv` (UTF-8 with BOM, header line, comma-separated), plus `LISEZMOI.txt`.
 * Reads through the caller's transaction so the archive is one consistent snapshot.
 * @param manager the caller's transaction
 * @param userId the owner
 * @returns the ZIP file's bytes
 */
export async function buildPersonalDataArchive(manager: EntityManager, userId: string): Promise<Buffer> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  zip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  const readme = [
    'Vos données sur Concerto',
    `Export du ${new Date().toISOString()} (dates en UTC, ISO 8601).`,
    'Chaque fichier existe en JSON et en CSV :',
    ...PERSONAL_DATASETS.map((d) => `- ${d.name} : ${d.description}`),
    '',
    'Un bulletin secret n’est jamais relié à son auteur : pour ces scrutins, seul le fait d’avoir voté figure ici.',
  ].join('\r\n');
  zip.append(readme, { name: 'LISEZMOI.txt' });
  for (const dataset of PERSONAL_DATASETS) {
    const rows: Record<string, unknown>[] = await manager.query(dataset.sql, [userId]);
    const json = rows.map((row) => Object.fromEntries(dataset.columns.map((c) => [c, row[c] instanceof Date ? (row[c] as Date).toISOString() : (row[c] ?? null)])));
    zip.append(JSON.stringify(json, null, 2), { name: `${dataset.name}.json` });
    const csv = stringify([dataset.columns, ...rows.map((row) => dataset.columns.map((c) => cell(row[c])))], CSV_OPTIONS);
    zip.append(`\uFEFF${csv}`, { name: `${dataset.name}.csv` });
  }
  await Promise.race([zip.finalize(), failed]);
  return Buffer.concat(chunks);
}
