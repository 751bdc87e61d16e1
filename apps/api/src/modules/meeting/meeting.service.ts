import {
  ComponentType,
  ErrorCode,
  MeetingAgendaLinkType,
  MeetingLimits,
  MeetingState,
  MeetingType,
  RegistrationStatus,
  SpaceRole,
  SpaceType,
} from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import {
  inTransaction,
  pgConstraint,
  pgErrorCode,
  queryRows,
} from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { richTextToPlain, sanitizeRichText } from '../../common/rich-text/rich-text';
import { checkedId, UUID_PATTERN } from '../../platform/component-resource';
import { hasVisibleText } from '../../common/validation/visible-text';
import { ActionLogService } from '../action-log/action-log.service';
import { FollowService } from '../follow/follow.service';
import { MotionService } from '../motion/motion.service';
import { ProposalService } from '../proposal/proposal.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import {
  MeetingAgendaItemDto,
  MeetingAgendaLinkDto,
  MeetingAttendeeDto,
  MeetingClosingReportDto,
  MeetingConnectionDto,
  MeetingDto,
  MeetingRegistrationDto,
} from './dtos/meeting.dto';
import {
  CloseMeetingInput,
  CreateMeetingInput,
  MeetingAgendaFilterInput,
  MeetingAgendaItemInput,
  MeetingAgendaOrder,
  MeetingFieldsInput,
} from './dtos/meeting.inputs';
import {
  type AgendaDraft,
  checkedAgenda,
  checkedVideoUrl,
  type ScheduledAgendaItem,
  scheduleAgenda,
  type StoredAgendaItem,
} from './meeting-agenda';
import { newAttendanceCode, normalisedCode } from './attendance-code';
import { promotable, seatFor } from './registration-allocation';

/** A meeting row with what PostgreSQL decides from its clock at the read. */
export interface MeetingRow {
  id: string;
  component_id: string;
  space_id: string;
  title: string;
  description: string;
  type: MeetingType;
  address: string;
  location: string;
  location_hints: string;
  online_url: string | null;
  starts_at: Date;
  ends_at: Date;
  registrations_enabled: boolean;
  capacity: number;
  registrations_open_at: Date | null;
  registrations_close_at: Date | null;
  waitlist_enabled: boolean;
  is_sitting: boolean;
  published_at: Date | null;
  withdrawn_at: Date | null;
  cancelled_at: Date | null;
  cancellation_reason: string;
  ical_sequence: number;
  created_by: string | null;
  closed_at: Date | null;
  closing_minutes: string;
  closing_attendees_count: number;
  closing_contributions_count: number;
  closing_video_url: string | null;
  comments_count: number;
  follows_count: number;
  hidden_at: Date | null;
  created_at: Date;
  updated_at: Date;
  state: MeetingState;
  registrations_open: boolean;
  url_window: boolean;
}

/** Columns of {@link MeetingRow}: state, registration window and URL window come from `now()` at every read. */
export const MEETING_COLUMNS = `m.id, m.component_id, m.space_id, m.title, m.description, m.type, m.address, m.location, m.location_hints, m.online_url,
  m.starts_at, m.ends_at, m.registrations_enabled, m.capacity, m.registrations_open_at, m.registrations_close_at, m.waitlist_enabled, m.is_sitting,
  m.published_at, m.withdrawn_at, m.cancelled_at, m.cancellation_reason, m.ical_sequence, m.created_by,
  m.closed_at, m.closing_minutes, m.closing_attendees_count, m.closing_contributions_count, m.closing_video_url, m.comments_count, m.follows_count, m.hidden_at,
  m.created_at, m.updated_at,
  CASE WHEN now() < m.starts_at THEN 'UPCOMING' WHEN now() < m.ends_at THEN 'ONGOING' ELSE 'PAST' END AS state,
  (m.registrations_enabled AND m.published_at IS NOT NULL AND m.cancelled_at IS NULL AND m.withdrawn_at IS NULL AND m.hidden_at IS NULL
    AND (m.registrations_open_at IS NULL OR m.registrations_open_at <= now()) AND now() < coalesce(m.registrations_close_at, m.starts_at)) AS registrations_open,
  now() >= m.starts_at - interval '${MeetingLimits.onlineUrlLeadMs / 1000} seconds' AS url_window`;

/** Columns that place a meeting in time and space: a change bumps the iCalendar SEQUENCE. */
const PLACE_AND_TIME = [
  'type',
  'address',
  'location',
  'online_url',
  'starts_at',
  'ends_at',
] as const;

interface Counts {
  registered: number;
  waitlisted: number;
  attended: number;
}

/** The stored values of a meeting after an input is applied (create: from defaults). */
interface Fields {
  title: string;
  description: string;
  type: MeetingType;
  address: string;
  location: string;
  location_hints: string;
  online_url: string | null;
  starts_at: Date;
  ends_at: Date;
  registrations_enabled: boolean;
  capacity: number;
  registrations_open_at: Date | null;
  registrations_close_at: Date | null;
  waitlist_enabled: boolean;
}

/** Page sizes of the « Agenda » page. */
export const AGENDA_PAGE = { defaultFirst: 20, maxFirst: 100 } as const;

/** Cursor of a meeting on the « Agenda » page: its start and id, and the order it was made in (opaque to clients). */
const agendaCursor = (startsAt: Date, id: string, order: MeetingAgendaOrder) =>
  Buffer.from(JSON.stringify([startsAt.toISOString(), id, order])).toString('base64url');

function parseAgendaCursor(
  after: string,
  order: MeetingAgendaOrder,
): { startsAt: Date; id: string } {
  try {
    const [startsAt, id, made] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [
      unknown,
      unknown,
      unknown,
    ];
    const at = typeof startsAt === 'string' ? new Date(startsAt) : null;
    if (
      at &&
      !Number.isNaN(at.getTime()) &&
      typeof id === 'string' &&
      UUID_PATTERN.test(id) &&
      made === order
    )
      return { startsAt: at, id };
  } catch {
    // falls through
  }
  throw DomainError.badInput('Curseur invalide pour cet ordre.', { field: 'after' }).inEnglish(
    'Invalid cursor for this order.',
  );
}

const CLOSED_MESSAGE = 'Les inscriptions à cette rencontre ne sont pas ouvertes.';
const CLOSED_MESSAGE_EN = 'Registrations for this meeting are not open.';

/**
 * Meetings (Rencontres) of a MEETINGS component, and their registrations.
 *
 * - **State** is never stored: UPCOMING before `startsAt`, ONGOING until `endsAt`, PAST after,
 *   on PostgreSQL's clock at the read.
 * - **Capacity** is held by PostgreSQL: a registration locks its meeting's row
 *   (`SELECT … FOR UPDATE`), then counts the REGISTERED rows in a new statement (so it sees
 *   what the previous lock holder committed) and decides with {@link seatFor}; one registration
 *   per (meeting, user) is the unique constraint `meeting_registrations_once`, one code per
 *   meeting `meeting_registrations_code_key`. A cancellation promotes the first waiting
 *   registrations ({@link promotable}) in the same transaction and notifies them.
 * - **Online URL**: shown to registrants from 15 minutes before the start, to everyone when the
 *   meeting takes no registration, and always to the space's admins.
 */
