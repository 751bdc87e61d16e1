import {
  ComponentType,
  ErrorCode,
  type MyPetitionRelation,
  PetitionSigners,
  PetitionState,
  SpaceRole,
} from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { richTextToPlain, sanitizeRichText } from '../../common/rich-text/rich-text';
import { hasVisibleText } from '../../common/validation/visible-text';
import { ActionLogService } from '../action-log/action-log.service';
import { FollowService } from '../follow/follow.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import { ProfileService } from '../profile/profile.service';
import type { ResourceOrigin } from '../../common/graphql/resource-origin.dto';
import { type MotionOriginTarget, MotionService } from '../motion/motion.service';
import { type ProposalOriginTarget, ProposalService } from '../proposal/proposal.service';
import {
  PetitionConnectionDto,
  PetitionDto,
  type PetitionOutcomeType,
  PetitionTypeDto,
} from './dtos/petition.dto';
import {
  AnswerPetitionInput,
  CreatePetitionInput,
  CreatePetitionTypeInput,
  UpdatePetitionInput,
  UpdatePetitionTypeInput,
} from './dtos/petition.inputs';
import {
  effectiveState,
  milestonesReached,
  type PetitionAction,
  type Refusal,
  refusal,
} from './petition-lifecycle';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TypeRow {
  id: string;
  component_id: string;
  title: string;
  description: string;
  threshold: number;
  period_days: number;
  min_committee: number;
  signers: PetitionSigners;
  typologies: string[];
  public_signatures: boolean;
  second_stage_url: string | null;
  second_stage_component_id: string | null;
  /** The second-stage component's type, title, space title and web path (read-only join on the backbone). */
  second_stage_type: string | null;
  second_stage_title: string | null;
  second_stage_space_title: string | null;
  second_stage_path: string | null;
}

/** A type row with its second-stage component (components and spaces are the backbone any module may read). */
const TYPE_SELECT = `SELECT t.*, sc.type AS second_stage_type, sc.title AS second_stage_title, ss.title AS second_stage_space_title,
       CASE WHEN sc.id IS NULL THEN NULL ELSE '/espaces/' || ss.slug || '/f/' || sc.id END AS second_stage_path
  FROM petition_types t LEFT JOIN components sc ON sc.id = t.second_stage_component_id LEFT JOIN participatory_spaces ss ON ss.id = sc.space_id`;

/** Which component type each outcome lives in. */
const OUTCOME_COMPONENT: Record<PetitionOutcomeType, ComponentType> = {
  PROPOSAL: ComponentType.PROPOSALS,
  MOTION: ComponentType.MOTIONS,
};

/** A petition row with the database clock's verdict on its period. */
interface PetitionRow {
  id: string;
  component_id: string;
  space_id: string;
  type_id: string;
  author_id: string | null;
  title: string;
  body: string;
  state: PetitionState;
  discard_reason: string | null;
  published_at: Date | null;
  ends_at: Date | null;
  signatures_count: number;
  answer: string | null;
  answer_url: string | null;
  answered_at: Date | null;
  became_type: PetitionOutcomeType | null;
  became_id: string | null;
  comments_count: number;
  hidden_at: Date | null;
  created_at: Date;
  read_at: Date;
  /** clock_timestamp() ≥ ends_at: the period is over on the database clock. */
  period_ended: boolean;
  frozen_count: number | null;
  /** The threshold frozen with the count at the period end (a later edit of the type changes nothing decided). */
  frozen_threshold: number | null;
  /** created_at as PostgreSQL's text (keeps the microseconds a JS Date would drop). */
  created_cursor: string;
}

const PETITION_COLUMNS = `p.id, p.component_id, c.space_id, p.type_id, p.author_id, p.title, p.body, p.state, p.discard_reason, p.published_at, p.ends_at,
  p.signatures_count, p.answer, p.answer_url, p.answered_at, p.became_type, p.became_id, p.comments_count, p.hidden_at, p.created_at, clock_timestamp() AS read_at,
  (p.ends_at IS NOT NULL AND clock_timestamp() >= p.ends_at) AS period_ended,
  (SELECT r.signatures_count FROM petition_results r WHERE r.petition_id = p.id) AS frozen_count,
  (SELECT r.threshold FROM petition_results r WHERE r.petition_id = p.id) AS frozen_threshold`;

/** States everyone may see; the others (CREATED, VALIDATING, DISCARDED) only the author, the committee and admins. */
const PUBLIC_STATES = new Set<PetitionState>([
  PetitionState.PUBLISHED,
  PetitionState.ACCEPTED,
  PetitionState.REJECTED,
  PetitionState.ANSWERED,
]);

/** States of the admins' queue: awaiting validation, or ended and awaiting the answer. */
const QUEUE_STATES = new Set<PetitionState>([
  PetitionState.VALIDATING,
  PetitionState.ACCEPTED,
  PetitionState.REJECTED,
]);

/** Filters of the public list. */
export type PetitionFilter = 'OPEN' | 'ACCEPTED' | 'ANSWERED' | 'ALL' | 'VALIDATING' | 'MINE';

export type { MyPetitionRelation };

/** Page sizes of « Mes pétitions ». */
export const MyPetitionsPage = { defaultSize: 20, maxSize: 50 } as const;

/**
 * Petitions of a PETITIONS component (Decidim's initiatives): types, committee, validation,
 * signatures, milestones, answer. Rules of who moves which state: `petition-lifecycle.ts`.
 *
 * - **Signatures**: one per member (`petition_signatures_once`); `signatures_count` moves in the
 *   same transaction as the row, under the petition's row lock (`FOR UPDATE`), so it equals the
 *   rows at every commit.
 * - **Period end**: checked with `clock_timestamp()` after the lock is held. The first read after
 *   the end freezes the count (`petition_results`) under the same lock: a signature either
 *   committed before the freeze (counted) or sees the end and is refused (PETITION_NOT_OPEN).
 * - **Milestones**: a row per (petition, percent) inserted `ON CONFLICT DO NOTHING`; only the
 *   transaction that inserted it records the notification event, so each is notified once.
 *
 * Tables owned: `petition_types`, `petitions`, `petition_committee_invitations`,
 * `petition_committee_members`, `petition_signatures`, `petition_results`, `petition_milestones`.
 */
