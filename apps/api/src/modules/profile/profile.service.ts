import { FieldVisibility, PROFILE_FIELDS, ProfileField } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, pgConstraint, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { ActionLogService } from '../action-log/action-log.service';
import { AvatarImage } from './avatar-image';
import {
  MemberContributionDto,
  MemberProfileDto,
  MemberSummaryDto,
  MemberTypologyDto,
  UpdateMemberTypologyInput,
  UpdateMyProfileInput,
} from './dtos/profile.dto';
import { MemberContributionSources } from './member-contribution-sources';
import { createMemberProfile, isReservedPseudo } from './pseudo';

/** Column of each per-field visibility. */
const VISIBILITY_COLUMN: Record<ProfileField, string> = {
  organisation: 'organisation_visibility',
  typology: 'typology_visibility',
  roleTitle: 'role_title_visibility',
  bio: 'bio_visibility',
  avatar: 'avatar_visibility',
  website: 'website_visibility',
};

/** How much of a profile the caller may read. */
type Audience = 'OWNER' | 'ADMIN' | 'MEMBER' | 'ANONYMOUS';

const READS: Record<Audience, FieldVisibility[]> = {
  OWNER: ['PUBLIC', 'MEMBERS', 'ADMINS'],
  ADMIN: ['PUBLIC', 'MEMBERS', 'ADMINS'],
  MEMBER: ['PUBLIC', 'MEMBERS'],
  ANONYMOUS: ['PUBLIC'],
};

interface ProfileRow {
  user_id: string;
  pseudo: string;
  name: string;
  is_demo: boolean;
  blocked: boolean;
  organisation: string | null;
  role_title: string | null;
  bio: string | null;
  website: string | null;
  avatar_id: string | null;
  t_key: string | null;
  t_label: string | null;
  t_position: number | null;
  t_archived: boolean | null;
  followers: number;
  follows: number;
  viewer_follows: boolean;
  organisation_visibility: FieldVisibility;
  typology_visibility: FieldVisibility;
  role_title_visibility: FieldVisibility;
  bio_visibility: FieldVisibility;
  avatar_visibility: FieldVisibility;
  website_visibility: FieldVisibility;
}

const PROFILE_SELECT = `
  SELECT p.*, u.name, u.is_demo, u.blocked_at IS NOT NULL AS blocked, t.key AS t_key, t.label AS t_label, t.position AS t_position, t.archived_at IS NOT NULL AS t_archived,
         (SELECT count(*) FROM member_follows f WHERE f.followed_id = p.user_id)::int AS followers,
         (SELECT count(*) FROM member_follows f WHERE f.follower_id = p.user_id)::int AS follows,
         EXISTS (SELECT 1 FROM member_follows f WHERE f.follower_id = $1::uuid AND f.followed_id = p.user_id) AS viewer_follows
    FROM member_profiles p JOIN users u ON u.id = p.user_id AND u.deleted_at IS NULL
    LEFT JOIN member_typologies t ON t.key = p.typology_key`;

const TYPOLOGY_COLUMNS = `key, label, position, archived_at IS NOT NULL AS archived`;

/** Path the API serves an avatar at (see AvatarController). */
export const avatarPath = (avatarId: string) => `/avatars/${avatarId}.webp`;

/**
 * Whether a blocked account's profile is withheld from `viewer`: members and visitors see only its
 * name (Decidim's blocked profile); its owner and organization admins see it whole.
 */
export function withheldFrom(blocked: boolean, ownerId: string, viewer: Viewer | null): boolean {
  return blocked && !viewer?.user.isAdmin && viewer?.user.id !== ownerId;
}

/** Most followers / follows / contributions a profile lists at once. */
export const PROFILE_LIST_MAX = 50;

