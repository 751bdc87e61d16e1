import { SpaceRole, SpaceType } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import type { Bilingual } from '../../common/errors/error-messages';
import { ActionLogService } from '../action-log/action-log.service';
import { UserEntity } from '../user/entities/user.entity';
import {
  AssemblyMemberDto,
  ComponentDto,
  ParticipatorySpaceDto,
  SpacePhaseDto,
  SpaceRoleAssignmentDto,
} from './dtos/participatory-space.dto';
import {
  AddAssemblyMemberInput,
  AssignSpaceRoleInput,
  CreateComponentInput,
  CreatePhaseInput,
  CreateSpaceInput,
  PhaseInput,
  UpdateComponentInput,
  UpdateSpaceInput,
} from './dtos/participatory-space.inputs';
import { AssemblyMemberEntity } from './entities/assembly-member.entity';
import { ComponentEntity } from './entities/component.entity';
import { ParticipatorySpaceEntity } from './entities/participatory-space.entity';
import { SpacePhaseEntity } from './entities/space-phase.entity';
import { SpaceRoleEntity } from './entities/space-role.entity';
import { SpaceAccessService } from './space-access.service';
import { ComponentRegistry } from '../../platform/component-registry';
import { FollowService } from '../follow/follow.service';

const isUniqueViolation = (error: unknown, constraint?: string) =>
  error instanceof QueryFailedError &&
  (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError
    ?.code === '23505' &&
  (!constraint ||
    (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError
      ?.constraint === constraint);

export const toPhaseDto = (p: SpacePhaseEntity): SpacePhaseDto => ({
  id: p.id,
  position: p.position,
  title: p.title,
  description: p.description,
  startDate: p.startDate,
  endDate: p.endDate,
  active: p.active,
});

export const toComponentDto = (c: ComponentEntity): ComponentDto => ({
  id: c.id,
  spaceId: c.spaceId,
  type: c.type,
  title: c.title,
  description: c.description,
  position: c.position,
  published: c.publishedAt !== null,
  settings: c.settings ?? {},
});

/** A component's place: its space, type, settings and page. */
export interface ComponentPlace {
  id: string;
  spaceId: string;
  type: string;
  settings: Record<string, unknown>;
  path: string;
}

/**
 * Participatory spaces (Concertations, Assemblées), their phases, components, roles and
 * assembly members. Every mutation runs in one transaction with its action-log line.
 * Visibility: unpublished spaces and components are seen only by organization admins and
 * the space's admins and moderators.
 */
@Injectable()
export class ParticipatorySpaceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SpaceAccessService,
    private readonly actionLog: ActionLogService,
    private readonly components: ComponentRegistry,
    private readonly follows: FollowService,
  ) {}

  /**
   * Lists the spaces the viewer may see, newest first, with phases and components (3 queries in all).
   * @param type optional filter
   * @param viewer caller or null
   */
  async list(type: SpaceType | undefined, viewer: Viewer | null): Promise<ParticipatorySpaceDto[]> {
    const where = type ? { type } : {};
    const spaces = await this.dataSource
      .getRepository(ParticipatorySpaceEntity)
      .find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    return this.present(spaces, viewer, { hideUnpublished: true });
  }

  /**
   * Finds one space by slug.
   * @throws NOT_FOUND unknown slug, or unpublished and the viewer is not one of its admins/moderators
   */
  async bySlug(slug: string, viewer: Viewer | null): Promise<ParticipatorySpaceDto> {
    const space = await this.dataSource
      .getRepository(ParticipatorySpaceEntity)
      .findOne({ where: { slug } });
    const [dto] = space ? await this.present([space], viewer, { hideUnpublished: true }) : [];
    if (!dto) throw DomainError.notFound('Espace', { slug }).inEnglish('Space not found.');
    return dto;
  }

  /**
   * The titles of a published space and, when `componentId` is given, of one of its published
   * components: what an anonymous reader may see, in one SQL statement (for the HTML page the
   * server sends at their path, `space-page-heading.ts`).
   * @param slug the space's slug
   * @param componentId a component's id (a UUID), or null for the space alone
   * @returns the titles, or null when the space or the component is unknown, unpublished or the
   *   component belongs to another space
   */
  async publicTitles(
    slug: string,
    componentId: string | null,
  ): Promise<{ space: string; component: string | null } | null> {
    const [row]: { space: string; component: string | null }[] = await this.dataSource.query(
      `SELECT s.title AS space, c.title AS component
         FROM participatory_spaces s
         LEFT JOIN components c ON c.id = $2 AND c.space_id = s.id AND c.published_at IS NOT NULL
        WHERE s.slug = $1 AND s.published_at IS NOT NULL`,
      [slug, componentId],
    );
    if (!row || (componentId !== null && row.component === null)) return null;
    return row;
  }

  /**
   * {@link component} and whether the viewer administers or moderates its space (organization
   * admin, space ADMIN or MODERATOR), in one SQL round trip: for write paths that count them.
   * @throws NOT_FOUND unknown id, or the component or its space is unpublished and hidden from the viewer
   */
  async componentWithAccess(
    id: string,
    viewer: Viewer | null,
  ): Promise<{ component: ComponentDto; privileged: boolean }> {
    const { entities, raw } = await this.dataSource
      .getRepository(ComponentEntity)
      .createQueryBuilder('c')
      .innerJoin(ParticipatorySpaceEntity, 's', 's.id = c.space_id')
      .addSelect('s.published_at IS NOT NULL', 'space_published')
      .addSelect(
        `EXISTS (SELECT 1 FROM space_roles r WHERE r.user_id = :user AND r.space_id = c.space_id AND r.role IN (:...roles))`,
        'space_role',
      )
      .where('c.id = :id', {
        id,
        user: viewer?.user.id ?? null,
        roles: [SpaceRole.ADMIN, SpaceRole.MODERATOR],
      })
      .getRawAndEntities();
    const component = entities[0];
    if (!component)
      throw DomainError.notFound('Fonctionnalité', { id }).inEnglish('Feature not found.');
    const privileged = !!viewer && (viewer.user.isAdmin || raw[0].space_role === true);
    if (!privileged && (!raw[0].space_published || component.publishedAt === null))
      throw DomainError.notFound('Fonctionnalité', { id }).inEnglish('Feature not found.');
    return { component: toComponentDto(component), privileged };
  }

  /**
   * Finds one component.
   * @throws NOT_FOUND unknown id, or the component or its space is unpublished and hidden from the viewer
   */
  async component(id: string, viewer: Viewer | null): Promise<ComponentDto> {
    const component = await this.dataSource
      .getRepository(ComponentEntity)
      .findOne({ where: { id } });
    if (!component)
      throw DomainError.notFound('Fonctionnalité', { id }).inEnglish('Feature not found.');
    const space = await this.dataSource
      .getRepository(ParticipatorySpaceEntity)
      .findOneByOrFail({ id: component.spaceId });
    const privileged = await this.isPrivileged(viewer, space.id);
    if (!privileged && (space.publishedAt === null || component.publishedAt === null))
      throw DomainError.notFound('Fonctionnalité', { id }).inEnglish('Feature not found.');
    return toComponentDto(component);
  }

  /**
   * Creates a space. Organization admins only (enforced by the resolver's policy).
   * @throws CONFLICT slug taken
   */
  async createSpace(input: CreateSpaceInput, viewer: Viewer): Promise<ParticipatorySpaceDto> {
    const space = await this.unitOfWork(
      async (manager) => {
        const created = manager.create(ParticipatorySpaceEntity, {
          type: input.type,
          slug: input.slug,
          title: input.title,
          subtitle: input.subtitle ?? '',
          description: input.description ?? '',
          publishedAt: input.published ? new Date() : null,
          isDemo: false,
        });
        await manager.save(created);
        await this.log(
          manager,
          viewer,
          'create',
          'participatory_space',
          created.id,
          created.id,
          `Espace « ${created.title} » créé`,
        );
        return created;
      },
      {
        fr: 'Un espace utilise déjà cette adresse (slug).',
        en: 'A space already uses this address (slug).',
      },
    );
    return (await this.present([space], viewer, { hideUnpublished: false }))[0];
  }

  /**
   * Updates a space's fields; `published` true/false publishes or unpublishes it.
   * @throws NOT_FOUND; CONFLICT slug taken
   */
  async updateSpace(
    id: string,
    input: UpdateSpaceInput,
    viewer: Viewer,
  ): Promise<ParticipatorySpaceDto> {
    const space = await this.unitOfWork(
      async (manager) => {
        const space = await this.lockSpace(manager, id);
        if (input.slug !== undefined) space.slug = input.slug;
        if (input.title !== undefined) space.title = input.title;
        if (input.subtitle !== undefined) space.subtitle = input.subtitle;
        if (input.description !== undefined) space.description = input.description;
        if (input.published !== undefined && input.published !== (space.publishedAt !== null)) {
          space.publishedAt = input.published ? new Date() : null;
          await this.log(
            manager,
            viewer,
            input.published ? 'publish' : 'unpublish',
            'participatory_space',
            space.id,
            space.id,
            space.title,
          );
        }
        await manager.save(space);
        await this.log(
          manager,
          viewer,
          'update',
          'participatory_space',
          space.id,
          space.id,
          `Espace « ${space.title} » modifié`,
        );
        return space;
      },
      {
        fr: 'Un espace utilise déjà cette adresse (slug).',
        en: 'A space already uses this address (slug).',
      },
    );
    return (await this.present([space], viewer, { hideUnpublished: false }))[0];
  }

  /** Deletes a space with its phases, components and content. @throws NOT_FOUND */
  async deleteSpace(id: string, viewer: Viewer): Promise<boolean> {
    await this.unitOfWork(async (manager) => {
      const space = await this.lockSpace(manager, id);
      await this.log(
        manager,
        viewer,
        'delete',
        'participatory_space',
        space.id,
        null,
        `Espace « ${space.title} » supprimé`,
      );
      await manager.delete(ParticipatorySpaceEntity, { id });
    });
    return true;
  }

  /**
   * Appends a phase at the end of a Concertation's phases.
   * @throws NOT_FOUND space; BAD_USER_INPUT the space is an assembly, or end date before start date
   */
  async createPhase(input: CreatePhaseInput, viewer: Viewer): Promise<SpacePhaseDto> {
    return this.unitOfWork(async (manager) => {
      const space = await this.lockSpace(manager, input.spaceId);
      if (space.type !== SpaceType.PROCESS)
        throw DomainError.badInput('Seules les concertations ont des phases.').inEnglish(
          'Only participatory processes have phases.',
        );
      this.checkDates(input);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(position) + 1, 0) AS next FROM space_phases WHERE space_id = $1`,
        [space.id],
      );
      const phase = manager.create(SpacePhaseEntity, {
        spaceId: space.id,
        position: Number(next),
        title: input.title,
        description: input.description ?? '',
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        active: false,
      });
      await manager.save(phase);
      await this.log(
        manager,
        viewer,
        'create',
        'space_phase',
        phase.id,
        space.id,
        `Phase « ${phase.title} » ajoutée`,
      );
      return toPhaseDto(phase);
    });
  }

  /** Edits a phase. @throws NOT_FOUND; BAD_USER_INPUT dates */
  async updatePhase(id: string, input: PhaseInput, viewer: Viewer): Promise<SpacePhaseDto> {
    return this.unitOfWork(async (manager) => {
      const phase = await this.lockPhase(manager, id);
      const merged = {
        startDate: input.startDate !== undefined ? input.startDate : phase.startDate,
        endDate: input.endDate !== undefined ? input.endDate : phase.endDate,
      };
      this.checkDates(merged);
      phase.title = input.title;
      if (input.description !== undefined) phase.description = input.description;
      phase.startDate = merged.startDate ?? null;
      phase.endDate = merged.endDate ?? null;
      await manager.save(phase);
      await this.log(
        manager,
        viewer,
        'update',
        'space_phase',
        phase.id,
        phase.spaceId,
        `Phase « ${phase.title} » modifiée`,
      );
      return toPhaseDto(phase);
    });
  }

  /** Deletes a phase and closes the gap in positions. @throws NOT_FOUND */
  async deletePhase(id: string, viewer: Viewer): Promise<boolean> {
    await this.unitOfWork(async (manager) => {
      const phase = await this.lockPhase(manager, id);
      await manager.delete(SpacePhaseEntity, { id });
      await manager.query(
        `UPDATE space_phases SET position = position - 1 WHERE space_id = $1 AND position > $2`,
        [phase.spaceId, phase.position],
      );
      await this.log(
        manager,
        viewer,
        'delete',
        'space_phase',
        phase.id,
        phase.spaceId,
        `Phase « ${phase.title} » supprimée`,
      );
    });
    return true;
  }

  /**
   * Makes a phase the active one of its space (the previous one stops being active).
   * Serialised by a lock on the space row; the partial unique index keeps at most one active.
   * @throws NOT_FOUND
   */
  async activatePhase(id: string, viewer: Viewer): Promise<SpacePhaseDto[]> {
    return this.unitOfWork(async (manager) => {
      const phase = await this.lockPhase(manager, id);
      await manager.query(
        `UPDATE space_phases SET active = false WHERE space_id = $1 AND active AND id <> $2`,
        [phase.spaceId, id],
      );
      await manager.query(`UPDATE space_phases SET active = true WHERE id = $1`, [id]);
      await this.log(
        manager,
        viewer,
        'activate',
        'space_phase',
        id,
        phase.spaceId,
        `Phase « ${phase.title} » activée`,
      );
      const phases = await manager.find(SpacePhaseEntity, {
        where: { spaceId: phase.spaceId },
        order: { position: 'ASC' },
      });
      return phases.map(toPhaseDto);
    });
  }

  /**
   * Puts a space's phases in the given order.
   * @param phaseIds every phase id of the space, exactly once, in the new order
   * @throws BAD_USER_INPUT the list is not a permutation of the space's phases
   */
  async reorderPhases(
    spaceId: string,
    phaseIds: string[],
    viewer: Viewer,
  ): Promise<SpacePhaseDto[]> {
    return this.unitOfWork(async (manager) => {
      await this.lockSpace(manager, spaceId);
      const phases = await manager.find(SpacePhaseEntity, { where: { spaceId } });
      const known = new Set(phases.map((p) => p.id));
      if (
        phaseIds.length !== phases.length ||
        new Set(phaseIds).size !== phaseIds.length ||
        !phaseIds.every((id) => known.has(id))
      ) {
        throw DomainError.badInput(
          'La liste doit contenir chaque phase de l’espace une seule fois.',
        ).inEnglish('The list must contain each phase of the space exactly once.');
      }
      for (const [position, id] of phaseIds.entries()) {
        await manager.update(SpacePhaseEntity, { id }, { position });
      }
      await this.log(
        manager,
        viewer,
        'reorder',
        'space_phase',
        null,
        spaceId,
        'Phases réordonnées',
      );
      const reordered = await manager.find(SpacePhaseEntity, {
        where: { spaceId },
        order: { position: 'ASC' },
      });
      return reordered.map(toPhaseDto);
    });
  }

  /** Adds a component at the end of a space's components. @throws NOT_FOUND space */
  async createComponent(input: CreateComponentInput, viewer: Viewer): Promise<ComponentDto> {
    return this.unitOfWork(async (manager) => {
      const space = await this.lockSpace(manager, input.spaceId);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(position) + 1, 0) AS next FROM components WHERE space_id = $1`,
        [space.id],
      );
      const component = manager.create(ComponentEntity, {
        spaceId: space.id,
        type: input.type,
        title: input.title,
        description: input.description ?? '',
        position: Number(next),
        publishedAt: input.published ? new Date() : null,
        settings: {},
      });
      await manager.save(component);
      await this.log(
        manager,
        viewer,
        'create',
        'component',
        component.id,
        space.id,
        `Fonctionnalité « ${component.title} » ajoutée`,
      );
      return toComponentDto(component);
    });
  }

  /**
   * Edits, publishes or unpublishes a component; `settings` are checked against the type's shape, then merged.
   * @throws NOT_FOUND; BAD_USER_INPUT settings not an object, with an unknown key or a value of the wrong type (see `DefinedComponent.checkedSettings`: the type's manifest)
   */
  async updateComponent(
    id: string,
    input: UpdateComponentInput,
    viewer: Viewer,
  ): Promise<ComponentDto> {
    return this.unitOfWork(async (manager) => {
      const component = await manager.findOne(ComponentEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!component)
        throw DomainError.notFound('Fonctionnalité', { id }).inEnglish('Feature not found.');
      if (input.title !== undefined) component.title = input.title;
      if (input.description !== undefined) component.description = input.description;
      if (input.position !== undefined) component.position = input.position;
      if (input.settings !== undefined) {
        component.settings = {
          ...component.settings,
          ...this.components.checkedSettings(component.type, input.settings),
        };
      }
      if (input.published !== undefined && input.published !== (component.publishedAt !== null)) {
        component.publishedAt = input.published ? new Date() : null;
      }
      await manager.save(component);
      await this.log(
        manager,
        viewer,
        'update',
        'component',
        component.id,
        component.spaceId,
        `Fonctionnalité « ${component.title} » modifiée`,
      );
      return toComponentDto(component);
    });
  }

  /** Deletes a component and its content. @throws NOT_FOUND */
  async deleteComponent(id: string, viewer: Viewer): Promise<boolean> {
    await this.unitOfWork(async (manager) => {
      const component = await manager.findOne(ComponentEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!component)
        throw DomainError.notFound('Fonctionnalité', { id }).inEnglish('Feature not found.');
      await manager.delete(ComponentEntity, { id });
      await this.log(
        manager,
        viewer,
        'delete',
        'component',
        id,
        component.spaceId,
        `Fonctionnalité « ${component.title} » supprimée`,
      );
    });
    return true;
  }

  /** Role assignments of a space, oldest first. */
  async roles(spaceId: string): Promise<SpaceRoleAssignmentDto[]> {
    const rows: {
      id: string;
      role: SpaceRole;
      user_id: string;
      name: string;
      email: string;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT r.id, r.role, r.user_id, u.name, u.email, r.created_at FROM space_roles r JOIN users u ON u.id = r.user_id
        WHERE r.space_id = $1 ORDER BY r.created_at, r.id`,
      [spaceId],
    );
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      userId: r.user_id,
      userName: r.name,
      userEmail: r.email,
      createdAt: r.created_at,
    }));
  }

  /**
   * Gives a registered user a role in a space.
   * @throws NOT_FOUND no account with that e-mail or no such space; CONFLICT already holds the role
   */
  async assignRole(input: AssignSpaceRoleInput, viewer: Viewer): Promise<SpaceRoleAssignmentDto> {
    return this.unitOfWork(
      async (manager) => {
        const space = await this.lockSpace(manager, input.spaceId);
        const user = await this.userByEmail(manager, input.email);
        const row = manager.create(SpaceRoleEntity, {
          spaceId: space.id,
          userId: user.id,
          role: input.role,
        });
        await manager.save(row);
        await this.log(
          manager,
          viewer,
          'add_role',
          'space_role',
          row.id,
          space.id,
          `${user.name} : rôle ${input.role}`,
        );
        return {
          id: row.id,
          role: row.role,
          userId: user.id,
          userName: user.name,
          userEmail: user.email,
          createdAt: row.createdAt,
        };
      },
      {
        fr: 'Cette personne a déjà ce rôle dans cet espace.',
        en: 'This person already has this role in this space.',
      },
    );
  }

  /** Removes a role assignment. @throws NOT_FOUND */
  async revokeRole(id: string, viewer: Viewer): Promise<boolean> {
    await this.unitOfWork(async (manager) => {
      const row = await manager.findOne(SpaceRoleEntity, { where: { id } });
      if (!row) throw DomainError.notFound('Rôle', { id }).inEnglish('Role not found.');
      await manager.delete(SpaceRoleEntity, { id });
      await this.log(
        manager,
        viewer,
        'remove_role',
        'space_role',
        id,
        row.spaceId,
        `Rôle ${row.role} retiré`,
      );
    });
    return true;
  }

  /** Current (and, with `includeFormer`, former) members of an assembly. */
  async members(spaceId: string, includeFormer: boolean): Promise<AssemblyMemberDto[]> {
    const rows: (AssemblyMemberEntity & { user_name: string })[] = await this.dataSource.query(
      `SELECT m.id, m.user_id AS "userId", m.position, m.college, m.weight, m.joined_at AS "joinedAt", m.left_at AS "leftAt", u.name AS user_name
         FROM assembly_members m JOIN users u ON u.id = m.user_id
        WHERE m.space_id = $1 ${includeFormer ? '' : 'AND m.left_at IS NULL'}
        ORDER BY CASE m.position WHEN 'PRESIDENT' THEN 0 WHEN 'VICE_PRESIDENT' THEN 1 WHEN 'SECRETARY' THEN 2 ELSE 3 END, u.name, m.id`,
      [spaceId],
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      userName: r.user_name,
      position: r.position,
      college: r.college,
      weight: Number(r.weight),
      joinedAt: r.joinedAt,
      leftAt: r.leftAt,
    }));
  }

  /**
   * Adds a registered user to an assembly.
   * @throws NOT_FOUND user or space; BAD_USER_INPUT the space is not an assembly; CONFLICT already a current member
   */
  async addMember(input: AddAssemblyMemberInput, viewer: Viewer): Promise<AssemblyMemberDto> {
    return this.unitOfWork(
      async (manager) => {
        const space = await this.lockSpace(manager, input.spaceId);
        if (space.type !== SpaceType.ASSEMBLY)
          throw DomainError.badInput('Seules les assemblées ont des membres.').inEnglish(
            'Only assemblies have members.',
          );
        const user = await this.userByEmail(manager, input.email);
        const row = manager.create(AssemblyMemberEntity, {
          spaceId: space.id,
          userId: user.id,
          position: input.position ?? 'MEMBER',
          college: input.college ?? null,
          weight: String(input.weight ?? 1),
        });
        await manager.save(row);
        await this.log(
          manager,
          viewer,
          'add_member',
          'assembly_member',
          row.id,
          space.id,
          `${user.name} rejoint l’assemblée`,
          'PUBLIC',
        );
        const saved = await manager.findOneByOrFail(AssemblyMemberEntity, { id: row.id });
        return {
          id: saved.id,
          userId: user.id,
          userName: user.name,
          position: saved.position,
          college: saved.college,
          weight: Number(saved.weight),
          joinedAt: saved.joinedAt,
          leftAt: saved.leftAt,
        };
      },
      {
        fr: 'Cette personne est déjà membre de l’assemblée.',
        en: 'This person is already a member of the assembly.',
      },
    );
  }

  /** Ends a membership (kept for the record: past votes stay). @throws NOT_FOUND; CONFLICT already left */
  async removeMember(id: string, viewer: Viewer): Promise<boolean> {
    await this.unitOfWork(async (manager) => {
      const row = await manager.findOne(AssemblyMemberEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw DomainError.notFound('Membre', { id }).inEnglish('Member not found.');
      if (row.leftAt)
        throw DomainError.conflict('Ce membre a déjà quitté l’assemblée.').inEnglish(
          'This member has already left the assembly.',
        );
      await manager.update(AssemblyMemberEntity, { id }, { leftAt: new Date() });
      await this.log(
        manager,
        viewer,
        'remove_member',
        'assembly_member',
        id,
        row.spaceId,
        'Membre retiré de l’assemblée',
        'PUBLIC',
      );
    });
    return true;
  }

  private async present(
    spaces: ParticipatorySpaceEntity[],
    viewer: Viewer | null,
    opts: { hideUnpublished: boolean },
  ): Promise<ParticipatorySpaceDto[]> {
    const ids = spaces.map((s) => s.id);
    const roles = viewer
      ? await this.access.rolesBySpace(viewer.user.id, ids)
      : new Map<string, SpaceRole[]>();
    const isAdmin = viewer?.user.isAdmin ?? false;
    const followed =
      viewer && ids.length
        ? await this.follows.followedAmong(viewer.user.id, 'SPACE', ids)
        : new Set<string>();
    const [phases, components] = ids.length
      ? await Promise.all([
          this.dataSource
            .getRepository(SpacePhaseEntity)
            .find({ where: { spaceId: In(ids) }, order: { position: 'ASC' } }),
          this.dataSource
            .getRepository(ComponentEntity)
            .find({ where: { spaceId: In(ids) }, order: { position: 'ASC', createdAt: 'ASC' } }),
        ])
      : [[], []];
    const result: ParticipatorySpaceDto[] = [];
    for (const space of spaces) {
      const viewerRoles = roles.get(space.id) ?? [];
      const privileged = isAdmin || viewerRoles.length > 0;
      if (opts.hideUnpublished && !space.publishedAt && !privileged) continue;
      result.push({
        id: space.id,
        slug: space.slug,
        type: space.type,
        title: space.title,
        subtitle: space.subtitle,
        description: space.description,
        published: space.publishedAt !== null,
        publishedAt: space.publishedAt,
        isDemo: space.isDemo,
        createdAt: space.createdAt,
        phases: phases.filter((p) => p.spaceId === space.id).map(toPhaseDto),
        components: components
          .filter((c) => c.spaceId === space.id && (privileged || c.publishedAt !== null))
          .map(toComponentDto),
        viewerRoles,
        viewerCanAdminister: isAdmin || viewerRoles.includes(SpaceRole.ADMIN),
        viewerFollows: followed.has(space.id),
      });
    }
    return result;
  }

  /**
   * Where a component lives, without visibility checks: for notification links and the space of
   * a resource. `path` is its page in the web app (`/espaces/<slug>/f/<id>`).
   * @returns null when it does not exist
   */
  async componentPlace(
    componentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ComponentPlace | null> {
    const [row] = await manager.query(
      `SELECT c.id, c.space_id, c.type, c.settings, s.slug FROM components c JOIN participatory_spaces s ON s.id = c.space_id WHERE c.id = $1`,
      [componentId],
    );
    return row
      ? {
          id: row.id,
          spaceId: row.space_id,
          type: row.type,
          settings: row.settings ?? {},
          path: `/espaces/${row.slug}/f/${row.id}`,
        }
      : null;
  }

  /** The type of a space (PROCESS, ASSEMBLY), or null when unknown; read in the caller's transaction. */
  async spaceType(
    spaceId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SpaceType | null> {
    const [row] = await manager.query(`SELECT type FROM participatory_spaces WHERE id = $1`, [
      spaceId,
    ]);
    return (row?.type as SpaceType | undefined) ?? null;
  }

  private async isPrivileged(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    if (viewer.user.isAdmin) return true;
    return this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN, SpaceRole.MODERATOR]);
  }

  private checkDates(input: { startDate?: string | null; endDate?: string | null }) {
    if (input.startDate && input.endDate && input.endDate < input.startDate) {
      throw DomainError.badInput('La date de fin précède la date de début.', {
        field: 'endDate',
      }).inEnglish('The end date is before the start date.');
    }
  }

  private async lockSpace(manager: EntityManager, id: string): Promise<ParticipatorySpaceEntity> {
    const space = await manager.findOne(ParticipatorySpaceEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!space) throw DomainError.notFound('Espace', { id }).inEnglish('Space not found.');
    return space;
  }

  private async lockPhase(manager: EntityManager, id: string): Promise<SpacePhaseEntity> {
    const phase = await manager.findOne(SpacePhaseEntity, { where: { id } });
    if (!phase) throw DomainError.notFound('Phase', { id }).inEnglish('Phase not found.');
    await this.lockSpace(manager, phase.spaceId);
    return phase;
  }

  /**
   * A live account by e-mail, share-locked until the transaction ends: an account deletion
   * (row locked for update, memberships and roles erased) either finishes first — the address
   * is gone, NOT_FOUND — or waits for this write and then erases it. Without the lock a member
   * added during a deletion stayed a current member named "Participant supprimé" (found by a tester).
   */
  private async userByEmail(manager: EntityManager, email: string): Promise<UserEntity> {
    const user = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .andWhere('u.deleted_at IS NULL')
      .setLock('pessimistic_read')
      .getOne();
    if (!user)
      throw DomainError.notFound('Compte', { field: 'email' }).inEnglish('Account not found.');
    return user;
  }

  private log(
    manager: EntityManager,
    viewer: Viewer,
    action: string,
    resourceType: string,
    resourceId: string | null,
    spaceId: string | null,
    summary: string,
    visibility: 'PUBLIC' | 'ADMIN_ONLY' = 'ADMIN_ONLY',
  ) {
    return this.actionLog.record(manager, {
      userId: viewer.user.id,
      action,
      resourceType,
      resourceId,
      spaceId,
      summary,
      visibility,
    });
  }

  /** Runs `work` in one transaction; a unique violation becomes CONFLICT worded by `conflictMessage` (French and English). */
  private async unitOfWork<T>(
    work: (manager: EntityManager) => Promise<T>,
    conflictMessage: Bilingual = { fr: 'Cet élément existe déjà.', en: 'This already exists.' },
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error))
        throw DomainError.conflict(conflictMessage.fr).inEnglish(conflictMessage.en);
      throw error;
    }
  }
}