@Injectable()
export class PetitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly access: SpaceAccessService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly profiles: ProfileService,
    private readonly follows: FollowService,
    private readonly proposals: ProposalService,
    private readonly motions: MotionService,
  ) {}

  // ── types ──

  /**
   * Petition types of a PETITIONS component. Access: anyone who can see the component.
   * @throws NOT_FOUND component; BAD_USER_INPUT not a PETITIONS component
   */
  async types(componentId: string, viewer: Viewer | null): Promise<PetitionTypeDto[]> {
    await this.petitionsComponent(componentId, viewer);
    const rows = await queryRows<TypeRow>(
      this.dataSource.manager,
      `${TYPE_SELECT} WHERE t.component_id = $1 ORDER BY t.created_at, t.id`,
      [componentId],
    );
    return rows.map(toTypeDto);
  }

  /**
   * Creates a petition type. Caller: organization admins.
   * @throws FORBIDDEN not an organization admin; NOT_FOUND; BAD_USER_INPUT threshold < 1, typologies
   *   missing for TYPOLOGIES or given for EVERYONE, unknown typology key, (field secondStageComponentId)
   *   a second stage that is neither a PROPOSALS nor a MOTIONS component
   */
  async createType(input: CreatePetitionTypeInput, viewer: Viewer): Promise<PetitionTypeDto> {
    if (!viewer.user.isAdmin)
      throw DomainError.forbidden(
        'Seuls les administrateurs de l’organisation créent les types de pétition.',
      ).inEnglish('Only the organization’s administrators create petition types.');
    const component = await this.petitionsComponent(input.componentId, viewer);
    const { signers, typologies } = await this.checkTypeSettings(
      input.threshold,
      input.signers ?? PetitionSigners.EVERYONE,
      input.typologies ?? [],
    );
    const description = input.description ? sanitizeRichText(input.description) : '';
    const secondStage = await this.checkSecondStage(input.secondStageComponentId ?? null, viewer);
    const row = await inTransaction(this.dataSource, async (manager) => {
      const [created] = await queryRows<TypeRow>(
        manager,
        `INSERT INTO petition_types (component_id, title, description, threshold, period_days, min_committee, signers, typologies, public_signatures, second_stage_url, second_stage_component_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [
          component.id,
          input.title,
          description,
          input.threshold,
          input.periodDays,
          input.minCommitteeSize ?? 0,
          signers,
          typologies,
          input.publicSignatures ?? false,
          input.secondStageUrl ?? null,
          secondStage,
        ],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create_type',
        resourceType: 'petition_type',
        resourceId: created.id,
        spaceId: component.spaceId,
        visibility: 'ADMIN_ONLY',
        summary: `Type de pétition « ${input.title} » créé (seuil ${input.threshold}, ${input.periodDays} jours)`,
      });
      return created;
    });
    return toTypeDto(await this.typeRow(row.id));
  }

  /**
   * Edits a petition type; omitted fields stay, the settings are checked as a whole (as on
   * creation). Caller: organization admins. The new threshold applies to the type's petitions not
   * yet decided; the period length to petitions published afterwards.
   * @throws FORBIDDEN not an organization admin; NOT_FOUND; BAD_USER_INPUT threshold < 1, typologies
   *   missing for TYPOLOGIES or given for EVERYONE, unknown typology key, empty title, (field
   *   secondStageComponentId) a second stage that is neither a PROPOSALS nor a MOTIONS component
   */
  async updateType(
    id: string,
    input: UpdatePetitionTypeInput,
    viewer: Viewer,
  ): Promise<PetitionTypeDto> {
    if (!viewer.user.isAdmin)
      throw DomainError.forbidden(
        'Seuls les administrateurs de l’organisation modifient les types de pétition.',
      ).inEnglish('Only the organization’s administrators edit petition types.');
    const current = await this.typeRow(id);
    const component = await this.petitionsComponent(current.component_id, viewer);
    const signers = input.signers ?? current.signers;
    // switching to EVERYONE clears the typologies unless new ones are given
    const typologies =
      input.typologies ?? (signers === PetitionSigners.EVERYONE ? [] : current.typologies);
    const threshold = input.threshold ?? current.threshold;
    const checked = await this.checkTypeSettings(threshold, signers, typologies);
    const title = input.title ?? current.title;
    const description =
      input.description !== undefined ? sanitizeRichText(input.description) : current.description;
    const secondStage =
      input.secondStageComponentId === undefined
        ? current.second_stage_component_id
        : await this.checkSecondStage(input.secondStageComponentId, viewer);
    const row = await inTransaction(this.dataSource, async (manager) => {
      const [updated] = await queryRows<TypeRow>(
        manager,
        `UPDATE petition_types SET title = $2, description = $3, threshold = $4, period_days = $5, min_committee = $6, signers = $7, typologies = $8,
                public_signatures = $9, second_stage_url = $10, second_stage_component_id = $11, updated_at = now()
          WHERE id = $1 RETURNING *`,
        [
          id,
          title,
          description,
          threshold,
          input.periodDays ?? current.period_days,
          input.minCommitteeSize ?? current.min_committee,
          checked.signers,
          checked.typologies,
          input.publicSignatures ?? current.public_signatures,
          input.secondStageUrl === undefined ? current.second_stage_url : input.secondStageUrl,
          secondStage,
        ],
      );
      if (!updated)
        throw DomainError.notFound('Type de pétition', { id }).inEnglish(
          'Petition type not found.',
        );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update_type',
        resourceType: 'petition_type',
        resourceId: id,
        spaceId: component.spaceId,
        visibility: 'ADMIN_ONLY',
        summary: `Type de pétition « ${title} » modifié (seuil ${threshold}, ${updated.period_days} jours)`,
      });
      return updated;
    });
    return toTypeDto(await this.typeRow(row.id));
  }

  /**
   * Checks a type's second stage: a component the admin can see, of type PROPOSALS or MOTIONS.
   * @returns the component id, or null to clear it
   * @throws NOT_FOUND component unknown or hidden; BAD_USER_INPUT (field secondStageComponentId) another type
   */
  private async checkSecondStage(
    componentId: string | null,
    viewer: Viewer,
  ): Promise<string | null> {
    if (componentId === null) return null;
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.PROPOSALS && component.type !== ComponentType.MOTIONS) {
      throw DomainError.badInput(
        'La suite d’une pétition est une fonctionnalité de propositions (Concertation) ou de motions (Assemblée).',
        { field: 'secondStageComponentId' },
      ).inEnglish(
        'A petition’s next stage is a proposals feature (Participatory process) or a motions feature (Assembly).',
      );
    }
    return component.id;
  }

  /** Checks a type's threshold and signers (shared by creation and edition); returns them deduplicated. */
  private async checkTypeSettings(
    threshold: number,
    signers: PetitionSigners,
    keys: string[],
  ): Promise<{ signers: PetitionSigners; typologies: string[] }> {
    if (!Number.isInteger(threshold) || threshold < 1)
      throw DomainError.badInput('Le seuil de signatures est d’au moins 1.', {
        field: 'threshold',
      }).inEnglish('The signature threshold is at least 1.');
    const typologies = [...new Set(keys)];
    if (signers === PetitionSigners.TYPOLOGIES && !typologies.length)
      throw DomainError.badInput('Choisissez au moins une typologie de signataires.', {
        field: 'typologies',
      }).inEnglish('Choose at least one typology of signers.');
    if (signers === PetitionSigners.EVERYONE && typologies.length)
      throw DomainError.badInput('Les typologies ne valent que pour « TYPOLOGIES ».', {
        field: 'typologies',
      }).inEnglish('Typologies only apply to “TYPOLOGIES”.');
    if (typologies.length) {
      const known = new Set((await this.profiles.typologies()).map((t) => t.key));
      const unknown = typologies.find((k) => !known.has(k));
      if (unknown)
        throw DomainError.badInput(`Typologie inconnue : ${unknown}.`, {
          field: 'typologies',
        }).inEnglish(`Unknown typology: ${unknown}.`);
    }
    return { signers, typologies };
  }

  // ── reading ──

  /**
   * Petitions of a component. OPEN: collecting now; ACCEPTED: ended at or above the threshold;
   * ANSWERED; ALL public ones; VALIDATING: the admins' queue (admins only, else empty); MINE:
   * the viewer's own and the ones they promote, any state.
   * @throws NOT_FOUND component; BAD_USER_INPUT not a PETITIONS component
   */
  async list(
    componentId: string,
    filter: PetitionFilter,
    viewer: Viewer | null,
  ): Promise<PetitionDto[]> {
    const component = await this.petitionsComponent(componentId, viewer);
    let rows = await this.rows(`p.component_id = $1 AND p.hidden_at IS NULL`, [componentId]);
    rows = await this.freezeDue(rows);
    const dtos = await this.present(rows, viewer);
    const admin = viewer ? await this.isAdmin(viewer, component.spaceId) : false;
    return dtos.filter((d) => {
      switch (filter) {
        case 'OPEN':
          return d.state === PetitionState.PUBLISHED;
        case 'ACCEPTED':
          return d.state === PetitionState.ACCEPTED;
        case 'ANSWERED':
          return d.state === PetitionState.ANSWERED;
        case 'VALIDATING':
          return admin && d.state === PetitionState.VALIDATING;
        case 'MINE':
          return d.viewerIsAuthor || d.viewerInCommittee;
        default:
          return PUBLIC_STATES.has(d.state);
      }
    });
  }

  /**
   * One petition. Unpublished ones (CREATED, VALIDATING, DISCARDED) only for the author, the
   * committee and admins. A petition hidden by moderation only for admins and moderators.
   * @throws NOT_FOUND
   */
  async petition(id: string, viewer: Viewer | null): Promise<PetitionDto> {
    const row = await this.findRow(id);
    await this.spaces.component(row.component_id, viewer);
    const [frozen] = await this.freezeDue([row]);
    const [dto] = await this.present([frozen], viewer);
    if (!dto) throw DomainError.notFound('Pétition', { id }).inEnglish('Petition not found.');
    if (
      !PUBLIC_STATES.has(dto.state) &&
      !dto.viewerIsAuthor &&
      !dto.viewerInCommittee &&
      !dto.viewerCanAdminister
    )
      throw DomainError.notFound('Pétition', { id }).inEnglish('Petition not found.');
    if (
      row.hidden_at &&
      !(
        viewer &&
        (viewer.user.isAdmin ||
          (await this.access.hasRole(viewer.user.id, row.space_id, [
            SpaceRole.ADMIN,
            SpaceRole.MODERATOR,
          ])))
      )
    )
      throw DomainError.notFound('Pétition', { id }).inEnglish('Petition not found.');
    return dto;
  }

  /**
   * « Mes pétitions »: the petitions the viewer started, promotes in the committee or signed
   * (any state the viewer may see; hidden ones left out), newest first, by pages.
   * Caller: signed-in members. A page may hold fewer than `first` rows when some lie in spaces the
   * viewer can no longer see (`hasNextPage` still tells whether more follow).
   * @param first page size, 1 to 50
   * @param after the `endCursor` of the previous page
   * @throws BAD_USER_INPUT (field first) size out of range; (field after) unreadable cursor
   */
  async mine(
    viewer: Viewer,
    relation: MyPetitionRelation,
    first: number,
    after?: string,
  ): Promise<PetitionConnectionDto> {
    if (!Number.isInteger(first) || first < 1 || first > MyPetitionsPage.maxSize)
      throw DomainError.badInput(`Entre 1 et ${MyPetitionsPage.maxSize} pétitions par page.`, {
        field: 'first',
      }).inEnglish(`From 1 to ${MyPetitionsPage.maxSize} petitions per page.`);
    const cursor = after ? readCursor(after) : null;
    const rows = await this.rows(
      `p.hidden_at IS NULL
       AND (($2 IN ('ALL', 'AUTHOR') AND p.author_id = $1)
         OR ($2 IN ('ALL', 'COMMITTEE') AND EXISTS (SELECT 1 FROM petition_committee_members m WHERE m.petition_id = p.id AND m.user_id = $1))
         OR ($2 IN ('ALL', 'SIGNED') AND EXISTS (SELECT 1 FROM petition_signatures s WHERE s.petition_id = p.id AND s.user_id = $1)))
       AND ($3::timestamptz IS NULL OR (p.created_at, p.id) < ($3::timestamptz, $4::uuid))`,
      [viewer.user.id, relation, cursor?.at ?? null, cursor?.id ?? null],
      `ORDER BY p.created_at DESC, p.id DESC LIMIT ${first + 1}`,
    );
    const hasNextPage = rows.length > first;
    const page = rows.slice(0, first);
    const visible: PetitionRow[] = [];
    const seen = new Map<string, boolean>();
    for (const row of page) {
      if (!seen.has(row.component_id))
        seen.set(
          row.component_id,
          await this.spaces.component(row.component_id, viewer).then(
            () => true,
            () => false,
          ),
        );
      if (seen.get(row.component_id)) visible.push(row);
    }
    const dtos = await this.present(await this.freezeDue(visible), viewer);
    const last = page[page.length - 1];
    return {
      edges: dtos.map((node, i) => ({ node, cursor: writeCursor(visible[i]) })),
      hasNextPage,
      endCursor: last ? writeCursor(last) : null,
    };
  }

  /**
   * The admins' queue across components: petitions awaiting technical validation (VALIDATING)
   * and ended ones awaiting the official answer (ACCEPTED, REJECTED), oldest first, only in the
   * spaces the viewer administers (all for organization admins). Caller: signed-in members (an
   * empty list for those who administer nothing).
   */
  async queue(viewer: Viewer): Promise<PetitionDto[]> {
    let rows = await this.rows(
      `p.hidden_at IS NULL AND (p.state = 'VALIDATING' OR (p.state = 'PUBLISHED' AND p.ends_at IS NOT NULL AND clock_timestamp() >= p.ends_at))`,
      [],
      `ORDER BY p.updated_at, p.id LIMIT 500`,
    );
    if (!viewer.user.isAdmin) {
      const admin = new Map<string, boolean>();
      for (const spaceId of new Set(rows.map((r) => r.space_id)))
        admin.set(spaceId, await this.isAdmin(viewer, spaceId));
      rows = rows.filter((r) => admin.get(r.space_id));
    }
    rows = await this.freezeDue(rows);
    const dtos = await this.present(rows, viewer);
    return dtos.filter((d) => d.viewerCanAdminister && QUEUE_STATES.has(d.state));
  }

  // ── authoring ──

  /**
   * Starts a petition (CREATED) of a type. Caller: any signed-in member who can see the component.
   * @throws NOT_FOUND type or component; BAD_USER_INPUT empty body
   */
  async create(input: CreatePetitionInput, viewer: Viewer): Promise<PetitionDto> {
    const type = await this.typeRow(input.typeId);
    const component = await this.petitionsComponent(type.component_id, viewer);
    const body = cleanRichText(input.body, 'body');
    const id = await inTransaction(this.dataSource, async (manager) => {
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO petitions (component_id, type_id, author_id, title, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [component.id, type.id, viewer.user.id, input.title, body],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create',
        resourceType: 'petition',
        resourceId: row.id,
        spaceId: component.spaceId,
        visibility: 'ADMIN_ONLY',
        summary: `Pétition « ${input.title} » commencée`,
      });
      return row.id;
    });
    return this.petition(id, viewer);
  }

  /**
   * Edits a petition before publication. Caller: its author or an admin.
   * @throws NOT_FOUND; FORBIDDEN; CONFLICT published already; BAD_USER_INPUT empty body
   */
  async update(id: string, input: UpdatePetitionInput, viewer: Viewer): Promise<PetitionDto> {
    const body = input.body !== undefined ? cleanRichText(input.body, 'body') : undefined;
    await this.transition(id, viewer, 'edit', async (manager, row) => {
      await manager.query(
        `UPDATE petitions SET title = $2, body = $3, updated_at = now() WHERE id = $1`,
        [id, input.title ?? row.title, body ?? row.body],
      );
      return {
        action: 'update',
        summary: `Pétition « ${input.title ?? row.title} » modifiée`,
        visibility: 'ADMIN_ONLY',
      };
    });
    return this.petition(id, viewer);
  }

  /**
   * Creates a single-use invitation link to the promoter committee. Caller: the author, while CREATED.
   * @returns the token to put in the link (shown once; stored hashed)
   * @throws NOT_FOUND; FORBIDDEN not the author; CONFLICT submitted already
   */
  async invite(petitionId: string, viewer: Viewer): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.transition(petitionId, viewer, 'invite', async (manager) => {
      const [{ n }] = await manager.query(
        `SELECT count(*)::int AS n FROM petition_committee_invitations WHERE petition_id = $1`,
        [petitionId],
      );
      if (n >= 200)
        throw DomainError.limitReached('200 invitations au plus par pétition.').inEnglish(
          'At most 200 invitations per petition.',
        );
      await manager.query(
        `INSERT INTO petition_committee_invitations (petition_id, token_hash) VALUES ($1, $2)`,
        [petitionId, hashToken(token)],
      );
      return {
        action: 'invite_committee',
        summary: 'Invitation au comité créée',
        visibility: 'ADMIN_ONLY',
      };
    });
    return token;
  }

  /**
   * Joins the promoter committee through an invitation link. Caller: any signed-in member but
   * the author, while the petition is CREATED; the invitation is spent.
   * @throws NOT_FOUND unknown or spent token; CONFLICT submitted already, or already in the committee
   */
  async acceptInvitation(token: string, viewer: Viewer): Promise<PetitionDto> {
    const [invitation] = await this.dataSource.query(
      `SELECT petition_id FROM petition_committee_invitations WHERE token_hash = $1 AND accepted_at IS NULL`,
      [hashToken(token)],
    );
    if (!invitation)
      throw DomainError.notFound('Invitation', {}).inEnglish('Invitation not found.');
    await this.transition(invitation.petition_id, viewer, 'joinCommittee', async (manager) => {
      const spent = await queryRows(
        manager,
        `UPDATE petition_committee_invitations SET accepted_by = $2, accepted_at = now() WHERE token_hash = $1 AND accepted_at IS NULL RETURNING id`,
        [hashToken(token), viewer.user.id],
      );
      if (!spent.length)
        throw DomainError.notFound('Invitation', {}).inEnglish('Invitation not found.');
      const joined = await manager.query(
        `INSERT INTO petition_committee_members (petition_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
        [invitation.petition_id, viewer.user.id],
      );
      if (!joined.length)
        throw DomainError.conflict(
          'Vous faites déjà partie du comité de cette pétition.',
        ).inEnglish('You are already on the committee of this petition.');
      return {
        action: 'join_committee',
        summary: 'A rejoint le comité promoteur',
        visibility: 'ADMIN_ONLY',
      };
    });
    return this.petition(invitation.petition_id, viewer);
  }

  /**
   * Submits a petition for technical validation (CREATED → VALIDATING). Caller: its author, once
   * the committee holds at least the type's minimum.
   * @throws NOT_FOUND; FORBIDDEN; CONFLICT not CREATED; BAD_USER_INPUT (field committee) committee too small
   */
  async submit(id: string, viewer: Viewer): Promise<PetitionDto> {
    await this.transition(id, viewer, 'submit', async (manager) => {
      await manager.query(
        `UPDATE petitions SET state = 'VALIDATING', updated_at = now() WHERE id = $1`,
        [id],
      );
      return {
        action: 'submit',
        summary: 'Pétition soumise à validation',
        visibility: 'ADMIN_ONLY',
      };
    });
    return this.petition(id, viewer);
  }

  // ── administration ──

  /**
   * Technical validation: publishes the petition and starts its period (now → now + type's days).
   * Caller: space admins, organization admins. Two admins at once: one wins, the other gets CONFLICT.
   * @throws NOT_FOUND; FORBIDDEN; CONFLICT not VALIDATING
   */
  async publish(id: string, viewer: Viewer): Promise<PetitionDto> {
    await this.transition(id, viewer, 'publish', async (manager, row, type) => {
      await manager.query(
        `UPDATE petitions SET state = 'PUBLISHED', published_at = now(), ends_at = now() + make_interval(days => $2), updated_at = now() WHERE id = $1`,
        [id, type.period_days],
      );
      await this.events.record(
        manager,
        'petition.stateChanged',
        { petitionId: id, title: row.title, state: 'PUBLISHED' },
        viewer.user.id,
      );
      return {
        action: 'publish',
        summary: `Pétition « ${row.title} » publiée : collecte de ${type.period_days} jours`,
        visibility: 'PUBLIC',
      };
    });
    this.events.committed();
    return this.petition(id, viewer);
  }

  /**
   * Discards a petition awaiting validation, with a reason. Caller: space admins, organization admins.
   * @throws NOT_FOUND; FORBIDDEN; CONFLICT not VALIDATING (e.g. another admin published it); BAD_USER_INPUT empty reason
   */
  async discard(id: string, reason: string, viewer: Viewer): Promise<PetitionDto> {
    const text = (reason ?? '').trim();
    if (!hasVisibleText(text))
      throw DomainError.badInput('Indiquez le motif du refus.', { field: 'reason' }).inEnglish(
        'Give the reason for the refusal.',
      );
    if (text.length > 2000)
      throw DomainError.badInput('Le motif tient en 2 000 caractères au plus.', {
        field: 'reason',
      }).inEnglish('The reason has at most 2,000 characters.');
    await this.transition(id, viewer, 'discard', async (manager, row) => {
      await manager.query(
        `UPDATE petitions SET state = 'DISCARDED', discard_reason = $2, updated_at = now() WHERE id = $1`,
        [id, text],
      );
      await this.events.record(
        manager,
        'petition.stateChanged',
        { petitionId: id, title: row.title, state: 'DISCARDED' },
        viewer.user.id,
      );
      return {
        action: 'discard',
        summary: `Pétition « ${row.title} » écartée`,
        visibility: 'ADMIN_ONLY',
      };
    });
    this.events.committed();
    return this.petition(id, viewer);
  }

  /**
   * The governance's official answer to a petition whose collection has ended (ACCEPTED or
   * REJECTED → ANSWERED). Caller: space admins, organization admins. The followers, the author and
   * the committee are notified (`petition.stateChanged`).
   *
   * With `transformTo`, an ACCEPTED petition also becomes, in the same transaction, a proposal
   * (PROPOSAL: created by the proposal module's service, authored by the petition's author) or a
   * draft motion (MOTION: by the motion module's service, proposed by the answering admin, who must
   * be allowed to propose motions in that Assemblée) of its type's second-stage component, with
   * the petition's title and body and a reference back to it; the petition stores what it became
   * and its answer links to it. Exactly once: the petition's row lock makes a second answer find
   * ANSWERED (CONFLICT), and PostgreSQL holds one proposal / motion per petition
   * (`proposals_origin_once`, `motions_origin_once`).
   * @throws NOT_FOUND; FORBIDDEN not an admin, or (MOTION) not allowed to propose motions there; CONFLICT not
   *   published, still collecting, or answered already; BAD_USER_INPUT empty answer, (field transformTo) a
   *   REJECTED petition, a type without a second stage or whose second stage is of the other kind, (field
   *   answerUrl) a link given with a transformation, (field title / body) a text that does not fit a proposal
   */
  async answer(input: AnswerPetitionInput, viewer: Viewer): Promise<PetitionDto> {
    const answer = cleanRichText(input.answer, 'answer');
    const transformTo = input.transformTo ?? null;
    let stage:
      | { kind: 'PROPOSAL'; target: ProposalOriginTarget }
      | { kind: 'MOTION'; target: MotionOriginTarget }
      | null = null;
    let origin: ResourceOrigin | null = null;
    if (transformTo) {
      // checks that read through the pool, before the row lock (see ProposalService.originTarget)
      if (input.answerUrl)
        throw DomainError.badInput(
          'Le lien de la réponse sera celui de la proposition ou de la motion créée : laissez-le vide.',
          { field: 'answerUrl' },
        ).inEnglish(
          'The answer’s link will be that of the proposal or motion created: leave it empty.',
        );
      const seen = await this.findRow(input.petitionId);
      const type = await this.typeRow(seen.type_id);
      if (!type.second_stage_component_id)
        throw DomainError.badInput(
          'Ce type de pétition n’a pas de suite : choisissez-en une dans « Types de pétition ».',
          { field: 'transformTo' },
        ).inEnglish('This petition type has no next stage: choose one in “Petition types”.');
      if (type.second_stage_type !== OUTCOME_COMPONENT[transformTo]) {
        throw DomainError.badInput(
          type.second_stage_type === ComponentType.MOTIONS
            ? 'Ce type de pétition mène à une motion, pas à une proposition.'
            : 'Ce type de pétition mène à une proposition, pas à une motion.',
          { field: 'transformTo' },
        ).inEnglish(
          type.second_stage_type === ComponentType.MOTIONS
            ? 'This petition type leads to a motion, not a proposal.'
            : 'This petition type leads to a proposal, not a motion.',
        );
      }
      if (await this.isAdmin(viewer, seen.space_id)) {
        stage =
          transformTo === 'PROPOSAL'
            ? {
                kind: 'PROPOSAL',
                target: await this.proposals.originTarget(type.second_stage_component_id, viewer),
              }
            : {
                kind: 'MOTION',
                target: await this.motions.originTarget(type.second_stage_component_id, viewer),
              };
      }
      origin = {
        type: 'PETITION',
        id: seen.id,
        title: seen.title,
        link: await this.linkOf(seen.component_id, seen.id),
      };
    }
    await this.transition(input.petitionId, viewer, 'answer', async (manager, row, type, state) => {
      let outcome: { type: PetitionOutcomeType; id: string; link: string } | null = null;
      if (transformTo) {
        const refused = refusal('transform', state, { isAuthor: false, isAdmin: true });
        if (refused) throw toError(refused);
        if (!stage || !origin || stage.target.componentId !== type.second_stage_component_id)
          throw DomainError.conflict(
            'La suite du type de pétition vient de changer : réessayez.',
          ).inEnglish('The petition type’s next stage has just changed: try again.');
        const created =
          stage.kind === 'PROPOSAL'
            ? await this.proposals.createFromOrigin(manager, stage.target, {
                authorId: row.author_id,
                title: row.title,
                body: row.body,
                origin,
              })
            : await this.motions.createDraftFromOrigin(manager, stage.target, {
                title: row.title,
                body: row.body,
                origin,
              });
        outcome = { type: transformTo, ...created };
      }
      await manager.query(
        `UPDATE petitions SET state = 'ANSWERED', answer = $2, answer_url = $3, became_type = $4, became_id = $5, answered_at = now(), updated_at = now() WHERE id = $1`,
        [
          input.petitionId,
          answer,
          outcome?.link ?? input.answerUrl ?? null,
          outcome?.type ?? null,
          outcome?.id ?? null,
        ],
      );
      await this.events.record(
        manager,
        'petition.stateChanged',
        { petitionId: input.petitionId, title: row.title, state: 'ANSWERED' },
        viewer.user.id,
      );
      const became = outcome
        ? outcome.type === 'PROPOSAL'
          ? ' : devenue une proposition'
          : ' : devenue une motion (brouillon)'
        : '';
      return {
        action: 'answer',
        summary: `Réponse officielle à la pétition « ${row.title} »${became}`,
        visibility: 'PUBLIC',
      };
    });
    this.events.committed();
    return this.petition(input.petitionId, viewer);
  }

  /** A petition's page in the web app. */
  private async linkOf(componentId: string, id: string): Promise<string> {
    return `${(await this.spaces.componentPlace(componentId))?.path ?? ''}/petitions/${id}`;
  }

  // ── signatures ──

  /**
   * Signs a petition (idempotent: a second sign by the same member changes nothing). Caller: a
   * signed-in member allowed by the type (every member, or the listed typologies).
   * In one transaction, under the petition's row lock: state and period checked on
   * `clock_timestamp()`, the row inserted under `petition_signatures_once`, the count moved,
   * milestones recorded once.
   * @throws NOT_FOUND; FORBIDDEN typology not allowed; PETITION_NOT_OPEN not published or period over
   */
  async sign(petitionId: string, viewer: Viewer): Promise<PetitionDto> {
    const row = await this.findRow(petitionId);
    await this.spaces.component(row.component_id, viewer);
    const type = await this.typeRow(row.type_id);
    if (type.signers === PetitionSigners.TYPOLOGIES) {
      const typology = (await this.profiles.typologyOf([viewer.user.id])).get(viewer.user.id);
      if (!typology || !type.typologies.includes(typology))
        throw DomainError.forbidden(
          'Cette pétition est réservée à certaines typologies de membres (voir votre profil).',
        ).inEnglish('This petition is reserved for some typologies of members (see your profile).');
    }
    await this.signature(petitionId, viewer, true);
    return this.petition(petitionId, viewer);
  }

  /**
   * Withdraws the viewer's signature during the period (idempotent). Caller: signed-in members.
   * @throws NOT_FOUND; PETITION_NOT_OPEN not published or period over
   */
  async unsign(petitionId: string, viewer: Viewer): Promise<PetitionDto> {
    const row = await this.findRow(petitionId);
    await this.spaces.component(row.component_id, viewer);
    await this.signature(petitionId, viewer, false);
    return this.petition(petitionId, viewer);
  }

  /**
   * Freezes the count of a published petition whose period is over, once, under its row lock.
   * @returns true when this call froze it
   */
  async freeze(id: string): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const [p] = await manager.query(
        `SELECT p.state, p.signatures_count, t.threshold, (p.ends_at IS NOT NULL AND clock_timestamp() >= p.ends_at) AS ended
           FROM petitions p JOIN petition_types t ON t.id = p.type_id WHERE p.id = $1 FOR UPDATE OF p`,
        [id],
      );
      if (!p || p.state !== PetitionState.PUBLISHED || !p.ended) return false;
      const inserted = await manager.query(
        `INSERT INTO petition_results (petition_id, signatures_count, threshold)
         SELECT $1, (SELECT count(*)::int FROM petition_signatures WHERE petition_id = $1), $2 ON CONFLICT DO NOTHING RETURNING petition_id`,
        [id, p.threshold],
      );
      return inserted.length > 0;
    });
  }

  /**
   * May the viewer export this petition's signatures? Its author, committee members and admins.
   * @throws NOT_FOUND petition not visible; FORBIDDEN anyone else
   */
  async checkExport(petitionId: string, viewer: Viewer): Promise<PetitionDto> {
    const dto = await this.petition(petitionId, viewer);
    if (!dto.viewerCanAdminister && !dto.viewerIsAuthor && !dto.viewerInCommittee)
      throw DomainError.forbidden(
        'Seuls le comité promoteur et les administrateurs exportent les signatures.',
      ).inEnglish('Only the promoting committee and the administrators export the signatures.');
    return dto;
  }

  /**
   * The signatures of a petition for the CSV export, oldest first, in keyset batches of 1,000
   * (memory stays flat whatever the count): when it was signed, the signer's typology (asked to
   * the profile module), whether it is demo data. No name or e-mail: signers are shown in aggregate.
   * Call {@link checkExport} first.
   */
  async *signatureBatches(
    petitionId: string,
  ): AsyncGenerator<{ signedAt: Date; typology: string | null; demo: boolean }[]> {
    // the cursor keeps PostgreSQL's microseconds as text (a JS Date would round them down and loop)
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const rows: {
        id: string;
        created_at: Date;
        cursor: string;
        user_id: string | null;
        is_demo: boolean;
      }[] = await this.dataSource.query(
        `SELECT id, created_at, created_at::text AS cursor, user_id, is_demo FROM petition_signatures
          WHERE petition_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
          ORDER BY created_at, id LIMIT 1000`,
        [petitionId, after?.at ?? null, after?.id ?? null],
      );
      if (!rows.length) return;
      const typologies = await this.profiles.typologyOf(
        rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
      );
      yield rows.map((r) => ({
        signedAt: r.created_at,
        typology: r.user_id ? (typologies.get(r.user_id) ?? null) : null,
        demo: r.is_demo,
      }));
      const last = rows[rows.length - 1];
      after = { at: last.cursor, id: last.id };
      if (rows.length < 1000) return;
    }
  }

  private async signature(petitionId: string, viewer: Viewer, sign: boolean): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const [p] = await queryRows<{
        id: string;
        component_id: string;
        space_id: string;
        title: string;
        state: PetitionState;
        threshold: number;
        ended: boolean;
        frozen: boolean;
      }>(
        manager,
        `SELECT p.id, p.component_id, c.space_id, p.title, p.state, t.threshold,
                (p.ends_at IS NOT NULL AND clock_timestamp() >= p.ends_at) AS ended,
                EXISTS (SELECT 1 FROM petition_results r WHERE r.petition_id = p.id) AS frozen
           FROM petitions p JOIN components c ON c.id = p.component_id JOIN petition_types t ON t.id = p.type_id
          WHERE p.id = $1 FOR UPDATE OF p`,
        [petitionId],
      );
      if (!p)
        throw DomainError.notFound('Pétition', { id: petitionId }).inEnglish('Petition not found.');
      const state = p.frozen || p.ended ? PetitionState.REJECTED : p.state; // any non-collecting state
      const refused = refusal(sign ? 'sign' : 'unsign', state, { isAuthor: false, isAdmin: false });
      if (refused) throw toError(refused);
      const changed = sign
        ? await manager.query(
            `INSERT INTO petition_signatures (petition_id, user_id) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT petition_signatures_once DO NOTHING RETURNING id`,
            [petitionId, viewer.user.id],
          )
        : await queryRows(
            manager,
            `DELETE FROM petition_signatures WHERE petition_id = $1 AND user_id = $2 RETURNING id`,
            [petitionId, viewer.user.id],
          );
      if (!changed.length) return;
      const [{ signatures_count: count }] = await queryRows<{ signatures_count: number }>(
        manager,
        `UPDATE petitions SET signatures_count = signatures_count + $2 WHERE id = $1 RETURNING signatures_count`,
        [petitionId, sign ? 1 : -1],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: sign ? 'sign' : 'unsign',
        resourceType: 'petition',
        resourceId: petitionId,
        spaceId: p.space_id,
        visibility: 'ADMIN_ONLY',
        summary: sign
          ? `A signé la pétition « ${p.title} »`
          : `A retiré sa signature de la pétition « ${p.title} »`,
      });
      await this.events.record(
        manager,
        'petition.signaturesChanged',
        { petitionId, componentId: p.component_id, signaturesCount: count },
        viewer.user.id,
      );
      const milestones = sign ? milestonesReached(count, p.threshold) : [];
      if (milestones.length) {
        // one statement for every milestone reached (held under the lock): only the rows this transaction inserted are notified
        const reached = await queryRows<{ percent: number }>(
          manager,
          `INSERT INTO petition_milestones (petition_id, percent) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING RETURNING percent`,
          [petitionId, milestones],
        );
        for (const { percent } of reached.sort((a, b) => a.percent - b.percent))
          await this.events.record(
            manager,
            'petition.milestone',
            { petitionId, title: p.title, percent },
            viewer.user.id,
          );
      }
    });
    this.events.committed();
  }

  /**
   * Runs one lifecycle move under the petition's row lock: loads it `FOR UPDATE`, decides the
   * effective state from the clock, asks the pure rules, applies `work` and logs it.
   */
  private async transition(
    id: string,
    viewer: Viewer,
    action: PetitionAction,
    work: (
      manager: EntityManager,
      row: PetitionRow,
      type: TypeRow,
      state: PetitionState,
    ) => Promise<{ action: string; summary: string; visibility: 'PUBLIC' | 'ADMIN_ONLY' }>,
  ): Promise<void> {
    const seen = await this.findRow(id);
    await this.spaces.component(seen.component_id, viewer); // NOT_FOUND when the viewer may not see it
    // no freeze here: under the row lock `signatures_count` is exact, and no signature enters past the end
    // read through the pool before the lock: inside it, only the transaction's own connection is used
    // (many admins waiting on the same row would otherwise hold every pool connection)
    const isAdmin = await this.isAdmin(viewer, seen.space_id);
    await inTransaction(this.dataSource, async (manager) => {
      const [row] = await queryRows<PetitionRow>(
        manager,
        `SELECT ${PETITION_COLUMNS} FROM petitions p JOIN components c ON c.id = p.component_id WHERE p.id = $1 FOR UPDATE OF p`,
        [id],
      );
      if (!row) throw DomainError.notFound('Pétition', { id }).inEnglish('Petition not found.');
      const type = await this.typeRow(row.type_id, manager);
      const state = effectiveState(
        row.state,
        row.period_ended,
        row.frozen_count ?? row.signatures_count,
        row.frozen_threshold ?? type.threshold,
      );
      const isAuthor = row.author_id === viewer.user.id;
      const [{ n: committee, member }] = await manager.query(
        `SELECT count(*)::int AS n, bool_or(user_id = $2) AS member FROM petition_committee_members WHERE petition_id = $1`,
        [id, viewer.user.id],
      );
      // unpublished petitions do not exist for those who may not see them
      if (
        !PUBLIC_STATES.has(state) &&
        !isAuthor &&
        !isAdmin &&
        !member &&
        action !== 'joinCommittee'
      )
        throw DomainError.notFound('Pétition', { id }).inEnglish('Petition not found.');
      const refused = refusal(action, state, { isAuthor, isAdmin }, committee, type.min_committee);
      if (refused) throw toError(refused);
      const logged = await work(manager, row, type, state);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: logged.action,
        resourceType: 'petition',
        resourceId: id,
        spaceId: row.space_id,
        visibility: logged.visibility,
        summary: logged.summary,
      });
    });
  }

  /** Freezes the results of rows whose period has ended, then returns them re-read. */
  private async freezeDue(rows: PetitionRow[]): Promise<PetitionRow[]> {
    const due = rows.filter(
      (r) => r.state === PetitionState.PUBLISHED && r.period_ended && r.frozen_count === null,
    );
    if (!due.length) return rows;
    for (const r of due) await this.freeze(r.id);
    const again = await this.rows(`p.id = ANY($1)`, [due.map((r) => r.id)]);
    return rows.map((r) => again.find((a) => a.id === r.id) ?? r);
  }

  private async present(rows: PetitionRow[], viewer: Viewer | null): Promise<PetitionDto[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const typeIds = [...new Set(rows.map((r) => r.type_id))];
    const [types, committees, signed] = await Promise.all([
      queryRows<TypeRow>(this.dataSource.manager, `${TYPE_SELECT} WHERE t.id = ANY($1)`, [typeIds]),
      queryRows<{ petition_id: string; user_id: string; accepted_at: Date }>(
        this.dataSource.manager,
        `SELECT petition_id, user_id, accepted_at FROM petition_committee_members WHERE petition_id = ANY($1) ORDER BY accepted_at, user_id`,
        [ids],
      ),
      viewer
        ? queryRows<{ petition_id: string }>(
            this.dataSource.manager,
            `SELECT petition_id FROM petition_signatures WHERE user_id = $1 AND petition_id = ANY($2)`,
            [viewer.user.id, ids],
          )
        : Promise.resolve([]),
    ]);
    const followed = viewer
      ? await this.follows.followedAmong(viewer.user.id, 'PETITION', ids)
      : new Set<string>();
    const adminOf = new Map<string, boolean>();
    if (viewer)
      for (const spaceId of new Set(rows.map((r) => r.space_id)))
        adminOf.set(spaceId, await this.isAdmin(viewer, spaceId));
    const typology = viewer
      ? ((await this.profiles.typologyOf([viewer.user.id])).get(viewer.user.id) ?? null)
      : null;
    const paths = new Map<string, string>();
    for (const componentId of new Set(rows.map((r) => r.component_id)))
      paths.set(componentId, (await this.spaces.componentPlace(componentId))?.path ?? '');
    return rows.map((r) => {
      const type = types.find((t) => t.id === r.type_id)!;
      const count = r.frozen_count ?? r.signatures_count;
      const threshold = r.frozen_threshold ?? type.threshold;
      const state = effectiveState(r.state, r.period_ended, count, threshold);
      const committee = committees.filter((c) => c.petition_id === r.id);
      const allowed =
        type.signers === PetitionSigners.EVERYONE ||
        (!!typology && type.typologies.includes(typology));
      return {
        id: r.id,
        componentId: r.component_id,
        spaceId: r.space_id,
        link: `${paths.get(r.component_id)}/petitions/${r.id}`,
        type: toTypeDto(type),
        authorId: r.author_id,
        title: r.title,
        body: r.body,
        state,
        discardReason: r.discard_reason,
        publishedAt: r.published_at,
        endsAt: r.ends_at,
        signaturesCount: count,
        threshold,
        committeeSize: committee.length,
        committee: committee.map((c) => ({ userId: c.user_id, acceptedAt: c.accepted_at })),
        answer: r.answer,
        answerUrl: r.answer_url,
        outcome:
          r.became_type && r.became_id && r.answer_url
            ? { type: r.became_type, id: r.became_id, link: r.answer_url }
            : null,
        answeredAt: r.answered_at,
        commentsCount: r.comments_count,
        createdAt: r.created_at,
        readAt: r.read_at,
        viewerIsAuthor: !!viewer && r.author_id === viewer.user.id,
        viewerInCommittee: !!viewer && committee.some((c) => c.user_id === viewer.user.id),
        viewerHasSigned: signed.some((s) => s.petition_id === r.id),
        viewerFollows: followed.has(r.id),
        viewerCanSign: !!viewer && state === PetitionState.PUBLISHED && allowed,
        viewerCanAdminister: adminOf.get(r.space_id) ?? false,
      };
    });
  }

  private async rows(
    where: string,
    params: unknown[],
    order = 'ORDER BY p.created_at DESC, p.id',
  ): Promise<PetitionRow[]> {
    return queryRows<PetitionRow>(
      this.dataSource.manager,
      `SELECT ${PETITION_COLUMNS}, p.created_at::text AS created_cursor FROM petitions p JOIN components c ON c.id = p.component_id WHERE ${where} ${order}`,
      params,
    );
  }

  private async findRow(id: string): Promise<PetitionRow> {
    if (!UUID.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    const [row] = await this.rows(`p.id = $1`, [id]);
    if (!row) throw DomainError.notFound('Pétition', { id }).inEnglish('Petition not found.');
    return row;
  }

  private async typeRow(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TypeRow> {
    if (!UUID.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'typeId' }).inEnglish(
        'Invalid identifier.',
      );
    const [row] = await queryRows<TypeRow>(manager, `${TYPE_SELECT} WHERE t.id = $1`, [id]);
    if (!row)
      throw DomainError.notFound('Type de pétition', { id }).inEnglish('Petition type not found.');
    return row;
  }

  private async petitionsComponent(componentId: string, viewer: Viewer | null) {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.PETITIONS)
      throw DomainError.badInput('Cette fonctionnalité ne contient pas de pétitions.', {
        field: 'componentId',
      }).inEnglish('This feature does not contain petitions.');
    return component;
  }

  private async isAdmin(viewer: Viewer, spaceId: string): Promise<boolean> {
    return viewer.user.isAdmin || this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN]);
  }
}