/**
 * Member profiles (Profil): pseudo, organisation, typology, role, bio, avatar, website, each
 * optional field with the visibility its owner chose; member-to-member follows; the
 * organization's typology list.
 *
 * Other features restrict and break down by typology through {@link typologyOf} and
 * {@link typologies} only (they never read this module's tables): petitions and votations
 * (restrictions to typologies), survey results (breakdown by the respondents' typology).
 * Those calls read the typology whatever its per-field visibility — they are the platform's
 * own rules and aggregates, not a display to other members — so callers must publish only
 * counts, never who holds which typology.
 *
 * Tables owned: `member_profiles`, `member_typologies`, `member_avatars`, `member_follows`.
 */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actionLog: ActionLogService,
    private readonly contributionSources: MemberContributionSources,
  ) {}

  // ── typologies: the API other modules call ──

  /**
   * The typology of each account, for restrictions (petitions, votations) and breakdowns
   * (survey results). One query whatever the number of ids.
   * @param userIds account ids (duplicates allowed)
   * @param options.manager the caller's transaction (default: a fresh connection)
   * @param options.lock share-lock the profile rows read, so a typology change waits for the
   *        caller's commit (a votation checks its census this way while a vote is cast)
   * @returns a map holding every id asked: the typology key (e.g. `hospital`, see
   *          {@link typologies}), or null when the account has no profile, no typology or is deleted
   */
  async typologyOf(
    userIds: readonly string[],
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<Map<string, string | null>> {
    const unique = [...new Set(userIds)];
    const result = new Map<string, string | null>(unique.map((id) => [id, null]));
    if (!unique.length) return result;
    const rows: { user_id: string; typology_key: string | null }[] = await (
      options.manager ?? this.dataSource.manager
    ).query(
      `SELECT user_id, typology_key FROM member_profiles WHERE user_id = ANY($1::uuid[]) ORDER BY user_id ${options.lock ? 'FOR SHARE' : ''}`,
      [unique],
    );
    for (const row of rows) result.set(row.user_id, row.typology_key);
    return result;
  }

  /**
   * The accounts holding one of the typologies (deleted accounts have no profile), for a census
   * of members by typology (votations: notifications to the census). Ids only, never shown.
   * @param keys typology keys (unknown keys match nobody)
   * @returns account ids, sorted
   */
  async membersWithTypologies(
    keys: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (!keys.length) return [];
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM member_profiles WHERE typology_key = ANY($1::text[]) ORDER BY user_id`,
      [[...keys]],
    );
    return rows.map((r) => r.user_id);
  }

  /**
   * How many accounts hold one of the typologies (a votation's census size, frozen at opening).
   * @param keys typology keys (unknown keys match nobody)
   */
  async countWithTypologies(
    keys: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    if (!keys.length) return 0;
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM member_profiles WHERE typology_key = ANY($1::text[])`,
      [[...keys]],
    );
    return row.n;
  }

  /**
   * Members and distinct organisations (names compared trimmed, any letter case) per typology,
   * for the key figures; accounts without a typology are in the row whose key is null.
   * Counts only, never who holds which typology.
   * @returns one row per typology (current ones in order, then archived ones still held)
   */
  async countsByTypology(): Promise<
    { key: string | null; label: string | null; members: number; organisations: number }[]
  > {
    const rows: {
      key: string | null;
      label: string | null;
      members: number;
      organisations: number;
    }[] = await this.dataSource.query(
      `SELECT key, label, members, organisations FROM (
         SELECT t.key, t.label, count(p.user_id)::int AS members,
                count(DISTINCT lower(btrim(p.organisation)))::int AS organisations,
                (t.archived_at IS NOT NULL)::int AS rank, t.position
           FROM member_typologies t LEFT JOIN member_profiles p ON p.typology_key = t.key
          GROUP BY t.key, t.label, t.position, t.archived_at
         HAVING t.archived_at IS NULL OR count(p.user_id) > 0
         UNION ALL
         SELECT NULL, NULL, count(*)::int, count(DISTINCT lower(btrim(organisation)))::int, 2, 0
           FROM member_profiles WHERE typology_key IS NULL) counted
        ORDER BY rank, position, key`,
    );
    return rows;
  }

  /**
   * The organization's typologies in their order (annex 1's nine respondent types unless an
   * admin changed them).
   * @param includeArchived also those no longer offered (kept on the profiles that chose them)
   */
  async typologies(includeArchived = false): Promise<MemberTypologyDto[]> {
    return this.dataSource.query(
      `SELECT ${TYPOLOGY_COLUMNS} FROM member_typologies ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY archived_at NULLS FIRST, position, key`,
    );
  }

  /**
   * Adds a typology at the end of the list. Access: organization admins.
   * @param adminId the caller
   * @param label French label (1–120 characters)
   * @throws CONFLICT a current typology has this label (any letter case)
   */
  async createTypology(adminId: string, label: string): Promise<MemberTypologyDto> {
    const base =
      label
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 30) || 'typologie';
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        // one writer of the list at a time: positions stay dense
        await manager.query(`LOCK TABLE member_typologies IN SHARE ROW EXCLUSIVE MODE`);
        let key = base;
        for (
          let n = 2;
          (await manager.query(`SELECT 1 FROM member_typologies WHERE key = $1`, [key])).length;
          n++
        )
          key = `${base}_${n}`;
        const [row] = await manager.query(
          `INSERT INTO member_typologies (key, label, position)
           SELECT $1, $2, coalesce(max(position), 0) + 1 FROM member_typologies WHERE archived_at IS NULL
           RETURNING ${TYPOLOGY_COLUMNS}`,
          [key, label],
        );
        await this.actionLog.record(manager, {
          userId: adminId,
          action: 'create',
          resourceType: 'member_typology',
          resourceId: key,
          visibility: 'ADMIN_ONLY',
          summary: `Typologie ajoutée : ${label}`.slice(0, 200),
        });
        return row;
      });
    } catch (error) {
      if (pgConstraint(error) === 'member_typologies_label_key')
        throw DomainError.conflict('Une typologie porte déjà ce libellé.', {
          field: 'label',
        }).inEnglish('A typology already has this label.');
      throw error;
    }
  }

  /**
   * Renames, moves, archives or restores a typology. Access: organization admins. Profiles keep
   * an archived typology; it is no longer offered. Positions of current typologies stay 1…n.
   * @throws NOT_FOUND unknown key; CONFLICT another current typology has this label
   */
  async updateTypology(
    adminId: string,
    key: string,
    input: UpdateMemberTypologyInput,
  ): Promise<MemberTypologyDto> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        await manager.query(`LOCK TABLE member_typologies IN SHARE ROW EXCLUSIVE MODE`);
        const [current] = await manager.query(
          `SELECT ${TYPOLOGY_COLUMNS} FROM member_typologies WHERE key = $1`,
          [key],
        );
        if (!current)
          throw DomainError.notFound('Typologie', { key }).inEnglish('Typology not found.');
        if (input.label !== undefined && input.label !== null)
          await manager.query(`UPDATE member_typologies SET label = $2 WHERE key = $1`, [
            key,
            input.label,
          ]);
        if (input.archived !== undefined && input.archived !== null) {
          await manager.query(
            `UPDATE member_typologies SET archived_at = CASE WHEN $2 THEN coalesce(archived_at, now()) END WHERE key = $1`,
            [key, input.archived],
          );
        }
        // dense positions among current typologies, the moved one at its new place
        const order: { key: string }[] = await manager.query(
          `SELECT key FROM member_typologies WHERE archived_at IS NULL AND key <> $1 ORDER BY position, key`,
          [key],
        );
        const keys = order.map((r) => r.key);
        const [still] = await manager.query(
          `SELECT archived_at IS NULL AS live FROM member_typologies WHERE key = $1`,
          [key],
        );
        if (still.live)
          keys.splice(Math.min((input.position ?? current.position) - 1, keys.length), 0, key);
        for (const [index, k] of keys.entries())
          await manager.query(
            `UPDATE member_typologies SET position = $2 WHERE key = $1 AND position <> $2`,
            [k, index + 1],
          );
        const [row] = await manager.query(
          `SELECT ${TYPOLOGY_COLUMNS} FROM member_typologies WHERE key = $1`,
          [key],
        );
        const changes = Object.entries(input)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k]) => k)
          .join(', ');
        await this.actionLog.record(manager, {
          userId: adminId,
          action: 'update',
          resourceType: 'member_typology',
          resourceId: key,
          visibility: 'ADMIN_ONLY',
          summary: `Typologie modifiée (${changes}) : ${row.label}`.slice(0, 200),
        });
        return row;
      });
    } catch (error) {
      if (pgConstraint(error) === 'member_typologies_label_key')
        throw DomainError.conflict('Une typologie porte déjà ce libellé.', {
          field: 'label',
        }).inEnglish('A typology already has this label.');
      throw error;
    }
  }

  // ── profiles ──

  /**
   * Creates the profile of a new account in the caller's transaction, with a pseudo derived
   * from the display name (the first free one of `base`, `base-2`, `base-3`…; the unique index
   * decides between simultaneous sign-ups). No-op when the account already has one.
   * @returns the account's pseudo
   */
  async createForAccount(manager: EntityManager, userId: string, name: string): Promise<string> {
    return createMemberProfile(manager, userId, name);
  }

  /**
   * The caller's own profile, every field with its visibility (created now for an account
   * that has none yet, e.g. made before profiles existed by a path the migration did not see).
   */
  async mine(viewer: Viewer): Promise<MemberProfileDto> {
    let row = await this.load(`p.user_id = $2`, [viewer.user.id], viewer.user.id);
    if (!row) {
      await inTransaction(this.dataSource, (manager) =>
        this.createForAccount(manager, viewer.user.id, viewer.user.name),
      );
      row = await this.load(`p.user_id = $2`, [viewer.user.id], viewer.user.id);
    }
    if (!row) throw DomainError.unauthenticated();
    return this.present(row, viewer);
  }

  /**
   * A member's profile as the caller may see it: each optional field only when its visibility
   * allows (PUBLIC: anyone; MEMBERS: signed-in; ADMINS: organization admins; the owner always).
   * @param pseudo the member's pseudo (any letter case)
   * @throws NOT_FOUND no live member has this pseudo
   */
  async byPseudo(pseudo: string, viewer: Viewer | null): Promise<MemberProfileDto> {
    const row = await this.load(`p.pseudo = lower($2)`, [pseudo.trim()], viewer?.user.id ?? null);
    if (!row) throw DomainError.notFound('Membre', { pseudo }).inEnglish('Member not found.');
    return this.present(row, viewer);
  }

  /**
   * Changes the caller's profile (omitted fields unchanged, null clears) in one transaction
   * with a PRIVATE journal line.
   * @throws CONFLICT `field: pseudo`, `reason: PSEUDO_TAKEN` (held by the unique index);
   *         BAD_USER_INPUT `reason: PSEUDO_RESERVED`, or `field: typologyKey` unknown or archived typology
   */
  async update(viewer: Viewer, input: UpdateMyProfileInput): Promise<MemberProfileDto> {
    await this.mine(viewer); // the profile exists from here on
    if (input.pseudo !== undefined && input.pseudo !== null && isReservedPseudo(input.pseudo)) {
      throw DomainError.badInput('pseudo: ce pseudo est réservé', {
        field: 'pseudo',
        reason: 'PSEUDO_RESERVED',
      }).inEnglish('This pseudonym is reserved.');
    }
    const changes: [string, unknown][] = [];
    const set = (column: string, value: unknown) => changes.push([column, value]);
    if (input.pseudo !== undefined && input.pseudo !== null) set('pseudo', input.pseudo);
    if (input.organisation !== undefined) set('organisation', input.organisation);
    if (input.roleTitle !== undefined) set('role_title', input.roleTitle);
    if (input.bio !== undefined) set('bio', input.bio);
    if (input.website !== undefined) set('website', input.website);
    for (const field of PROFILE_FIELDS) {
      const value = input.visibility?.[field];
      if (value !== undefined && value !== null) set(VISIBILITY_COLUMN[field], value);
    }
    try {
      await inTransaction(this.dataSource, async (manager) => {
        const columns = [...changes];
        const [current] = await manager.query(
          `SELECT typology_key FROM member_profiles WHERE user_id = $1 FOR UPDATE`,
          [viewer.user.id],
        );
        if (input.typologyKey !== undefined && input.typologyKey !== current.typology_key) {
          if (input.typologyKey !== null) {
            const [offered] = await manager.query(
              `SELECT 1 FROM member_typologies WHERE key = $1 AND archived_at IS NULL FOR SHARE`,
              [input.typologyKey],
            );
            if (!offered)
              throw DomainError.badInput(
                'typologyKey: typologie inconnue ou qui n’est plus proposée',
                { field: 'typologyKey' },
              ).inEnglish('Unknown typology, or one that is no longer offered.');
          }
          columns.push(['typology_key', input.typologyKey]);
        }
        if (!columns.length) return;
        const params: unknown[] = [viewer.user.id];
        const sets = columns.map(([column, value]) => `${column} = $${params.push(value)}`);
        await manager.query(
          `UPDATE member_profiles SET ${sets.join(', ')}, updated_at = now() WHERE user_id = $1`,
          params,
        );
        const changed = Object.entries(input)
          .filter(([, v]) => v !== undefined)
          .map(([k]) => k)
          .join(', ');
        await this.actionLog.record(manager, {
          userId: viewer.user.id,
          action: 'update',
          resourceType: 'member_profile',
          resourceId: viewer.user.id,
          visibility: 'PRIVATE',
          summary: `Profil modifié : ${changed}`.slice(0, 200),
        });
      });
    } catch (error) {
      if (pgConstraint(error) === 'member_profiles_pseudo_key')
        throw DomainError.conflict('pseudo: ce pseudo est déjà pris', {
          field: 'pseudo',
          reason: 'PSEUDO_TAKEN',
        }).inEnglish('This pseudonym is already taken.');
      throw error;
    }
    return this.mine(viewer);
  }

  /**
   * Replaces the caller's avatar with an image already processed by `toAvatarImage` (the old
   * one is deleted in the same transaction).
   * @returns the new avatar's path
   */
  async setAvatar(viewer: Viewer, image: AvatarImage): Promise<string> {
    await this.mine(viewer);
    return inTransaction(this.dataSource, async (manager) => {
      const [previous] = await manager.query(
        `SELECT avatar_id FROM member_profiles WHERE user_id = $1 FOR UPDATE`,
        [viewer.user.id],
      );
      const [avatar] = await manager.query(
        `INSERT INTO member_avatars (user_id, content_type, bytes, width, height) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [viewer.user.id, image.contentType, image.bytes, image.width, image.height],
      );
      await manager.query(
        `UPDATE member_profiles SET avatar_id = $2, updated_at = now() WHERE user_id = $1`,
        [viewer.user.id, avatar.id],
      );
      if (previous?.avatar_id)
        await manager.query(`DELETE FROM member_avatars WHERE id = $1`, [previous.avatar_id]);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update_avatar',
        resourceType: 'member_profile',
        resourceId: viewer.user.id,
        visibility: 'PRIVATE',
        summary: 'Photo de profil changée',
      });
      return avatarPath(avatar.id);
    });
  }

  /** Removes the caller's avatar (idempotent). */
  async removeAvatar(viewer: Viewer): Promise<MemberProfileDto> {
    await this.mine(viewer);
    await inTransaction(this.dataSource, async (manager) => {
      const removed = await queryRows(
        manager,
        `DELETE FROM member_avatars WHERE user_id = $1 RETURNING id`,
        [viewer.user.id],
      );
      if (!removed.length) return;
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'remove_avatar',
        resourceType: 'member_profile',
        resourceId: viewer.user.id,
        visibility: 'PRIVATE',
        summary: 'Photo de profil retirée',
      });
    });
    return this.mine(viewer);
  }

  /**
   * An avatar's bytes, if the caller may see its owner's avatar.
   * @returns null when unknown or not visible to the caller (the controller answers 404 for both)
   */
  async avatarImage(
    avatarId: string,
    viewer: Viewer | null,
  ): Promise<{ bytes: Buffer; contentType: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT a.bytes, a.content_type, p.user_id, p.avatar_visibility, u.blocked_at IS NOT NULL AS blocked
         FROM member_avatars a JOIN member_profiles p ON p.avatar_id = a.id JOIN users u ON u.id = p.user_id AND u.deleted_at IS NULL
        WHERE a.id = $1`,
      [avatarId],
    );
    if (!row || withheldFrom(row.blocked, row.user_id, viewer)) return null;
    if (!READS[this.audience(row.user_id, viewer)].includes(row.avatar_visibility)) return null;
    return { bytes: row.bytes, contentType: row.content_type };
  }

  /**
   * Organisations other members already gave (visible to members or public), for the
   * free-text field's suggestions: those starting with `search` (case-insensitive) first, most
   * frequent first, at most 10.
   */
  async organisationSuggestions(search: string): Promise<string[]> {
    const prefix = search
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows: { organisation: string }[] = await this.dataSource.query(
      `SELECT min(organisation) AS organisation FROM member_profiles
        WHERE organisation IS NOT NULL
          AND user_id IN (SELECT id FROM users WHERE deleted_at IS NULL AND blocked_at IS NULL) AND organisation_visibility IN ('PUBLIC', 'MEMBERS') AND lower(organisation) LIKE $1 || '%'
        GROUP BY lower(organisation) ORDER BY count(*) DESC, lower(organisation) LIMIT 10`,
      [prefix],
    );
    return rows.map((r) => r.organisation);
  }

  // ── follows between members ──

  /**
   * The caller follows a member (idempotent; the primary key holds one row per pair, however
   * many simultaneous requests).
   * @throws NOT_FOUND unknown pseudo; BAD_USER_INPUT `reason: SELF_FOLLOW`; CONFLICT `reason: ACCOUNT_BLOCKED` (the account is blocked)
   */
  async follow(viewer: Viewer, pseudo: string): Promise<MemberProfileDto> {
    const target = await this.byPseudo(pseudo, viewer);
    if (target.userId === viewer.user.id)
      throw DomainError.badInput('Vous ne pouvez pas vous suivre vous-même.', {
        field: 'pseudo',
        reason: 'SELF_FOLLOW',
      }).inEnglish('You cannot follow yourself.');
    if (target.blocked)
      throw DomainError.conflict('Ce compte est bloqué : il ne peut pas être suivi.', {
        reason: 'ACCOUNT_BLOCKED',
      }).inEnglish('This account is blocked: it cannot be followed.');
    await inTransaction(this.dataSource, async (manager) => {
      const added = await manager.query(
        `INSERT INTO member_follows (follower_id, followed_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [viewer.user.id, target.userId],
      );
      if (added.length)
        await this.actionLog.record(manager, {
          userId: viewer.user.id,
          action: 'follow',
          resourceType: 'member_profile',
          resourceId: target.userId,
          visibility: 'PRIVATE',
          summary: 'Suivi d’un membre',
        });
    });
    return this.byPseudo(pseudo, viewer);
  }

  /** The caller stops following a member (idempotent). @throws NOT_FOUND unknown pseudo */
  async unfollow(viewer: Viewer, pseudo: string): Promise<MemberProfileDto> {
    const target = await this.byPseudo(pseudo, viewer);
    await inTransaction(this.dataSource, async (manager) => {
      const removed = await queryRows(
        manager,
        `DELETE FROM member_follows WHERE follower_id = $1 AND followed_id = $2 RETURNING 1`,
        [viewer.user.id, target.userId],
      );
      if (removed.length)
        await this.actionLog.record(manager, {
          userId: viewer.user.id,
          action: 'unfollow',
          resourceType: 'member_profile',
          resourceId: target.userId,
          visibility: 'PRIVATE',
          summary: 'Fin du suivi d’un membre',
        });
    });
    return this.byPseudo(pseudo, viewer);
  }

  /**
   * Who follows a member, or whom a member follows, newest first.
   * @param direction `followers` or `follows`
   * @param first 1–50
   */
  async followList(
    userId: string,
    direction: 'followers' | 'follows',
    first: number,
    viewer: Viewer | null,
  ): Promise<MemberSummaryDto[]> {
    const [mine, other] =
      direction === 'followers' ? ['followed_id', 'follower_id'] : ['follower_id', 'followed_id'];
    const rows: {
      user_id: string;
      pseudo: string;
      name: string;
      avatar_id: string | null;
      avatar_visibility: FieldVisibility;
      blocked: boolean;
    }[] = await this.dataSource.query(
      `SELECT p.user_id, p.pseudo, u.name, p.avatar_id, p.avatar_visibility, u.blocked_at IS NOT NULL AS blocked
         FROM member_follows f JOIN member_profiles p ON p.user_id = f.${other} JOIN users u ON u.id = p.user_id AND u.deleted_at IS NULL
        WHERE f.${mine} = $1 ORDER BY f.created_at DESC, p.pseudo LIMIT $2`,
      [userId, Math.min(Math.max(first, 1), PROFILE_LIST_MAX)],
    );
    return rows.map((r) => ({
      pseudo: r.pseudo,
      name: r.name,
      avatarUrl:
        r.avatar_id &&
        !withheldFrom(r.blocked, r.user_id, viewer) &&
        READS[this.audience(r.user_id, viewer)].includes(r.avatar_visibility)
          ? avatarPath(r.avatar_id)
          : null,
    }));
  }

  /**
   * A member's public contributions the caller can see (published proposals and whatever other
   * component types register a member-contribution source), newest first. @param first 1–50
   */
  async contributions(
    userId: string,
    first: number,
    viewer: Viewer | null,
  ): Promise<MemberContributionDto[]> {
    return this.contributionSources.publishedBy(
      userId,
      viewer?.user.id ?? null,
      Math.min(Math.max(first, 1), 50),
    );
  }

  // ── personal data ──

  /**
   * Removes an account's profile, avatars and follows (both ways) in the caller's transaction:
   * part of the account deletion (GDPR art. 17); the pseudo becomes free again.
   */
  async eraseInTransaction(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM member_follows WHERE follower_id = $1 OR followed_id = $1`, [
      userId,
    ]);
    await manager.query(`DELETE FROM member_profiles WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM member_avatars WHERE user_id = $1`, [userId]);
  }

  // ── reading ──

  private audience(ownerId: string, viewer: Viewer | null): Audience {
    if (!viewer) return 'ANONYMOUS';
    if (viewer.user.id === ownerId) return 'OWNER';
    return viewer.user.isAdmin ? 'ADMIN' : 'MEMBER';
  }

  private async load(
    where: string,
    params: unknown[],
    viewerId: string | null,
  ): Promise<ProfileRow | undefined> {
    const [row] = await this.dataSource.query(`${PROFILE_SELECT} WHERE ${where}`, [
      viewerId,
      ...params,
    ]);
    return row;
  }

  private present(row: ProfileRow, viewer: Viewer | null): MemberProfileDto {
    const audience = this.audience(row.user_id, viewer);
    // a blocked account shows only its name to members and visitors (Decidim's blocked profile)
    const withheld = withheldFrom(row.blocked, row.user_id, viewer);
    const can = (field: ProfileField) =>
      !withheld &&
      READS[audience].includes(
        row[VISIBILITY_COLUMN[field] as keyof ProfileRow] as FieldVisibility,
      );
    return {
      userId: row.user_id,
      pseudo: row.pseudo,
      name: row.name,
      isDemo: row.is_demo,
      blocked: row.blocked,
      organisation: can('organisation') ? row.organisation : null,
      typology:
        can('typology') && row.t_key
          ? {
              key: row.t_key,
              label: row.t_label!,
              position: row.t_position!,
              archived: !!row.t_archived,
            }
          : null,
      roleTitle: can('roleTitle') ? row.role_title : null,
      bio: can('bio') ? row.bio : null,
      website: can('website') ? row.website : null,
      avatarUrl: can('avatar') && row.avatar_id ? avatarPath(row.avatar_id) : null,
      visibility:
        audience === 'OWNER'
          ? {
              organisation: row.organisation_visibility,
              typology: row.typology_visibility,
              roleTitle: row.role_title_visibility,
              bio: row.bio_visibility,
              avatar: row.avatar_visibility,
              website: row.website_visibility,
            }
          : null,
      isViewer: audience === 'OWNER',
      viewerFollows: row.viewer_follows,
      followersCount: withheld ? 0 : row.followers,
      followsCount: withheld ? 0 : row.follows,
    };
  }
}