@Injectable()
export class MeetingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly access: SpaceAccessService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly proposals: ProposalService,
    private readonly motions: MotionService,
    private readonly follows: FollowService,
  ) {}

  /**
   * Meetings of a MEETINGS component, by start time. Drafts and hidden meetings are listed only
   * to the space's admins and moderators. A fixed number of SQL statements whatever the count
   * (meetings, counts, agendas, the viewer's registrations): no N+1.
   * Caller: anyone who may see the component.
   * @throws NOT_FOUND component hidden or unknown; BAD_USER_INPUT not a MEETINGS component
   */
  async list(componentId: string, viewer: Viewer | null): Promise<MeetingDto[]> {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.MEETINGS)
      throw DomainError.badInput('Cette fonctionnalité ne contient pas de rencontres.', {
        field: 'componentId',
      }).inEnglish('This feature does not contain meetings.');
    const privileged = await this.privileged(viewer, component.spaceId);
    const rows = await queryRows<MeetingRow>(
      this.dataSource.manager,
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.component_id = $1 ${privileged ? '' : 'AND m.published_at IS NOT NULL AND m.hidden_at IS NULL'}
        ORDER BY m.starts_at, m.id`,
      [componentId],
    );
    return this.present(rows, viewer);
  }

  /**
   * The « Agenda » page: published meetings of every space and component the viewer may see,
   * keyset-paged on (start, id). A fixed number of SQL statements whatever the page size (visible
   * spaces and components, the page, then {@link present}'s batched reads): no N+1.
   * Caller: anyone.
   * @param filter `from` (meetings ending at or after), `to` (starting before), type, space
   * @param first 1–100; @param after a previous page's `endCursor` in the same order
   * @throws BAD_USER_INPUT first out of range, `to` not after `from`, a malformed cursor or space id
   */
  async agendaPage(
    filter: MeetingAgendaFilterInput,
    first: number,
    after: string | null,
    order: MeetingAgendaOrder,
    viewer: Viewer | null,
  ): Promise<MeetingConnectionDto> {
    if (!Number.isInteger(first) || first < 1 || first > AGENDA_PAGE.maxFirst)
      throw DomainError.badInput(`Entre 1 et ${AGENDA_PAGE.maxFirst}.`, {
        field: 'first',
      }).inEnglish(`From 1 to ${AGENDA_PAGE.maxFirst}.`);
    if (filter.from && filter.to && filter.to.getTime() <= filter.from.getTime())
      throw DomainError.badInput('La fin de la période doit suivre son début.', {
        field: 'filter.to',
      }).inEnglish('The end of the period must follow its start.');
    if (filter.spaceId && !UUID_PATTERN.test(filter.spaceId))
      throw DomainError.badInput('Identifiant d’espace invalide.', {
        field: 'filter.spaceId',
      }).inEnglish('Invalid space identifier.');
    const cursor = after ? parseAgendaCursor(after, order) : null;
    // the spaces and components the viewer may see, with their paths and the viewer's admin right (a fixed number of statements)
    const spaces = await this.spaces.list(undefined, viewer);
    const paths = new Map<string, string>();
    const administers = new Map<string, boolean>();
    for (const space of spaces) {
      administers.set(space.id, space.viewerCanAdminister);
      for (const c of space.components)
        if (c.type === ComponentType.MEETINGS && c.published)
          paths.set(c.id, `/espaces/${space.slug}/f/${c.id}`);
    }
    const forward = order === MeetingAgendaOrder.CHRONOLOGICAL;
    const params: unknown[] = [[...paths.keys()], first + 1];
    const where = [
      `m.component_id = ANY($1::uuid[])`,
      `m.published_at IS NOT NULL`,
      `m.hidden_at IS NULL`,
    ];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.from) where.push(`m.ends_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`m.starts_at < ${param(filter.to)}`);
    if (filter.type) where.push(`m.type = ${param(filter.type)}`);
    if (filter.spaceId) where.push(`m.space_id = ${param(filter.spaceId)}`);
    if (cursor)
      where.push(
        `(m.starts_at, m.id) ${forward ? '>' : '<'} (${param(cursor.startsAt)}::timestamptz, ${param(cursor.id)}::uuid)`,
      );
    const rows = paths.size
      ? await queryRows<MeetingRow>(
          this.dataSource.manager,
          `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE ${where.join(' AND ')} ORDER BY m.starts_at ${forward ? 'ASC' : 'DESC'}, m.id ${forward ? 'ASC' : 'DESC'} LIMIT $2`,
          params,
        )
      : [];
    const page = rows.slice(0, first);
    const nodes = await this.present(page, viewer, { administers, paths });
    return {
      edges: nodes.map((node, i) => ({
        node,
        cursor: agendaCursor(page[i].starts_at, page[i].id, order),
      })),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: page.length
          ? agendaCursor(page[page.length - 1].starts_at, page[page.length - 1].id, order)
          : null,
      },
    };
  }

  /**
   * The caller's registrations (seats and waiting lists), meetings not yet ended first by start,
   * then past ones, most recent first; meetings the caller may no longer see are left out.
   * Caller: signed-in users (their own registrations only).
   */
  async mine(viewer: Viewer): Promise<MeetingDto[]> {
    const rows = await queryRows<MeetingRow>(
      this.dataSource.manager,
      `SELECT ${MEETING_COLUMNS} FROM meetings m JOIN meeting_registrations r ON r.meeting_id = m.id AND r.user_id = $1
        WHERE m.published_at IS NOT NULL AND m.hidden_at IS NULL
        ORDER BY (m.ends_at < now()), CASE WHEN m.ends_at >= now() THEN m.starts_at END, m.starts_at DESC, m.id LIMIT 200`,
      [viewer.user.id],
    );
    const visible = new Map<string, boolean>();
    for (const componentId of new Set(rows.map((r) => r.component_id))) {
      visible.set(
        componentId,
        await this.spaces.component(componentId, viewer).then(
          () => true,
          () => false,
        ),
      );
    }
    return this.present(
      rows.filter((r) => visible.get(r.component_id)),
      viewer,
    );
  }

  /**
   * A user's registrations for their private calendar feed: published meetings of published spaces
   * and components, by start (at most 500, the latest), with the registration's status and the
   * online URL as that registrant may see it now. A fixed number of statements.
   * Caller: the feed controller, once the token named the user.
   * @returns rows with `registration_status`, `online_url_visible` and the meeting page's path
   */
  async registrationFeed(userId: string): Promise<
    (MeetingRow & {
      registration_status: RegistrationStatus;
      path: string;
      visible_online_url: string | null;
    })[]
  > {
    const rows = await queryRows<MeetingRow & { registration_status: RegistrationStatus }>(
      this.dataSource.manager,
      `SELECT * FROM (SELECT ${MEETING_COLUMNS}, r.status AS registration_status FROM meetings m JOIN meeting_registrations r ON r.meeting_id = m.id AND r.user_id = $1
         WHERE m.published_at IS NOT NULL AND m.hidden_at IS NULL ORDER BY m.starts_at DESC, m.id LIMIT 500) f ORDER BY f.starts_at, f.id`,
      [userId],
    );
    // what anyone may see: published spaces and components (the feed is reached without a session)
    const paths = new Map<string, string>();
    for (const space of await this.spaces.list(undefined, null)) {
      for (const c of space.components)
        if (c.type === ComponentType.MEETINGS && c.published)
          paths.set(c.id, `/espaces/${space.slug}/f/${c.id}`);
    }
    return rows
      .filter((r) => paths.has(r.component_id))
      .map((r) => ({
        ...r,
        path: `${paths.get(r.component_id)}/rencontres/${r.id}`,
        visible_online_url:
          r.online_url !== null &&
          (!r.registrations_enabled || (r.registration_status === 'REGISTERED' && r.url_window))
            ? r.online_url
            : null,
      }));
  }

  /**
   * One meeting. Caller: anyone who may see it (a draft or a hidden meeting: the space's admins and moderators).
   * @throws NOT_FOUND unknown or invisible; BAD_USER_INPUT malformed id
   */
  async meeting(id: string, viewer: Viewer | null): Promise<MeetingDto> {
    const row = await this.visibleRow(id, viewer);
    return (await this.present([row], viewer))[0];
  }

  /**
   * The meeting row as `viewer` may see it.
   * @throws NOT_FOUND unknown, in a component the viewer may not see, a draft or hidden for a non-moderator
   */
  async visibleRow(
    id: string,
    viewer: Viewer | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MeetingRow> {
    const [row] = await queryRows<MeetingRow>(
      manager,
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.id = $1`,
      [checkedId(id)],
    );
    if (!row) throw DomainError.notFound('Rencontre', { id }).inEnglish('Meeting not found.');
    await this.spaces.component(row.component_id, viewer);
    if (
      (row.published_at === null || row.hidden_at !== null) &&
      !(await this.privileged(viewer, row.space_id))
    )
      throw DomainError.notFound('Rencontre', { id }).inEnglish('Meeting not found.');
    return row;
  }

  /**
   * Published, visible meetings of a space, by start (the space's calendar feed). Caller: anyone who may see the space's components.
   * @param spaceId the space; @returns rows (at most 1,000, the most recent starts)
   */
  async publishedOfSpace(spaceId: string): Promise<MeetingRow[]> {
    return queryRows<MeetingRow>(
      this.dataSource.manager,
      `SELECT * FROM (SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.space_id = $1 AND m.published_at IS NOT NULL AND m.hidden_at IS NULL
         ORDER BY m.starts_at DESC, m.id LIMIT 1000) s ORDER BY s.starts_at, s.id`,
      [spaceId],
    );
  }

  /**
   * Creates a meeting (a draft unless `published`). Caller: space admins and organization admins.
   * @throws NOT_FOUND component; BAD_USER_INPUT not a MEETINGS component, a required field
   *   missing (title, type, startsAt, endsAt), end not after start or more than 14 days later,
   *   ONLINE/HYBRID without an http(s) `onlineUrl`, registration close not after its opening,
   *   description too long
   */
  async create(input: CreateMeetingInput, viewer: Viewer): Promise<MeetingDto> {
    const component = await this.spaces.component(input.componentId, viewer);
    if (component.type !== ComponentType.MEETINGS)
      throw DomainError.badInput('Cette fonctionnalité ne contient pas de rencontres.', {
        field: 'componentId',
      }).inEnglish('This feature does not contain meetings.');
    for (const field of ['title', 'type', 'startsAt', 'endsAt'] as const) {
      if (input[field] === undefined || input[field] === null) throw DomainError.required(field);
    }
    const fields = this.merge(
      {
        title: '',
        description: '',
        type: input.type!,
        address: '',
        location: '',
        location_hints: '',
        online_url: null,
        starts_at: input.startsAt!,
        ends_at: input.endsAt!,
        registrations_enabled: false,
        capacity: 0,
        registrations_open_at: null,
        registrations_close_at: null,
        waitlist_enabled: true,
      },
      input,
    );
    const published = input.published ?? false;
    const agenda = input.agenda
      ? await this.checkedLinkedAgenda(input.agenda, 'agenda', component.spaceId, viewer)
      : null;
    const id = await inTransaction(this.dataSource, async (manager) => {
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO meetings (component_id, space_id, title, description, type, address, location, location_hints, online_url, starts_at, ends_at,
                               registrations_enabled, capacity, registrations_open_at, registrations_close_at, waitlist_enabled, published_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, CASE WHEN $17::boolean THEN now() END, $18) RETURNING id`,
        [
          component.id,
          component.spaceId,
          fields.title,
          fields.description,
          fields.type,
          fields.address,
          fields.location,
          fields.location_hints,
          fields.online_url,
          fields.starts_at,
          fields.ends_at,
          fields.registrations_enabled,
          fields.capacity,
          fields.registrations_open_at,
          fields.registrations_close_at,
          fields.waitlist_enabled,
          published,
          viewer.user.id,
        ],
      );
      if (agenda) await this.replaceAgenda(manager, row.id, agenda);
      if (input.isSitting) await this.markSitting(manager, row.id, component.spaceId, true);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create',
        resourceType: 'meeting',
        resourceId: row.id,
        spaceId: component.spaceId,
        visibility: published ? 'PUBLIC' : 'ADMIN_ONLY',
        summary: `Rencontre « ${fields.title} » créée${published ? ' et publiée' : ''}`,
      });
      return row.id;
    });
    return this.meeting(id, viewer);
  }

  /**
   * Edits a meeting (under its row lock). A change of time or place bumps the iCalendar
   * SEQUENCE and tells the registrants what changed; a larger capacity promotes waiting
   * registrations (notified). Caller: space admins
   * and organization admins.
   * @throws NOT_FOUND; BAD_USER_INPUT as {@link create}, and a capacity below the registered count (field capacity)
   */
  async update(id: string, input: MeetingFieldsInput, viewer: Viewer): Promise<MeetingDto> {
    const agenda = input.agenda
      ? await this.checkedLinkedAgenda(
          input.agenda,
          'agenda',
          (await this.visibleRow(id, viewer)).space_id,
          viewer,
        )
      : null;
    const promoted = await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lock(manager, id);
      const fields = this.merge(row, input);
      const counts = await this.counts(manager, id);
      if (fields.capacity !== 0 && fields.capacity < counts.registered) {
        throw DomainError.badInput(
          `La capacité ne peut pas être inférieure au nombre d’inscrits (${counts.registered}).`,
          { field: 'capacity', registered: counts.registered },
        ).inEnglish(
          `The capacity cannot be lower than the number of registered participants (${counts.registered}).`,
        );
      }
      const differs = (k: (typeof PLACE_AND_TIME)[number]) => {
        const before = row[k];
        const after = fields[k];
        return before instanceof Date && after instanceof Date
          ? before.getTime() !== after.getTime()
          : before !== after;
      };
      const changes = [
        ...(differs('starts_at') || differs('ends_at') ? (['TIME'] as const) : []),
        ...(PLACE_AND_TIME.filter((k) => k !== 'starts_at' && k !== 'ends_at').some(differs)
          ? (['PLACE'] as const)
          : []),
      ];
      const moved = changes.length > 0;
      if (row.closed_at && changes.includes('TIME'))
        throw DomainError.conflict('Cette rencontre est close : son horaire ne change plus.', {
          field: 'startsAt',
        }).inEnglish('This meeting is closed: its schedule no longer changes.');
      await manager.query(
        `UPDATE meetings SET title = $2, description = $3, type = $4, address = $5, location = $6, location_hints = $7, online_url = $8, starts_at = $9,
                ends_at = $10, registrations_enabled = $11, capacity = $12, registrations_open_at = $13, registrations_close_at = $14, waitlist_enabled = $15,
                ical_sequence = ical_sequence + $16, updated_at = now()
          WHERE id = $1`,
        [
          id,
          fields.title,
          fields.description,
          fields.type,
          fields.address,
          fields.location,
          fields.location_hints,
          fields.online_url,
          fields.starts_at,
          fields.ends_at,
          fields.registrations_enabled,
          fields.capacity,
          fields.registrations_open_at,
          fields.registrations_close_at,
          fields.waitlist_enabled,
          moved ? 1 : 0,
        ],
      );
      if (agenda) await this.replaceAgenda(manager, id, agenda);
      if (input.isSitting !== undefined && input.isSitting !== null)
        await this.markSitting(manager, id, row.space_id, input.isSitting);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update',
        resourceType: 'meeting',
        resourceId: id,
        spaceId: row.space_id,
        visibility: row.published_at ? 'PUBLIC' : 'ADMIN_ONLY',
        summary: `Rencontre « ${fields.title} » modifiée${moved ? ' (date ou lieu)' : ''}`,
      });
      let told = 0;
      if (moved && row.published_at && !row.cancelled_at) {
        const users = await queryRows<{ user_id: string }>(
          manager,
          `SELECT user_id FROM meeting_registrations WHERE meeting_id = $1 ORDER BY arrival`,
          [id],
        );
        if (users.length) {
          await this.events.record(
            manager,
            'meeting.registrants',
            {
              meetingId: id,
              componentId: row.component_id,
              spaceId: row.space_id,
              title: fields.title,
              kind: 'CHANGED',
              userIds: users.map((u) => u.user_id),
              changes: [...changes],
            },
            viewer.user.id,
          );
          told = users.length;
        }
      }
      return (
        told +
        (await this.promote(
          manager,
          { ...row, title: fields.title },
          fields.capacity,
          viewer.user.id,
        ))
      );
    });
    if (promoted) this.events.committed();
    return this.meeting(id, viewer);
  }

  /**
   * Publishes or unpublishes a meeting. Caller: space admins and organization admins.
   * @throws NOT_FOUND; CONFLICT unpublishing a meeting that has registrations
   */
  async publish(id: string, published: boolean, viewer: Viewer): Promise<MeetingDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lock(manager, id);
      const counts = await this.counts(manager, id);
      if (!published && counts.registered + counts.waitlisted > 0) {
        throw DomainError.conflict(
          'Une rencontre qui a des inscriptions ne peut pas être dépubliée : annulez-la.',
        ).inEnglish('A meeting that has registrations cannot be unpublished: cancel it instead.');
      }
      await manager.query(
        `UPDATE meetings SET published_at = CASE WHEN $2 THEN coalesce(published_at, now()) END, updated_at = now() WHERE id = $1`,
        [id, published],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: published ? 'publish' : 'unpublish',
        resourceType: 'meeting',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PUBLIC',
        summary: `Rencontre « ${row.title} » ${published ? 'publiée' : 'dépubliée'}`,
      });
    });
    return this.meeting(id, viewer);
  }

  /**
   * Cancels a meeting: registrations close, calendars get STATUS:CANCELLED (SEQUENCE bumped),
   * and registrants are notified. Caller: space admins and organization admins.
   * @param reason shown on the meeting page (≤ 1,000 characters)
   * @throws NOT_FOUND; CONFLICT already cancelled; BAD_USER_INPUT reason too long
   */
  async cancel(id: string, reason: string, viewer: Viewer): Promise<MeetingDto> {
    const text = reason.trim();
    if (text.length > 1000)
      throw DomainError.badInput('Le motif d’annulation dépasse 1 000 caractères.', {
        field: 'reason',
      }).inEnglish('The cancellation reason is longer than 1,000 characters.');
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lock(manager, id);
      if (row.cancelled_at)
        throw DomainError.conflict('Cette rencontre est déjà annulée.').inEnglish(
          'This meeting is already cancelled.',
        );
      await manager.query(
        `UPDATE meetings SET cancelled_at = now(), cancellation_reason = $2, ical_sequence = ical_sequence + 1, updated_at = now() WHERE id = $1`,
        [id, text],
      );
      const users = await queryRows<{ user_id: string }>(
        manager,
        `SELECT user_id FROM meeting_registrations WHERE meeting_id = $1 ORDER BY arrival`,
        [id],
      );
      if (users.length && row.published_at) {
        await this.events.record(
          manager,
          'meeting.registrants',
          {
            meetingId: id,
            componentId: row.component_id,
            spaceId: row.space_id,
            title: row.title,
            kind: 'CANCELLED',
            userIds: users.map((u) => u.user_id),
          },
          viewer.user.id,
        );
      }
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'cancel',
        resourceType: 'meeting',
        resourceId: id,
        spaceId: row.space_id,
        visibility: row.published_at ? 'PUBLIC' : 'ADMIN_ONLY',
        summary: `Rencontre « ${row.title} » annulée`,
      });
    });
    this.events.committed();
    return this.meeting(id, viewer);
  }

  /**
   * Registers the viewer: a seat while seats remain, else the waiting list (when on), in arrival
   * order. Caller: signed-in participants who may see the meeting.
   * @throws NOT_FOUND; REGISTRATION_CLOSED registrations off, not open yet, closed (at
   *   `registrationsCloseAt`, else the start), meeting cancelled; CONFLICT already registered or
   *   waiting; LIMIT_REACHED no seat left and no waiting list
   */
  async register(meetingId: string, viewer: Viewer): Promise<MeetingDto> {
    await this.visibleRow(meetingId, viewer);
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lock(manager, meetingId);
      if (!row.registrations_open)
        throw new DomainError(ErrorCode.REGISTRATION_CLOSED, CLOSED_MESSAGE).inEnglish(
          CLOSED_MESSAGE_EN,
        );
      const [existing] = await manager.query(
        `SELECT status FROM meeting_registrations WHERE meeting_id = $1 AND user_id = $2`,
        [meetingId, viewer.user.id],
      );
      if (existing)
        throw DomainError.conflict(
          existing.status === 'REGISTERED'
            ? 'Vous êtes déjà inscrit·e à cette rencontre.'
            : 'Vous êtes déjà sur la liste d’attente.',
        ).inEnglish(
          existing.status === 'REGISTERED'
            ? 'You are already registered for this meeting.'
            : 'You are already on the waiting list.',
        );
      // counted in a statement of its own, after the lock: it sees what the previous holder committed
      const counts = await this.counts(manager, meetingId);
      const decision = seatFor({
        capacity: row.capacity,
        registered: counts.registered,
        waitlistEnabled: row.waitlist_enabled,
      });
      if (decision === 'FULL')
        throw DomainError.limitReached('Il n’y a plus de place pour cette rencontre.', {
          capacity: row.capacity,
        }).inEnglish('There are no places left for this meeting.');
      await this.insertRegistration(manager, meetingId, viewer.user.id, decision);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: decision === 'REGISTERED' ? 'register' : 'join_waitlist',
        resourceType: 'meeting',
        resourceId: meetingId,
        spaceId: row.space_id,
        visibility: 'PRIVATE',
        summary:
          decision === 'REGISTERED'
            ? `Inscription à la rencontre « ${row.title} »`
            : `Liste d’attente de la rencontre « ${row.title} »`,
      });
    });
    return this.meeting(meetingId, viewer);
  }

  /**
   * Cancels the viewer's registration (or leaves the waiting list) before the start; a freed seat
   * goes to the first waiting registration in the same transaction, which is notified.
   * Caller: the registrant.
   * @throws NOT_FOUND meeting, or no registration of the viewer; REGISTRATION_CLOSED the meeting has started
   */
  async cancelRegistration(meetingId: string, viewer: Viewer): Promise<MeetingDto> {
    await this.visibleRow(meetingId, viewer);
    const promoted = await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lock(manager, meetingId);
      if (row.state !== MeetingState.UPCOMING)
        throw new DomainError(
          ErrorCode.REGISTRATION_CLOSED,
          'La rencontre a commencé : l’inscription ne peut plus être annulée.',
        ).inEnglish('The meeting has started: the registration can no longer be cancelled.');
      const [gone] = await queryRows<{ status: RegistrationStatus }>(
        manager,
        `DELETE FROM meeting_registrations WHERE meeting_id = $1 AND user_id = $2 RETURNING status`,
        [meetingId, viewer.user.id],
      );
      if (!gone)
        throw DomainError.notFound('Inscription', { meetingId }).inEnglish(
          'Registration not found.',
        );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'cancel_registration',
        resourceType: 'meeting',
        resourceId: meetingId,
        spaceId: row.space_id,
        visibility: 'PRIVATE',
        summary: `Inscription à la rencontre « ${row.title} » annulée`,
      });
      return gone.status === 'REGISTERED' && !row.cancelled_at
        ? this.promote(manager, row, row.capacity, null)
        : 0;
    });
    if (promoted) this.events.committed();
    return this.meeting(meetingId, viewer);
  }

  /**
   * Marks the attendance of the registration holding `code` (idempotent: the first time is
   * kept). Caller: space admins and organization admins of the meeting's space.
   * @param code the 8-character code (case and spaces ignored)
   * @throws BAD_USER_INPUT malformed code (field code); NOT_FOUND no registration with this code
   *   for this meeting (a code of another meeting included; field code); CONFLICT the code is on
   *   the waiting list
   */
  async markAttendance(
    meetingId: string,
    code: string,
    viewer: Viewer,
  ): Promise<MeetingAttendeeDto> {
    const normalised = normalisedCode(code);
    if (!normalised)
      throw DomainError.badInput(
        'Code de présence invalide : 8 caractères (lettres et chiffres).',
        { field: 'code' },
      ).inEnglish('Invalid attendance code: 8 characters (letters and digits).');
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.lock(manager, meetingId);
      const [found] = await queryRows<{ id: string; status: RegistrationStatus }>(
        manager,
        `SELECT id, status FROM meeting_registrations WHERE meeting_id = $1 AND code = $2 FOR UPDATE`,
        [meetingId, normalised],
      );
      if (!found)
        throw new DomainError(
          ErrorCode.NOT_FOUND,
          'Aucune inscription à cette rencontre ne porte ce code.',
          { field: 'code' },
        ).inEnglish('No registration for this meeting has this code.');
      if (found.status !== 'REGISTERED')
        throw DomainError.conflict(
          'Ce code est sur la liste d’attente : la personne n’a pas de place.',
          { field: 'code' },
        ).inEnglish('This code is on the waiting list: the person has no place.');
      await manager.query(
        `UPDATE meeting_registrations SET attended_at = coalesce(attended_at, now()) WHERE id = $1`,
        [found.id],
      );
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'mark_attendance',
        resourceType: 'meeting',
        resourceId: meetingId,
        spaceId: row.space_id,
        visibility: 'ADMIN_ONLY',
        summary: `Présence enregistrée à la rencontre « ${row.title} »`,
      });
      return (await this.attendeeRows(manager, meetingId, found.id))[0];
    });
  }

  /**
   * Registrations of a meeting as organisers see them: seats in arrival order, then the waiting
   * list. Caller: space admins and organization admins.
   * @throws NOT_FOUND
   */
  async attendees(meetingId: string): Promise<MeetingAttendeeDto[]> {
    const [row] = await this.dataSource.query(`SELECT id FROM meetings WHERE id = $1`, [
      checkedId(meetingId),
    ]);
    if (!row)
      throw DomainError.notFound('Rencontre', { id: meetingId }).inEnglish('Meeting not found.');
    return this.attendeeRows(this.dataSource.manager, meetingId, null);
  }

  /**
   * Removes every registration of a user (account deletion), in the caller's transaction: each
   * seat freed in a meeting that has not started goes to the first waiting registration, under
   * the meeting's row lock, as a cancellation does. Caller: the account module's erasure, through
   * {@link MeetingPersonalData}.
   * @param userId the account being erased
   */
  async releaseRegistrationsOf(manager: EntityManager, userId: string): Promise<void> {
    const meetingIds = (
      await queryRows<{ meeting_id: string }>(
        manager,
        `SELECT meeting_id FROM meeting_registrations WHERE user_id = $1 ORDER BY meeting_id`,
        [userId],
      )
    ).map((r) => r.meeting_id);
    for (const meetingId of meetingIds) {
      const row = await this.lock(manager, meetingId);
      const [gone] = await queryRows<{ status: RegistrationStatus }>(
        manager,
        `DELETE FROM meeting_registrations WHERE meeting_id = $1 AND user_id = $2 RETURNING status`,
        [meetingId, userId],
      );
      if (gone?.status === 'REGISTERED' && row.state === MeetingState.UPCOMING && !row.cancelled_at)
        await this.promote(manager, row, row.capacity, null);
    }
  }

  /** Registered, waiting and attended counts of a meeting, read in the caller's transaction. */
  async counts(manager: EntityManager, meetingId: string): Promise<Counts> {
    const [c] = await queryRows<Counts>(
      manager,
      `SELECT count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered, count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
              count(attended_at)::int AS attended
         FROM meeting_registrations WHERE meeting_id = $1`,
      [meetingId],
    );
    return c;
  }

  /**
   * Marks a meeting as a sitting (séance) of its Assemblée, or not, in the caller's transaction.
   * @throws BAD_USER_INPUT (field isSitting) the space is not an ASSEMBLY
   */
  private async markSitting(
    manager: EntityManager,
    meetingId: string,
    spaceId: string,
    sitting: boolean,
  ): Promise<void> {
    if (sitting && (await this.spaces.spaceType(spaceId, manager)) !== SpaceType.ASSEMBLY)
      throw DomainError.badInput(
        'Seules les rencontres d’une assemblée peuvent en être des séances.',
        {
          field: 'isSitting',
        },
      ).inEnglish('Only meetings of an assembly can be its sittings.');
    await manager.query(`UPDATE meetings SET is_sitting = $2 WHERE id = $1`, [meetingId, sitting]);
  }

  /** Whether the viewer may administer meetings of a space (space admin, organization admin). */
  async canAdminister(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return viewer.user.isAdmin || this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN]);
  }

  private async privileged(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return (
      viewer.user.isAdmin ||
      this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN, SpaceRole.MODERATOR])
    );
  }

  /** Locks the meeting row for the rest of the transaction. @throws NOT_FOUND */
  private async lock(manager: EntityManager, id: string): Promise<MeetingRow> {
    const [row] = await queryRows<MeetingRow>(
      manager,
      `SELECT ${MEETING_COLUMNS} FROM meetings m WHERE m.id = $1 FOR UPDATE`,
      [checkedId(id)],
    );
    if (!row) throw DomainError.notFound('Rencontre', { id }).inEnglish('Meeting not found.');
    return row;
  }

  /**
   * Moves the first waiting registrations to seats while seats are free, and records their
   * notification. @returns how many were promoted
   */
  private async promote(
    manager: EntityManager,
    row: MeetingRow,
    capacity: number,
    actorId: string | null,
  ): Promise<number> {
    const counts = await this.counts(manager, row.id);
    const n = promotable(capacity, counts.registered, counts.waitlisted);
    if (!n) return 0;
    const moved = await queryRows<{ user_id: string }>(
      manager,
      `UPDATE meeting_registrations SET status = 'REGISTERED'
        WHERE id IN (SELECT id FROM meeting_registrations WHERE meeting_id = $1 AND status = 'WAITLISTED' ORDER BY arrival LIMIT $2)
        RETURNING user_id`,
      [row.id, n],
    );
    await this.events.record(
      manager,
      'meeting.registrants',
      {
        meetingId: row.id,
        componentId: row.component_id,
        spaceId: row.space_id,
        title: row.title,
        kind: 'PROMOTED',
        userIds: moved.map((m) => m.user_id),
      },
      actorId,
    );
    return moved.length;
  }

  /** Inserts a registration with a fresh code (a new code on the rare clash with another of the meeting). */
  private async insertRegistration(
    manager: EntityManager,
    meetingId: string,
    userId: string,
    status: 'REGISTERED' | 'WAITLISTED',
  ): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        const [inserted] = await queryRows<{ id: string }>(
          manager,
          `INSERT INTO meeting_registrations (meeting_id, user_id, status, code) VALUES ($1, $2, $3, $4)
           ON CONFLICT ON CONSTRAINT meeting_registrations_code_key DO NOTHING RETURNING id`,
          [meetingId, userId, status, newAttendanceCode()],
        );
        if (inserted) return;
      } catch (error) {
        if (pgErrorCode(error) === '23505' && pgConstraint(error) === 'meeting_registrations_once')
          throw DomainError.conflict('Vous êtes déjà inscrit·e à cette rencontre.').inEnglish(
            'You are already registered for this meeting.',
          );
        throw error;
      }
    }
    throw new Error('no free attendance code after 10 attempts');
  }

  /**
   * Replaces a meeting's whole agenda in one transaction. Caller: space admins and organization
   * admins. The agenda is checked as {@link checkedAgenda} says; linked proposals and motions must
   * be visible to the caller and belong to the meeting's space (asked of their modules' services).
   * @param items top-level items in order, with their sub-items
   * @throws NOT_FOUND meeting; BAD_USER_INPUT with `extensions.field` (e.g. `items[0].children[1].durationMinutes`)
   */
  async setAgenda(
    meetingId: string,
    items: MeetingAgendaItemInput[],
    viewer: Viewer,
  ): Promise<MeetingDto> {
    const row = await this.visibleRow(meetingId, viewer);
    const agenda = await this.checkedLinkedAgenda(items, 'items', row.space_id, viewer);
    await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, meetingId);
      await this.replaceAgenda(manager, meetingId, agenda);
      await manager.query(`UPDATE meetings SET updated_at = now() WHERE id = $1`, [meetingId]);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'set_agenda',
        resourceType: 'meeting',
        resourceId: meetingId,
        spaceId: locked.space_id,
        visibility: locked.published_at ? 'PUBLIC' : 'ADMIN_ONLY',
        summary: `Ordre du jour de la rencontre « ${locked.title} » mis à jour`,
      });
    });
    return this.meeting(meetingId, viewer);
  }

  /**
   * Closes a meeting with its report (compte rendu), after its end. The first closing notifies its
   * registrants and followers (once: the row lock orders concurrent closings, and only the one
   * that finds `closed_at` empty records the event); a later closing only edits the report.
   * Caller: space admins, organization admins, and the meeting's organiser (its creator).
   * @throws NOT_FOUND; FORBIDDEN neither an admin nor the organiser; MEETING_NOT_ENDED before the
   *   end on PostgreSQL's clock; CONFLICT cancelled or unpublished; BAD_USER_INPUT minutes blank or
   *   too long (field minutes), counts outside 0–1,000,000 (attendeesCount, contributionsCount),
   *   a video link that is not https (videoUrl), a proposal not of this space (proposalIds)
   */
  async close(meetingId: string, input: CloseMeetingInput, viewer: Viewer): Promise<MeetingDto> {
    const row = await this.visibleRow(meetingId, viewer);
    if (!(await this.canAdminister(viewer, row.space_id)) && row.created_by !== viewer.user.id)
      throw DomainError.forbidden();
    const minutes = sanitizeRichText(input.minutes ?? '');
    const plain = richTextToPlain(minutes);
    if (!hasVisibleText(plain))
      throw DomainError.badInput('Le compte rendu ne peut pas être vide.', {
        field: 'minutes',
      }).inEnglish('The minutes cannot be empty.');
    if (
      plain.length > MeetingLimits.closingMinutesMaxLength ||
      minutes.length > MeetingLimits.closingMinutesMaxLength * 2
    ) {
      throw DomainError.badInput('Le compte rendu dépasse 20 000 caractères.', {
        field: 'minutes',
      }).inEnglish('The minutes are longer than 20,000 characters.');
    }
    for (const field of ['attendeesCount', 'contributionsCount'] as const) {
      const n = input[field];
      if (!Number.isInteger(n) || n < 0 || n > MeetingLimits.closingCountMax)
        throw DomainError.badInput('Un nombre entier entre 0 et 1 000 000 est attendu.', {
          field,
        }).inEnglish('A whole number from 0 to 1,000,000 is expected.');
    }
    const videoUrl = checkedVideoUrl(input.videoUrl);
    const proposalIds = input.proposalIds ?? [];
    if (proposalIds.length > MeetingLimits.closingProposalsMax)
      throw DomainError.badInput('Au plus 50 propositions liées.', {
        field: 'proposalIds',
      }).inEnglish('At most 50 linked proposals.');
    if (new Set(proposalIds).size !== proposalIds.length)
      throw DomainError.badInput('La même proposition est liée deux fois.', {
        field: 'proposalIds',
      }).inEnglish('The same proposal is linked twice.');
    await this.checkLinks(
      MeetingAgendaLinkType.PROPOSAL,
      proposalIds,
      row.space_id,
      viewer,
      'proposalIds',
    );
    const told = await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, meetingId);
      if (locked.cancelled_at)
        throw DomainError.conflict('Une rencontre annulée ne se clôt pas.').inEnglish(
          'A cancelled meeting cannot be closed.',
        );
      if (!locked.published_at)
        throw DomainError.conflict('Une rencontre non publiée ne se clôt pas.').inEnglish(
          'An unpublished meeting cannot be closed.',
        );
      if (locked.state !== MeetingState.PAST)
        throw new DomainError(
          ErrorCode.MEETING_NOT_ENDED,
          'Cette rencontre n’est pas encore terminée : elle se clôt après sa fin.',
        ).inEnglish('This meeting has not ended yet: it is closed after its end.');
      await manager.query(
        `UPDATE meetings SET closed_at = coalesce(closed_at, now()), closed_by = $2, closing_minutes = $3, closing_attendees_count = $4,
                closing_contributions_count = $5, closing_video_url = $6, updated_at = now()
          WHERE id = $1`,
        [
          meetingId,
          viewer.user.id,
          minutes,
          input.attendeesCount,
          input.contributionsCount,
          videoUrl,
        ],
      );
      await manager.query(`DELETE FROM meeting_closing_proposals WHERE meeting_id = $1`, [
        meetingId,
      ]);
      if (proposalIds.length) {
        await manager.query(
          `INSERT INTO meeting_closing_proposals (meeting_id, proposal_id, position) SELECT $1, p.id, p.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, n)`,
          [meetingId, proposalIds],
        );
      }
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: locked.closed_at ? 'update_closing' : 'close',
        resourceType: 'meeting',
        resourceId: meetingId,
        spaceId: locked.space_id,
        visibility: 'PUBLIC',
        summary: locked.closed_at
          ? `Compte rendu de la rencontre « ${locked.title} » modifié`
          : `Rencontre « ${locked.title} » close avec son compte rendu`,
      });
      if (locked.closed_at) return false;
      const registrants = await queryRows<{ user_id: string }>(
        manager,
        `SELECT user_id FROM meeting_registrations WHERE meeting_id = $1 ORDER BY arrival`,
        [meetingId],
      );
      const userIds = [
        ...new Set([
          ...registrants.map((r) => r.user_id),
          ...(await this.follows.followersOf(manager, 'MEETING', meetingId)),
        ]),
      ];
      if (!userIds.length) return false;
      await this.events.record(
        manager,
        'meeting.registrants',
        {
          meetingId,
          componentId: locked.component_id,
          spaceId: locked.space_id,
          title: locked.title,
          kind: 'CLOSED',
          userIds,
        },
        viewer.user.id,
      );
      return true;
    });
    if (told) this.events.committed();
    return this.meeting(meetingId, viewer);
  }

  /**
   * Proposals or motions as the viewer may see them, with their titles and paths, in the given
   * order; ids the viewer may not (or no longer) see are left out. One call per id to the owning
   * module's service: meant for one meeting's page, not for lists.
   */
  async linkedResources(
    type: MeetingAgendaLinkType,
    ids: string[],
    viewer: Viewer | null,
  ): Promise<MeetingAgendaLinkDto[]> {
    const found = await Promise.all(
      ids.map((id) => this.linkedResource(type, id, viewer).catch(() => null)),
    );
    return found
      .filter((l): l is MeetingAgendaLinkDto & { spaceId: string } => l !== null)
      .map(({ type: t, id, title, path }) => ({ type: t, id, title, path }));
  }

  private async linkedResource(
    type: MeetingAgendaLinkType,
    id: string,
    viewer: Viewer | null,
  ): Promise<MeetingAgendaLinkDto & { spaceId: string }> {
    if (type === MeetingAgendaLinkType.PROPOSAL) {
      const proposal = await this.proposals.byId(id, viewer);
      const place = await this.spaces.componentPlace(proposal.componentId);
      if (!place)
        throw DomainError.notFound('Proposition', { id }).inEnglish('Proposal not found.');
      return {
        type,
        id,
        title: proposal.title,
        path: `${place.path}/propositions/${id}`,
        spaceId: place.spaceId,
      };
    }
    const motion = await this.motions.motion(id, viewer);
    const place = await this.spaces.componentPlace(motion.componentId);
    if (!place) throw DomainError.notFound('Motion', { id }).inEnglish('Motion not found.');
    return { type, id, title: motion.title, path: place.path, spaceId: motion.spaceId };
  }

  /** Each id names a proposal (motion) the viewer may see, in the space. @throws BAD_USER_INPUT (field) */
  private async checkLinks(
    type: MeetingAgendaLinkType,
    ids: string[],
    spaceId: string,
    viewer: Viewer,
    field: string,
  ): Promise<void> {
    for (const id of ids) {
      if (!UUID_PATTERN.test(id))
        throw DomainError.badInput('Identifiant invalide.', { field }).inEnglish(
          'Invalid identifier.',
        );
      const link = await this.linkedResource(type, id, viewer).catch(() => null);
      if (!link || link.spaceId !== spaceId) {
        throw DomainError.badInput(
          type === MeetingAgendaLinkType.PROPOSAL
            ? 'Proposition introuvable dans cet espace.'
            : 'Motion introuvable dans cet espace.',
          { field, id },
        ).inEnglish(
          type === MeetingAgendaLinkType.PROPOSAL
            ? 'Proposal not found in this space.'
            : 'Motion not found in this space.',
        );
      }
    }
  }

  /** {@link checkedAgenda}, then every link checked through the proposals' and motions' services. */
  private async checkedLinkedAgenda(
    items: MeetingAgendaItemInput[],
    field: string,
    spaceId: string,
    viewer: Viewer,
  ): Promise<AgendaDraft[]> {
    const agenda = checkedAgenda(items, field);
    const walk = async (list: AgendaDraft[], path: string): Promise<void> => {
      for (const [i, item] of list.entries()) {
        await this.checkLinks(
          MeetingAgendaLinkType.PROPOSAL,
          item.proposalIds,
          spaceId,
          viewer,
          `${path}[${i}].proposalIds`,
        );
        await this.checkLinks(
          MeetingAgendaLinkType.MOTION,
          item.motionIds,
          spaceId,
          viewer,
          `${path}[${i}].motionIds`,
        );
        await walk(item.children, `${path}[${i}].children`);
      }
    };
    await walk(agenda, field);
    return agenda;
  }

  /** Deletes the agenda and writes the new one, in the caller's transaction (a fixed number of statements). */
  private async replaceAgenda(
    manager: EntityManager,
    meetingId: string,
    items: AgendaDraft[],
  ): Promise<void> {
    await manager.query(`DELETE FROM meeting_agenda_items WHERE meeting_id = $1`, [meetingId]);
    if (!items.length) return;
    const top = await queryRows<{ id: string; position: number }>(
      manager,
      `INSERT INTO meeting_agenda_items (meeting_id, position, title, duration_minutes)
       SELECT $1, i.position - 1, i.title, i.duration FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS i(title, duration, position)
       RETURNING id, position`,
      [meetingId, items.map((i) => i.title), items.map((i) => i.durationMinutes)],
    );
    const idOf = new Map(top.map((r) => [r.position, r.id]));
    const subs = items.flatMap((item, p) =>
      item.children.map((c, position) => ({ ...c, parentId: idOf.get(p)!, position })),
    );
    const subRows = subs.length
      ? await queryRows<{ id: string; parent_id: string; position: number }>(
          manager,
          `INSERT INTO meeting_agenda_items (meeting_id, parent_id, position, title, duration_minutes)
           SELECT $1, i.parent_id, i.position, i.title, i.duration FROM unnest($2::uuid[], $3::int[], $4::text[], $5::int[]) AS i(parent_id, position, title, duration)
           RETURNING id, parent_id, position`,
          [
            meetingId,
            subs.map((c) => c.parentId),
            subs.map((c) => c.position),
            subs.map((c) => c.title),
            subs.map((c) => c.durationMinutes),
          ],
        )
      : [];
    const subId = new Map(subRows.map((r) => [`${r.parent_id}/${r.position}`, r.id]));
    const links = [
      ...items.map((item, p) => ({ item, id: idOf.get(p)! })),
      ...subs.map((c) => ({ item: c, id: subId.get(`${c.parentId}/${c.position}`)! })),
    ].flatMap(({ item, id }) => [
      ...item.proposalIds.map((resourceId, position) => ({
        id,
        type: 'PROPOSAL',
        resourceId,
        position,
      })),
      ...item.motionIds.map((resourceId, position) => ({
        id,
        type: 'MOTION',
        resourceId,
        position,
      })),
    ]);
    if (links.length) {
      await manager.query(
        `INSERT INTO meeting_agenda_links (item_id, resource_type, resource_id, position) SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[])`,
        [
          links.map((l) => l.id),
          links.map((l) => l.type),
          links.map((l) => l.resourceId),
          links.map((l) => l.position),
        ],
      );
    }
  }

  /** Applies an input to stored values and checks the rules a single field cannot (see {@link create}). */
  private merge(current: Fields, input: MeetingFieldsInput): Fields {
    const pick = <K extends keyof MeetingFieldsInput>(
      key: K,
      fallback: NonNullable<MeetingFieldsInput[K]>,
    ): NonNullable<MeetingFieldsInput[K]> =>
      (input[key] === undefined || input[key] === null ? fallback : input[key]) as NonNullable<
        MeetingFieldsInput[K]
      >;
    const nullable = <T>(value: T | null | undefined, fallback: T | null): T | null =>
      value === undefined ? fallback : value;
    const fields: Fields = {
      title: pick('title', current.title),
      description:
        input.description !== undefined && input.description !== null
          ? sanitizeRichText(input.description)
          : current.description,
      type: pick('type', current.type),
      address: pick('address', current.address),
      location: pick('location', current.location),
      location_hints: pick('locationHints', current.location_hints),
      online_url: nullable(
        input.onlineUrl === '' ? null : input.onlineUrl?.trim(),
        current.online_url,
      ),
      starts_at: pick('startsAt', current.starts_at),
      ends_at: pick('endsAt', current.ends_at),
      registrations_enabled: pick('registrationsEnabled', current.registrations_enabled),
      capacity: pick('capacity', current.capacity),
      registrations_open_at: nullable(input.registrationsOpenAt, current.registrations_open_at),
      registrations_close_at: nullable(input.registrationsCloseAt, current.registrations_close_at),
      waitlist_enabled: pick('waitlistEnabled', current.waitlist_enabled),
    };
    if (
      richTextToPlain(fields.description).length > MeetingLimits.descriptionMaxLength ||
      fields.description.length > MeetingLimits.descriptionMaxLength
    ) {
      throw DomainError.badInput('La description dépasse 20 000 caractères.', {
        field: 'description',
      }).inEnglish('The description is longer than 20,000 characters.');
    }
    if (fields.type === MeetingType.IN_PERSON) fields.online_url = null;
    else if (!fields.online_url)
      throw DomainError.badInput(
        'Une rencontre en ligne ou hybride a besoin de son lien de connexion.',
        { field: 'onlineUrl' },
      ).inEnglish('An online or hybrid meeting needs its connection link.');
    else if (!isHttpUrl(fields.online_url))
      throw DomainError.badInput('Le lien de connexion doit être une adresse http(s) valide.', {
        field: 'onlineUrl',
      }).inEnglish('The connection link must be a valid http(s) address.');
    if (fields.ends_at.getTime() <= fields.starts_at.getTime())
      throw DomainError.badInput('La fin doit suivre le début.', { field: 'endsAt' }).inEnglish(
        'The end must come after the start.',
      );
    if (fields.ends_at.getTime() - fields.starts_at.getTime() > MeetingLimits.maxDurationMs)
      throw DomainError.badInput('Une rencontre dure au plus 14 jours.', {
        field: 'endsAt',
      }).inEnglish('A meeting lasts at most 14 days.');
    if (
      fields.registrations_open_at &&
      fields.registrations_close_at &&
      fields.registrations_close_at.getTime() <= fields.registrations_open_at.getTime()
    ) {
      throw DomainError.badInput('La clôture des inscriptions doit suivre leur ouverture.', {
        field: 'registrationsCloseAt',
      }).inEnglish('Registrations must close after they open.');
    }
    return fields;
  }

  private async attendeeRows(
    manager: EntityManager,
    meetingId: string,
    registrationId: string | null,
  ): Promise<MeetingAttendeeDto[]> {
    const rows = await queryRows<{
      id: string;
      name: string;
      status: RegistrationStatus;
      code: string;
      position: number | null;
      attended_at: Date | null;
    }>(
      manager,
      `SELECT r.id, u.name, r.status, r.code, r.attended_at,
              CASE WHEN r.status = 'WAITLISTED' THEN row_number() OVER (PARTITION BY r.status ORDER BY r.arrival)::int END AS position
         FROM meeting_registrations r JOIN users u ON u.id = r.user_id
        WHERE r.meeting_id = $1
        ORDER BY r.status, r.arrival`,
      [meetingId],
    );
    return rows
      .filter((r) => registrationId === null || r.id === registrationId)
      .map((r) => ({
        registrationId: r.id,
        name: r.name,
        status: r.status,
        code: r.code,
        waitlistPosition: r.position,
        attendedAt: r.attended_at,
      }));
  }

  /** Agendas of meetings, placed in time: two statements whatever the count (items, then links). */
  private async agendasOf(rows: MeetingRow[]): Promise<Map<string, MeetingAgendaItemDto[]>> {
    const items = await queryRows<{
      id: string;
      meeting_id: string;
      parent_id: string | null;
      position: number;
      title: string;
      duration_minutes: number;
    }>(
      this.dataSource.manager,
      `SELECT id, meeting_id, parent_id, position, title, duration_minutes FROM meeting_agenda_items WHERE meeting_id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    // always run (even without items) so a page costs the same number of statements whatever it holds
    const links = await queryRows<{
      item_id: string;
      resource_type: MeetingAgendaLinkType;
      resource_id: string;
    }>(
      this.dataSource.manager,
      `SELECT item_id, resource_type, resource_id FROM meeting_agenda_links WHERE item_id = ANY($1::uuid[]) ORDER BY item_id, resource_type, position`,
      [items.map((i) => i.id)],
    );
    const stored = new Map<string, StoredAgendaItem[]>();
    for (const i of items) {
      const own = links.filter((l) => l.item_id === i.id);
      const item: StoredAgendaItem = {
        id: i.id,
        parentId: i.parent_id,
        position: i.position,
        title: i.title,
        durationMinutes: i.duration_minutes,
        proposalIds: own.filter((l) => l.resource_type === 'PROPOSAL').map((l) => l.resource_id),
        motionIds: own.filter((l) => l.resource_type === 'MOTION').map((l) => l.resource_id),
      };
      stored.set(i.meeting_id, [...(stored.get(i.meeting_id) ?? []), item]);
    }
    const dto = (item: ScheduledAgendaItem): MeetingAgendaItemDto => ({
      id: item.id,
      position: item.position,
      title: item.title,
      durationMinutes: item.durationMinutes,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      proposalIds: item.proposalIds,
      motionIds: item.motionIds,
      children: item.children.map(dto),
    });
    return new Map(
      rows.map((r) => [r.id, scheduleAgenda(r.starts_at, stored.get(r.id) ?? []).map(dto)]),
    );
  }

  private closingReport(r: MeetingRow, proposalIds: string[]): MeetingClosingReportDto {
    return {
      closedAt: r.closed_at!,
      minutes: r.closing_minutes,
      attendeesCount: r.closing_attendees_count,
      contributionsCount: r.closing_contributions_count,
      videoUrl: r.closing_video_url,
      proposalIds,
    };
  }

  /** Rows → DTOs in a fixed number of statements (counts, agendas, the viewer's registrations). */
  private async present(
    rows: MeetingRow[],
    viewer: Viewer | null,
    known?: { administers: Map<string, boolean>; paths: Map<string, string> },
  ): Promise<MeetingDto[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const counts = new Map(
      (
        await queryRows<Counts & { meeting_id: string }>(
          this.dataSource.manager,
          `SELECT meeting_id, count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered, count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
                  count(attended_at)::int AS attended
             FROM meeting_registrations WHERE meeting_id = ANY($1::uuid[]) GROUP BY meeting_id`,
          [ids],
        )
      ).map((c) => [c.meeting_id, c]),
    );
    const agendas = await this.agendasOf(rows);
    const closingProposals = new Map<string, string[]>();
    const closed = rows.filter((r) => r.closed_at).map((r) => r.id);
    for (const c of await queryRows<{ meeting_id: string; proposal_id: string }>(
      this.dataSource.manager,
      `SELECT meeting_id, proposal_id FROM meeting_closing_proposals WHERE meeting_id = ANY($1::uuid[]) ORDER BY meeting_id, position`,
      [closed],
    )) {
      closingProposals.set(c.meeting_id, [
        ...(closingProposals.get(c.meeting_id) ?? []),
        c.proposal_id,
      ]);
    }
    const mine = new Map<string, MeetingRegistrationDto>();
    if (viewer) {
      for (const r of await queryRows<{
        id: string;
        meeting_id: string;
        status: RegistrationStatus;
        code: string;
        position: number | null;
        attended_at: Date | null;
        created_at: Date;
      }>(
        this.dataSource.manager,
        `SELECT r.id, r.meeting_id, r.status, r.code, r.attended_at, r.created_at,
                CASE WHEN r.status = 'WAITLISTED' THEN (SELECT count(*)::int FROM meeting_registrations w
                   WHERE w.meeting_id = r.meeting_id AND w.status = 'WAITLISTED' AND w.arrival <= r.arrival) END AS position
           FROM meeting_registrations r WHERE r.user_id = $1 AND r.meeting_id = ANY($2::uuid[])`,
        [viewer.user.id, ids],
      )) {
        mine.set(r.meeting_id, {
          id: r.id,
          status: r.status,
          code: r.code,
          waitlistPosition: r.position,
          attendedAt: r.attended_at,
          createdAt: r.created_at,
        });
      }
    }
    const administers = known?.administers ?? new Map<string, boolean>();
    const paths = known?.paths ?? new Map<string, string>();
    if (!known) {
      for (const spaceId of new Set(rows.map((r) => r.space_id)))
        administers.set(spaceId, await this.canAdminister(viewer, spaceId));
      for (const componentId of new Set(rows.map((r) => r.component_id)))
        paths.set(componentId, (await this.spaces.componentPlace(componentId))?.path ?? '');
    }
    return rows.map((r) => {
      const c = counts.get(r.id) ?? { registered: 0, waitlisted: 0, attended: 0 };
      const registration = mine.get(r.id) ?? null;
      const admin = administers.get(r.space_id) ?? false;
      const urlVisible =
        r.online_url !== null &&
        (admin ||
          !r.registrations_enabled ||
          (registration?.status === 'REGISTERED' && r.url_window));
      return {
        id: r.id,
        componentId: r.component_id,
        spaceId: r.space_id,
        title: r.title,
        description: r.description,
        type: r.type,
        address: r.address,
        location: r.location,
        locationHints: r.location_hints,
        onlineUrl: urlVisible ? r.online_url : null,
        hasOnlineUrl: r.online_url !== null,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        state: r.state,
        published: r.published_at !== null,
        cancelled: r.cancelled_at !== null,
        cancellationReason: r.cancellation_reason,
        hidden: r.hidden_at !== null,
        registrationsEnabled: r.registrations_enabled,
        capacity: r.capacity,
        registrationsOpenAt: r.registrations_open_at,
        registrationsCloseAt: r.registrations_close_at,
        registrationsOpen: r.registrations_open,
        waitlistEnabled: r.waitlist_enabled,
        isSitting: r.is_sitting,
        registeredCount: c.registered,
        waitlistedCount: c.waitlisted,
        attendedCount: c.attended,
        seatsLeft: r.capacity === 0 ? null : Math.max(0, r.capacity - c.registered),
        commentsCount: r.comments_count,
        followsCount: r.follows_count,
        agenda: agendas.get(r.id) ?? [],
        closingReport: r.closed_at ? this.closingReport(r, closingProposals.get(r.id) ?? []) : null,
        sequence: r.ical_sequence,
        viewerRegistration: registration,
        viewerCanAdminister: admin,
        icsPath: `/calendar/meetings/${r.id}.ics`,
        path: `${paths.get(r.component_id)}/rencontres/${r.id}`,
      };
    });
  }
}

/** Whether a string is an absolute http(s) URL. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !/\s/.test(value);
  } catch {
    return false;
  }
}
