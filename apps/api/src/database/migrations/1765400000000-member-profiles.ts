import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member profiles (issue #13): the typology list (the nine respondent types of annex 1 of the
 * 2021 report, verbatim — the report truncates some; an organization admin can edit them),
 * one profile per live account with a unique pseudo, avatars and member-to-member follows.
 * Existing accounts get a pseudo derived from their display name (accents dropped, lower case,
 * hyphens; "-2", "-3"… on a clash). The derivation is copied here, not imported, so this
 * migration keeps doing what it did when the service changes.
 */
const TYPOLOGIES: [string, string][] = [
  ['supplier', 'Entreprise fournisseur de e-sa...'],
  ['user_company', 'Entreprise utilisatrice de e-santé'],
  ['consultant', 'Consultant, Expert, Lobby, Syn...'],
  ['institution', 'Institutionnel, y compris finan...'],
  ['funder', 'Financier public ou privé de "...'],
  ['hospital', 'Hôpital, groupe privé, fédérati...'],
  ['learned_society', 'Société savante, recherche (m...'],
  ['community_of_practice', 'Communauté de pratique à d...'],
  ['support_practice', "Pratiques d'accompagnement..."],
];

const VISIBILITY = (column: string) =>
  `${column} text NOT NULL DEFAULT 'MEMBERS' CHECK (${column} IN ('PUBLIC', 'MEMBERS', 'ADMINS'))`;

function pseudoBase(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = folded.slice(0, 24).replace(/-+$/g, '');
  return cut.length >= 3 ? cut : 'membre';
}

export class MemberProfiles1765400000000 implements MigrationInterface {
  name = 'MemberProfiles1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member_typologies (
        key text PRIMARY KEY CHECK (key ~ '^[a-z0-9][a-z0-9_]{0,39}$'),
        label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 120),
        position integer NOT NULL,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX member_typologies_label_key ON member_typologies (lower(label)) WHERE archived_at IS NULL`,
    );
    for (const [index, [key, label]] of TYPOLOGIES.entries()) {
      await q.query(`INSERT INTO member_typologies (key, label, position) VALUES ($1, $2, $3)`, [
        key,
        label,
        index + 1,
      ]);
    }

    await q.query(`
      CREATE TABLE member_avatars (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        content_type text NOT NULL CHECK (content_type = 'image/webp'),
        bytes bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 1048576),
        width integer NOT NULL CHECK (width BETWEEN 1 AND 1024),
        height integer NOT NULL CHECK (height BETWEEN 1 AND 1024),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX member_avatars_user_idx ON member_avatars (user_id)`);

    await q.query(`
      CREATE TABLE member_profiles (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        pseudo text NOT NULL CHECK (pseudo ~ '^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$'),
        organisation text CHECK (char_length(organisation) BETWEEN 1 AND 150),
        typology_key text REFERENCES member_typologies(key),
        role_title text CHECK (char_length(role_title) BETWEEN 1 AND 100),
        bio text CHECK (char_length(bio) BETWEEN 1 AND 600),
        website text CHECK (char_length(website) BETWEEN 1 AND 300 AND website ~ '^https?://'),
        avatar_id uuid REFERENCES member_avatars(id) ON DELETE SET NULL,
        ${VISIBILITY('organisation_visibility')},
        ${VISIBILITY('typology_visibility')},
        ${VISIBILITY('role_title_visibility')},
        ${VISIBILITY('bio_visibility')},
        ${VISIBILITY('avatar_visibility')},
        ${VISIBILITY('website_visibility')},
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX member_profiles_pseudo_key ON member_profiles (pseudo)`);
    await q.query(`CREATE INDEX member_profiles_typology_idx ON member_profiles (typology_key)`);
    await q.query(
      `CREATE INDEX member_profiles_organisation_idx ON member_profiles (lower(organisation) text_pattern_ops) WHERE organisation IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE member_follows (
        follower_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        followed_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (follower_id, followed_id),
        CHECK (follower_id <> followed_id)
      )`);
    await q.query(
      `CREATE INDEX member_follows_followed_idx ON member_follows (followed_id, created_at)`,
    );

    // a pseudo for every live account, derived from its display name, oldest accounts first
    const users: { id: string; name: string }[] = await q.query(
      `SELECT id, name FROM users WHERE deleted_at IS NULL ORDER BY created_at, id`,
    );
    const taken = new Set<string>([
      'moi',
      'admin',
      'administrateur',
      'administrator',
      'moderateur',
      'moderator',
      'concerto',
      'participant-supprime',
      'deleted-participant',
      'membres',
      'nouveau',
    ]);
    for (const user of users) {
      const base = pseudoBase(user.name);
      let pseudo = base;
      for (let n = 2; taken.has(pseudo); n++) pseudo = `${base}-${n}`;
      taken.add(pseudo);
      await q.query(`INSERT INTO member_profiles (user_id, pseudo) VALUES ($1, $2)`, [
        user.id,
        pseudo,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE member_follows`);
    await q.query(`DROP TABLE member_profiles`);
    await q.query(`DROP TABLE member_avatars`);
    await q.query(`DROP TABLE member_typologies`);
  }
}
