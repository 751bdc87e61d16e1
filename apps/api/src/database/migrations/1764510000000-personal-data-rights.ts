import { MigrationInterface, QueryRunner } from 'typeorm';

const TERMS_V1 = `Les présentes conditions encadrent l’usage de Concerto, la plateforme de concertation de la filière santé numérique.

1. Objet. Concerto permet aux membres de la filière de publier des propositions, de les soutenir, de les commenter, d’amender des textes, de voter en assemblée et de répondre à des enquêtes.

2. Compte. Vous créez un compte avec un nom, une adresse e-mail et un mot de passe. Vous êtes responsable de la confidentialité de votre mot de passe. Vous pouvez le changer et supprimer votre compte à tout moment depuis « Mon compte ».

3. Contributions. Vos propositions, commentaires et amendements sont publics. Ils doivent respecter la loi et les autres participants ; la modération peut masquer un contenu signalé. Après la suppression de votre compte, vos contributions publiques restent visibles sous le nom « Participant supprimé », afin que les débats restent lisibles.

4. Votes et soutiens. Chaque soutien et chaque vote est compté une fois. Un vote à bulletin secret n’est jamais relié à son auteur.

5. Évolution. Ces conditions peuvent évoluer ; une nouvelle version vous sera présentée et devra être acceptée pour continuer.`;

const PRIVACY_V1 = `Cette politique décrit les données personnelles que Concerto traite et vos droits (Règlement général sur la protection des données, RGPD).

1. Données traitées. Votre nom, votre adresse e-mail, un condensé de votre mot de passe (jamais le mot de passe lui-même), vos sessions de connexion, vos contributions (propositions, commentaires, amendements), vos soutiens, vos votes publics, vos réponses aux enquêtes, vos suivis, vos notifications et vos acceptations de ces documents.

2. Finalités et base légale. Faire fonctionner la concertation de la filière (exécution des conditions d’utilisation) et garder la trace des décisions (intérêt légitime).

3. Durée. Vos données sont conservées tant que votre compte existe. À la suppression du compte, vos données personnelles sont effacées ; vos contributions publiques restent, attribuées à « Participant supprimé », et vos soutiens et votes restent comptés sans vous identifier.

4. Vos droits. Depuis « Mon compte », vous pouvez télécharger toutes vos données (archive ZIP en JSON et CSV, téléchargeable une fois pendant 7 jours), changer votre mot de passe et supprimer votre compte. Pour toute autre demande (rectification, opposition), contactez l’administrateur de la plateforme.

5. Secret du vote. Un bulletin secret est enregistré sans lien avec son auteur : ni l’export de vos données ni la suppression de votre compte ne peuvent le relier à vous.`;

/**
 * Personal data rights (GDPR) and account security:
 * - a deleted account keeps its row as an anonymous tombstone (`deleted_at`, no e-mail, no
 *   password hash) so supports and votes stay counted and public content stays attributed to
 *   "Participant supprimé"; e-mail and password may be null only for deleted accounts (check);
 * - versioned legal documents (`terms_documents`, current = highest version per kind) and
 *   acceptances (`terms_acceptances`, one per user, kind and version: primary key);
 * - "download my data" exports (`data_exports`) built by a background worker; at most one
 *   pending export per user (partial unique index `data_exports_one_pending_key`); the file
 *   is present exactly while the export is READY (check).
 */
export class PersonalDataRights1764510000000 implements MigrationInterface {
  name = 'PersonalDataRights1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN deleted_at timestamptz,
        ALTER COLUMN email DROP NOT NULL,
        ALTER COLUMN password_hash DROP NOT NULL,
        ADD CONSTRAINT users_deleted_check CHECK (
          CASE WHEN deleted_at IS NULL THEN email IS NOT NULL AND password_hash IS NOT NULL
               ELSE email IS NULL AND password_hash IS NULL AND NOT is_admin END)`);

    await q.query(`
      CREATE TABLE terms_documents (
        kind text NOT NULL CHECK (kind IN ('TERMS', 'PRIVACY')),
        version integer NOT NULL CHECK (version >= 1),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 150),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 50000),
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, version)
      )`);
    await q.query(
      `INSERT INTO terms_documents (kind, version, title, body) VALUES ('TERMS', 1, 'Conditions d’utilisation', $1), ('PRIVACY', 1, 'Politique de confidentialité', $2)`,
      [TERMS_V1, PRIVACY_V1],
    );
    await q.query(`
      CREATE TABLE terms_acceptances (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        version integer NOT NULL,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind, version),
        FOREIGN KEY (kind, version) REFERENCES terms_documents (kind, version)
      )`);

    await q.query(`
      CREATE TABLE data_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'READY', 'DOWNLOADED', 'EXPIRED', 'FAILED')),
        content bytea,
        byte_size integer CHECK (byte_size IS NULL OR byte_size >= 0),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        requested_at timestamptz NOT NULL DEFAULT now(),
        ready_at timestamptz,
        expires_at timestamptz,
        downloaded_at timestamptz,
        CHECK ((status = 'READY') = (content IS NOT NULL)),
        CHECK (status NOT IN ('READY', 'DOWNLOADED', 'EXPIRED') OR (ready_at IS NOT NULL AND expires_at IS NOT NULL)),
        CHECK ((status = 'DOWNLOADED') = (downloaded_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX data_exports_one_pending_key ON data_exports (user_id) WHERE status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX data_exports_pending_idx ON data_exports (requested_at) WHERE status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX data_exports_user_idx ON data_exports (user_id, requested_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE data_exports`);
    await q.query(`DROP TABLE terms_acceptances`);
    await q.query(`DROP TABLE terms_documents`);
    await q.query(`DELETE FROM users WHERE deleted_at IS NOT NULL`);
    await q.query(
      `ALTER TABLE users DROP CONSTRAINT users_deleted_check, DROP COLUMN deleted_at, ALTER COLUMN email SET NOT NULL, ALTER COLUMN password_hash SET NOT NULL`,
    );
  }
}