function toTypeDto(t: TypeRow): PetitionTypeDto {
  return {
    id: t.id,
    componentId: t.component_id,
    title: t.title,
    description: t.description,
    threshold: t.threshold,
    periodDays: t.period_days,
    minCommitteeSize: t.min_committee,
    signers: t.signers,
    typologies: t.typologies,
    publicSignatures: t.public_signatures,
    secondStageUrl: t.second_stage_url,
    secondStage:
      t.second_stage_component_id && t.second_stage_type && t.second_stage_path
        ? {
            componentId: t.second_stage_component_id,
            type: t.second_stage_type === ComponentType.MOTIONS ? 'MOTION' : 'PROPOSAL',
            componentTitle: t.second_stage_title ?? '',
            spaceTitle: t.second_stage_space_title ?? '',
            link: t.second_stage_path,
          }
        : null,
  };
}

function toError(r: Refusal): DomainError {
  if (r.code === 'FORBIDDEN') return DomainError.forbidden(r.message).inEnglish(r.english);
  if (r.code === 'CONFLICT') return DomainError.conflict(r.message).inEnglish(r.english);
  if (r.code === 'BAD_USER_INPUT')
    return DomainError.badInput(r.message, { field: r.field }).inEnglish(r.english);
  return new DomainError(ErrorCode.PETITION_NOT_OPEN, r.message).inEnglish(r.english);
}

function cleanRichText(text: string, field: string): string {
  const html = sanitizeRichText(text);
  if (!hasVisibleText(richTextToPlain(html)))
    throw DomainError.badInput(`${field} : le texte est vide.`, { field }).inEnglish(
      'The text is empty.',
    );
  if (html.length > 10000)
    throw DomainError.badInput(`${field} : 10 000 caractères au plus.`, { field }).inEnglish(
      'At most 10,000 characters.',
    );
  return html;
}

/** The « Mes pétitions » cursor: the row's created_at (text, microseconds kept) and id, base64url. */
function writeCursor(row: PetitionRow): string {
  return Buffer.from(`${row.created_cursor}|${row.id}`).toString('base64url');
}

function readCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(String(cursor), 'base64url').toString('utf8').split('|');
  if (
    !at ||
    !id ||
    !UUID.test(id) ||
    !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(at)
  )
    throw DomainError.badInput('Curseur illisible.', { field: 'after' }).inEnglish(
      'Unreadable cursor.',
    );
  return { at, id };
}

function hashToken(token: string): string {
  return createHash('sha256').update(String(token)).digest('hex');
}
