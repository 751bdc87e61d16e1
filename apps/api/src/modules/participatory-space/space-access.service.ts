import { SpaceRole } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SpaceReference } from '../../common/access/access-policy';
import { DomainError } from '../../common/errors/domain-error';
import { ResourceHosts } from '../../platform/component-registry';

/** How to find the space of this module's own ids, and their French name for NOT_FOUND messages. */
const OWN_LOOKUPS: Record<string, { sql: string; what: string; whatInEnglish: string }> = {
  spaceId: {
    sql: `SELECT id AS space_id FROM participatory_spaces WHERE id = $1`,
    what: 'Espace',
    whatInEnglish: 'Space',
  },
  componentId: {
    sql: `SELECT space_id FROM components WHERE id = $1`,
    what: 'Fonctionnalité',
    whatInEnglish: 'Feature',
  },
  phaseId: {
    sql: `SELECT space_id FROM space_phases WHERE id = $1`,
    what: 'Phase',
    whatInEnglish: 'Phase',
  },
  spaceRoleId: {
    sql: `SELECT space_id FROM space_roles WHERE id = $1`,
    what: 'Rôle',
    whatInEnglish: 'Role',
  },
  assemblyMemberId: {
    sql: `SELECT space_id FROM assembly_members WHERE id = $1`,
    what: 'Membre',
    whatInEnglish: 'Member',
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Answers "which space is this about" and "does this user hold that role there" for the access guard. */
@Injectable()
export class SpaceAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hosts: ResourceHosts,
  ) {}

  /**
   * Resolves a reference to its space id: this module's own ids (space, component, phase, role,
   * member), a resource through its host adapter (`{ resource: { type, id } }`), or an id a
   * module registered a `SpaceLocator` for (survey questions and options).
   * @throws BAD_USER_INPUT malformed id; NOT_FOUND nothing with that id
   */
  async spaceIdOf(reference: SpaceReference): Promise<string> {
    const [key, value] = Object.entries(reference)[0] as [string, unknown];
    const id = key === 'resource' ? (value as { id?: unknown } | undefined)?.id : value;
    if (typeof id !== 'string' || !UUID.test(id))
      throw DomainError.badInput(`Identifiant invalide : ${String(id).slice(0, 60)}`).inEnglish(
        `Invalid identifier: ${String(id).slice(0, 60)}`,
      );
    if (key === 'resource') {
      const resource = await this.hosts.host((value as { type: string }).type).reference(id);
      if (!resource) throw DomainError.notFound('Contenu', { id }).inEnglish('Content not found.');
      return resource.spaceId;
    }
    const own = OWN_LOOKUPS[key];
    if (own) {
      const rows: { space_id: string }[] = await this.dataSource.query(own.sql, [id]);
      if (!rows.length)
        throw DomainError.notFound(own.what, { id }).inEnglish(`${own.whatInEnglish} not found.`);
      return rows[0].space_id;
    }
    const locator = this.hosts.locator(key);
    if (!locator) throw new Error(`No space lookup for ${key}`);
    const spaceId = await locator.spaceIdOf(id);
    if (!spaceId)
      throw DomainError.notFound(locator.what, { id }).inEnglish(
        `${locator.whatInEnglish} not found.`,
      );
    return spaceId;
  }

  /**
   * Whether a user holds one of `roles` in a space (organization admins are checked by the caller).
   * @param userId user id; @param spaceId space id; @param roles accepted roles
   */
  async hasRole(userId: string, spaceId: string, roles: SpaceRole[]): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM space_roles WHERE user_id = $1 AND space_id = $2 AND role = ANY($3) LIMIT 1`,
      [userId, spaceId, roles],
    );
    return rows.length > 0;
  }

  /** Roles a user holds in each of the given spaces. @returns map space id → roles */
  async rolesBySpace(userId: string, spaceIds: string[]): Promise<Map<string, SpaceRole[]>> {
    const result = new Map<string, SpaceRole[]>();
    if (!spaceIds.length) return result;
    const rows: { space_id: string; role: SpaceRole }[] = await this.dataSource.query(
      `SELECT space_id, role FROM space_roles WHERE user_id = $1 AND space_id = ANY($2)`,
      [userId, spaceIds],
    );
    for (const row of rows)
      result.set(row.space_id, [...(result.get(row.space_id) ?? []), row.role]);
    return result;
  }
}

/**
 * SQL condition for writes that reach content by id (follows, reports) without the space's
 * read checks: the space is published (and the component, when one is given), or the user is
 * an organization admin or holds a role in the space — otherwise the content does not exist
 * for them (NOT_FOUND), as in the queries that list it.
 * @param spaceId SQL expression of the space id
 * @param userParam SQL parameter of the acting user's id (e.g. `$2`)
 * @param componentId SQL expression of the component id, or omitted (NULL passes)
 * @returns a boolean SQL expression
 */
export function visibleToUserSql(spaceId: string, userParam: string, componentId?: string): string {
  const published = `EXISTS (SELECT 1 FROM participatory_spaces vs WHERE vs.id = ${spaceId} AND vs.published_at IS NOT NULL)`;
  const component = componentId
    ? ` AND (${componentId} IS NULL OR EXISTS (SELECT 1 FROM components vc WHERE vc.id = ${componentId} AND vc.published_at IS NOT NULL))`
    : '';
  const privileged = `EXISTS (SELECT 1 FROM users vu WHERE vu.id = ${userParam}::uuid AND vu.is_admin)
    OR EXISTS (SELECT 1 FROM space_roles vr WHERE vr.user_id = ${userParam}::uuid AND vr.space_id = ${spaceId})`;
  return `((${published}${component}) OR ${privileged})`;
}
