import {
  BallotLimits,
  BallotMethod,
  BallotStatus,
  CensusKind,
  ComponentType,
  ErrorCode,
  SpaceRole,
} from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { parseIsoInstant } from '../../common/graphql/date-time-scalar';
import { sanitizeRichText } from '../../common/rich-text/rich-text';
import { ActionLogService } from '../action-log/action-log.service';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ParticipatorySpaceService } from '../participatory-space/participatory-space.service';
import { SpaceAccessService } from '../participatory-space/space-access.service';
import { BallotCensus, CensusRule } from './ballot-census';
import { newReceiptCode, normalizeReceiptCode } from './receipt-code';
import { Choice, ChoiceError, normalizeChoice, QuestionShape } from './counting/choice';
import { createTally, QuestionResult } from './counting/tally';
import {
  BallotDto,
  BallotQuestionDto,
  CastBallotPayload,
  BallotReceiptCheckDto,
} from './dtos/ballot.dto';
import {
  BallotAnswerInput,
  BallotFieldsInput,
  BallotQuestionInput,
  CreateBallotInput,
} from './dtos/ballot.inputs';

/** A ballot row, its status decided by PostgreSQL's clock at the read. */
export interface BallotRow {
  id: string;
  component_id: string;
  space_id: string;
  author_id: string | null;
  title: string;
  explanation: string;
  opens_at: Date;
  closes_at: Date;
  secret: boolean;
  receipts_enabled: boolean;
  census_kind: CensusKind;
  census_space_id: string | null;
  census_weighted: boolean;
  census_typologies: string[];
  comments_count: number;
  follows_count: number;
  hidden_at: Date | null;
  is_demo: boolean;
  created_at: Date;
  status: BallotStatus;
  read_at: Date;
}

const BALLOT_COLUMNS = `b.id, b.component_id, c.space_id, b.author_id, b.title, b.explanation, b.opens_at, b.closes_at, b.secret, b.receipts_enabled,
  b.census_kind, b.census_space_id, b.census_weighted, b.census_typologies, b.comments_count, b.follows_count, b.hidden_at, b.is_demo, b.created_at, now() AS read_at,
  CASE WHEN now() < b.opens_at THEN 'SCHEDULED' WHEN now() < b.closes_at THEN 'OPEN' ELSE 'CLOSED' END AS status`;

/**
 * The ballot's vote lock, a transaction-scoped advisory lock keyed by the ballot id ($1): every
 * vote takes it shared, and what must not overlap a vote in flight — freezing the result, editing
 * the ballot — takes it exclusive (then the row `FOR UPDATE`), so it waits for the votes in
 * flight and later votes wait for it. Shared advisory locks live in the lock manager; a row
 * share-locked by hundreds of concurrent voters would need a new MultiXact per voter.
 */
export const BALLOT_LOCK = `hashtextextended('ballot:' || $1::text, 0)`;

/** The census columns of a ballot row. */
export type CensusRow = Pick<
  BallotRow,
  'id' | 'census_kind' | 'census_space_id' | 'census_weighted' | 'census_typologies'
>;

/** Rows read per batch when counting or exporting envelopes (memory stays flat). */
export const ENVELOPE_BATCH = 2000;

/**
 * Votations: ballots of a VOTES component, their census, casting and results.
 *
 * - **Status** is never stored: SCHEDULED before `opensAt`, OPEN until `closesAt`, CLOSED from
 *   then on, with now = PostgreSQL's clock at the read — a ballot is never open past its close,
 *   whether or not the scheduler ran.
 * - **One ballot per voter** is held by the unique constraint `ballot_participations_once`.
 * - **Secret ballot** (default): who voted (participation) and what was chosen (envelope: choices,
 *   weight, optional receipt code — no user, no timestamp) are stored apart with no link, as the
 *   Assemblée's secret motions are; so a secret vote is final. A **public** ballot's participation
 *   points to its envelope and can be changed until the close.
 * - **Receipts** (secret ballots, off by default): a random code handed once to the voter and stored
 *   only in the envelope. After the close the list of (code, choices) is published: a voter checks
 *   their ballot was counted as cast, anyone can recount. It does not prove that the list holds no
 *   ballot stuffed by an operator, nor that codes were not swapped before publication; it is not
 *   end-to-end verifiability.
 * - **Census** frozen at opening (`ballot_census_snapshots`, first cast, first read or scheduler
 *   after `opensAt`) for turnout; membership is checked again when a vote is cast.
 * - **Results** frozen once, under the ballot's vote lock taken exclusive (it waits for votes in flight), the
 *   first time a closed ballot is read or the scheduler sees it; counted by streaming the envelopes
 *   in batches through the pure counting modules (`counting/`).
 */
@Injectable()
export class BallotService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: ParticipatorySpaceService,
    private readonly access: SpaceAccessService,
    private readonly actionLog: ActionLogService,
    private readonly events: DomainEventOutbox,
    private readonly census: BallotCensus,
  ) {}

  /**
   * Ballots of a VOTES component, by opening time.
   * @throws NOT_FOUND component hidden or unknown; BAD_USER_INPUT not a VOTES component
   */
  async list(componentId: string, viewer: Viewer | null): Promise<BallotDto[]> {
    const component = await this.votesComponent(componentId, viewer);
    const moderator = await this.canModerate(viewer, component.spaceId);
    const rows = await this.rows(
      `b.component_id = $1 ${moderator ? '' : 'AND b.hidden_at IS NULL'}`,
      [componentId],
      `b.opens_at, b.created_at, b.id`,
    );
    return this.present(rows, viewer);
  }

  /**
   * One ballot.
   * @throws NOT_FOUND unknown, in a hidden component, or hidden after reports (except for the
   *   space's admins and moderators); BAD_USER_INPUT malformed id
   */
  async ballot(id: string, viewer: Viewer | null): Promise<BallotDto> {
    const row = await this.visibleRow(id, viewer);
    const [dto] = await this.present([row], viewer);
    return dto;
  }

  /**
   * Creates a ballot. Caller: a space admin of the component's space or an org admin.
   * @throws FORBIDDEN; NOT_FOUND component; BAD_USER_INPUT not a VOTES component, missing
   *   fields, bad period, receipts on a public ballot, census inconsistent, MULTIPLE bounds
   */
  async create(input: CreateBallotInput, viewer: Viewer): Promise<BallotDto> {
    const component = await this.votesComponent(input.componentId, viewer);
    if (!(await this.isSpaceAdmin(viewer, component.spaceId)))
      throw DomainError.forbidden(
        'Seuls les administrateurs de l’espace créent une votation.',
      ).inEnglish('Only the space’s administrators create a ballot.');
    for (const field of ['title', 'opensAt', 'closesAt', 'census', 'questions'] as const) {
      if (input[field] === undefined || input[field] === null)
        throw DomainError.badInput(`${field} : champ obligatoire.`, { field }).inEnglish(
          'This field is required.',
        );
    }
    const id = await inTransaction(this.dataSource, async (manager) => {
      const fields = await this.checkedFields(manager, input, null);
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO ballots (component_id, author_id, title, explanation, opens_at, closes_at, secret, receipts_enabled, census_kind, census_space_id, census_weighted, census_typologies)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          component.id,
          viewer.user.id,
          fields.title,
          fields.explanation,
          fields.opensAt,
          fields.closesAt,
          fields.secret,
          fields.receiptsEnabled,
          fields.census.kind,
          fields.census.spaceId,
          fields.census.weighted,
          fields.census.typologyKeys,
        ],
      );
      await this.writeCensusEmails(manager, row.id, fields.census.emails);
      await this.writeQuestions(manager, row.id, input.questions!);
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'create',
        resourceType: 'ballot',
        resourceId: row.id,
        spaceId: component.spaceId,
        visibility: 'PUBLIC',
        summary: `Votation « ${fields.title} » créée`,
      });
      return row.id;
    });
    return this.ballot(id, viewer);
  }

  /**
   * Edits a ballot before it opens and before any vote is cast (checked under a row lock).
   * Questions, when given, replace the current ones. Caller: space admins, org admins.
   * @throws NOT_FOUND; FORBIDDEN; CONFLICT opened or a vote cast; BAD_USER_INPUT as {@link create}
   */
  async update(id: string, input: BallotFieldsInput, viewer: Viewer): Promise<BallotDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await this.lockRow(manager, id);
      if (!(await this.isSpaceAdmin(viewer, row.space_id)))
        throw DomainError.forbidden(
          'Seuls les administrateurs de l’espace modifient une votation.',
        ).inEnglish('Only the space’s administrators edit a ballot.');
      const [cast] = await manager.query(
        `SELECT 1 FROM ballot_participations WHERE ballot_id = $1 LIMIT 1`,
        [id],
      );
      if (cast)
        throw DomainError.conflict(
          'Un vote a déjà été exprimé : la votation ne peut plus être modifiée.',
        ).inEnglish('A vote has already been cast: the ballot can no longer be edited.');
      if (row.status !== BallotStatus.SCHEDULED)
        throw DomainError.conflict(
          'La votation est ouverte : elle ne peut plus être modifiée.',
        ).inEnglish('The ballot is open: it can no longer be edited.');
      const fields = await this.checkedFields(manager, input, row);
      await manager.query(
        `UPDATE ballots SET title = $2, explanation = $3, opens_at = $4, closes_at = $5, secret = $6, receipts_enabled = $7, census_kind = $8, census_space_id = $9,
                census_weighted = $10, census_typologies = $11, updated_at = now() WHERE id = $1`,
        [
          id,
          fields.title,
          fields.explanation,
          fields.opensAt,
          fields.closesAt,
          fields.secret,
          fields.receiptsEnabled,
          fields.census.kind,
          fields.census.spaceId,
          fields.census.weighted,
          fields.census.typologyKeys,
        ],
      );
      if (input.census) {
        await manager.query(`DELETE FROM ballot_census_emails WHERE ballot_id = $1`, [id]);
        await this.writeCensusEmails(manager, id, fields.census.emails);
      }
      if (input.questions) {
        await manager.query(`DELETE FROM ballot_questions WHERE ballot_id = $1`, [id]);
        await this.writeQuestions(manager, id, input.questions);
      }
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: 'update',
        resourceType: 'ballot',
        resourceId: id,
        spaceId: row.space_id,
        visibility: 'PUBLIC',
        summary: `Votation « ${fields.title} » modifiée`,
      });
    });
    return this.ballot(id, viewer);
  }

  /**
   * Casts the viewer's ballot (or changes a public one). One transaction: the ballot's vote lock
   * is taken shared (the result cannot be frozen nor the ballot edited meanwhile), the period checked on PostgreSQL's
   * clock, the census checked (an Assemblée membership is share-locked), every question's choice
   * checked, then the participation inserted under `ballot_participations_once`; for a new voter
   * the envelope is written (with a receipt code when enabled), for a public ballot already cast
   * the envelope is changed.
   * @param answers exactly one per question
   * @returns the ballot's id (the payload's `ballot` is read only when the client asks for it)
   *   and, when receipts are enabled, the receipt code (shown once)
   * @throws NOT_FOUND; BALLOT_NOT_OPEN; BALLOT_CLOSED (at or after closesAt, or result frozen);
   *   NOT_IN_CENSUS; BAD_USER_INPUT a question missing, repeated or unknown, or a choice refused
   *   (`details.reason`: MALFORMED, UNKNOWN_OPTION, DUPLICATE_OPTION, OUT_OF_RANGE, UNKNOWN_GRADE,
   *   INCOMPLETE; `details.questionId`); CONFLICT changing a secret vote
   */
  async cast(
    ballotId: string,
    answers: BallotAnswerInput[],
    viewer: Viewer,
  ): Promise<CastBallotPayload> {
    const row = await this.visibleRow(ballotId, viewer);
    const questions = await this.questionShapes([ballotId]);
    const receiptCode = await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock_shared(${BALLOT_LOCK})`, [ballotId]);
      const [ballot] = await queryRows<{
        opened: boolean;
        closed: boolean;
        secret: boolean;
        receipts_enabled: boolean;
      }>(
        manager,
        `SELECT secret, receipts_enabled, now() >= opens_at AS opened, now() >= closes_at AS closed FROM ballots WHERE id = $1`,
        [ballotId],
      );
      if (!ballot)
        throw DomainError.notFound('Votation', { id: ballotId }).inEnglish('Ballot not found.');
      if (!ballot.opened)
        throw new DomainError(
          ErrorCode.BALLOT_NOT_OPEN,
          'Cette votation n’est pas encore ouverte.',
        ).inEnglish('This ballot is not open yet.');
      const [frozen] = await manager.query(`SELECT 1 FROM ballot_results WHERE ballot_id = $1`, [
        ballotId,
      ]);
      if (ballot.closed || frozen)
        throw new DomainError(ErrorCode.BALLOT_CLOSED, 'Cette votation est close.').inEnglish(
          'This ballot has closed.',
        );
      const weight = await this.census.weight(
        manager,
        this.rule(row),
        viewer.user.id,
        viewer.user.email,
        true,
      );
      if (weight === null)
        throw new DomainError(
          ErrorCode.NOT_IN_CENSUS,
          'Vous ne faites pas partie du corps électoral de cette votation.',
        ).inEnglish('You are not in the electorate of this ballot.');
      // the choices are read once the voter is known to be in the census: someone outside it is told so, not that a choice is malformed
      const choices = this.checkedAnswers(questions.get(ballotId) ?? [], answers);
      await this.freezeCensus(manager, row);

      const [inserted] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO ballot_participations (ballot_id, user_id, weight_milli) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT ballot_participations_once DO NOTHING RETURNING id`,
        [ballotId, viewer.user.id, weight],
      );
      let code: string | null = null;
      if (inserted) {
        code = ballot.receipts_enabled ? newReceiptCode() : null;
        const [envelope] = await queryRows<{ id: string }>(
          manager,
          `INSERT INTO ballot_envelopes (ballot_id, choices, weight_milli, receipt_code) VALUES ($1, $2, $3, $4) RETURNING id`,
          [ballotId, JSON.stringify(choices), weight, code],
        );
        if (!ballot.secret)
          await manager.query(`UPDATE ballot_participations SET envelope_id = $2 WHERE id = $1`, [
            inserted.id,
            envelope.id,
          ]);
      } else {
        const [participation] = await queryRows<{ id: string; envelope_id: string | null }>(
          manager,
          `SELECT id, envelope_id FROM ballot_participations WHERE ballot_id = $1 AND user_id = $2 FOR UPDATE`,
          [ballotId, viewer.user.id],
        );
        if (ballot.secret || !participation.envelope_id)
          throw DomainError.conflict(
            'Un vote à bulletin secret est définitif : il ne peut pas être modifié.',
          ).inEnglish('A secret-ballot vote is final: it cannot be changed.');
        await manager.query(`UPDATE ballot_envelopes SET choices = $2 WHERE id = $1`, [
          participation.envelope_id,
          JSON.stringify(choices),
        ]);
        await manager.query(`UPDATE ballot_participations SET changed_at = now() WHERE id = $1`, [
          participation.id,
        ]);
      }
      await this.actionLog.record(manager, {
        userId: viewer.user.id,
        action: inserted ? 'vote' : 'change_vote',
        resourceType: 'ballot',
        resourceId: ballotId,
        spaceId: row.space_id,
        visibility: 'ADMIN_ONLY',
        // never the choices
        summary: ballot.secret
          ? `A voté à « ${row.title} » (bulletin secret)`
          : `A voté à « ${row.title} » (vote public)`,
      });
      // the live turnout (never the choices) moves after commit
      await this.events.record(
        manager,
        'ballot.voted',
        { ballotId, componentId: row.component_id },
        viewer.user.id,
      );
      return code;
    });
    this.events.committed();
    return { ballotId, receiptCode };
  }

  /**
   * Freezes the result of a closed ballot, once: under the ballot's vote lock taken exclusive
   * (it waits for votes in flight) and its row lock, streams the envelopes in batches into each question's tally and inserts the
   * `ballot_results` row; a second call finds it and changes nothing.
   * @returns true when this call stored the result
   */
  async freezeResult(ballotId: string): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${BALLOT_LOCK})`, [ballotId]);
      const [row] = await queryRows<BallotRow & { closed: boolean }>(
        manager,
        `SELECT ${BALLOT_COLUMNS}, now() >= b.closes_at AS closed FROM ballots b JOIN components c ON c.id = b.component_id WHERE b.id = $1 FOR UPDATE OF b`,
        [ballotId],
      );
      if (!row || !row.closed) return false;
      const [existing] = await manager.query(`SELECT 1 FROM ballot_results WHERE ballot_id = $1`, [
        ballotId,
      ]);
      if (existing) return false;
      await this.freezeCensus(manager, row);
      const shapes = (await this.questionShapes([ballotId], manager)).get(ballotId) ?? [];
      const results = await this.count(manager, ballotId, shapes);
      const [turnout] = await manager.query(
        `SELECT count(*)::int AS n, coalesce(sum(weight_milli), 0)::bigint::text AS w FROM ballot_participations WHERE ballot_id = $1`,
        [ballotId],
      );
      const [census] = await manager.query(
        `SELECT voters, weight_milli::text AS w FROM ballot_census_snapshots WHERE ballot_id = $1`,
        [ballotId],
      );
      await manager.query(
        `INSERT INTO ballot_results (ballot_id, voters, voters_weight_milli, census_voters, census_weight_milli, questions) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (ballot_id) DO NOTHING`,
        [
          ballotId,
          turnout.n,
          turnout.w,
          census?.voters ?? null,
          census?.w ?? null,
          JSON.stringify(results),
        ],
      );
      await this.actionLog.record(manager, {
        userId: null,
        action: 'close',
        resourceType: 'ballot',
        resourceId: ballotId,
        spaceId: row.space_id,
        visibility: 'PUBLIC',
        summary: `Votation « ${row.title} » close : ${turnout.n} votant${turnout.n > 1 ? 's' : ''}`,
      });
      return true;
    });
  }

  /**
   * Freezes the census size of an opened ballot, once (primary key). Called at the first cast,
   * the first read after opening and by the scheduler.
   */
  async freezeCensus(manager: EntityManager, row: CensusRow): Promise<void> {
    const [existing] = await manager.query(
      `SELECT 1 FROM ballot_census_snapshots WHERE ballot_id = $1`,
      [row.id],
    );
    if (existing) return;
    const size = await this.census.size(manager, this.rule(row));
    await manager.query(
      `INSERT INTO ballot_census_snapshots (ballot_id, voters, weight_milli) VALUES ($1, $2, $3) ON CONFLICT (ballot_id) DO NOTHING`,
      [row.id, size.voters, size.weight],
    );
  }

  /**
   * The turnout of a ballot now, exact: voters, their weight (voter units, or Assemblée weights
   * when weighted) and the percentage of the census frozen at opening (null before). For the live
   * `ballot.turnoutChanged` message. Caller: the ballot's notification handler.
   */
  async turnout(
    manager: EntityManager,
    ballotId: string,
  ): Promise<{ ballotId: string; voters: number; votersWeight: number; percent: number | null }> {
    const [row] = await manager.query(
      `SELECT b.census_weighted AS weighted, s.weight_milli::text AS census,
              (SELECT count(*)::int FROM ballot_participations p WHERE p.ballot_id = b.id) AS voters,
              (SELECT coalesce(sum(weight_milli), 0)::bigint::text FROM ballot_participations p WHERE p.ballot_id = b.id) AS weight
         FROM ballots b LEFT JOIN ballot_census_snapshots s ON s.ballot_id = b.id WHERE b.id = $1`,
      [ballotId],
    );
    if (!row) return { ballotId, voters: 0, votersWeight: 0, percent: null };
    const weight = Number(row.weight);
    const census = row.census === null ? null : Number(row.census);
    return {
      ballotId,
      voters: row.voters,
      votersWeight: weight / (row.weighted ? 1000 : 1),
      percent: census ? Math.round((weight * 10000) / census) / 100 : null,
    };
  }

  /**
   * Who a lifecycle notification reaches: OPENED — the census now; CLOSING_SOON — the census
   * members who have not voted yet; CLOSED — the census and everyone who voted. Caller: the
   * ballot's notification handler (inside the dispatcher's transaction).
   * @returns account ids, without duplicates; empty for an unknown ballot
   */
  async lifecycleRecipients(
    manager: EntityManager,
    ballotId: string,
    kind: 'OPENED' | 'CLOSING_SOON' | 'CLOSED',
  ): Promise<string[]> {
    const [row] = await queryRows<CensusRow>(
      manager,
      `SELECT id, census_kind, census_space_id, census_weighted, census_typologies FROM ballots WHERE id = $1`,
      [ballotId],
    );
    if (!row) return [];
    const census = await this.census.memberIds(manager, this.rule(row));
    const voted: string[] = (
      await manager.query(`SELECT user_id FROM ballot_participations WHERE ballot_id = $1`, [
        ballotId,
      ])
    ).map((r: { user_id: string }) => r.user_id);
    if (kind === 'OPENED') return census;
    if (kind === 'CLOSING_SOON') {
      const done = new Set(voted);
      return census.filter((id) => !done.has(id));
    }
    return [...new Set([...census, ...voted])];
  }

  /**
   * Streams a closed ballot's envelopes in batches of {@link ENVELOPE_BATCH} (keyset on id), for
   * the published list and exports. Refused before the close.
   * @throws NOT_FOUND; BALLOT_NOT_OPEN / CONFLICT not closed yet
   */
  async *publishedEnvelopes(
    ballotId: string,
    viewer: Viewer | null,
  ): AsyncGenerator<
    { receiptCode: string | null; weight: number; choices: Record<string, Choice> }[]
  > {
    const ballot = await this.ballot(ballotId, viewer);
    if (ballot.status !== BallotStatus.CLOSED)
      throw DomainError.conflict('La liste des bulletins est publiée à la clôture.').inEnglish(
        'The list of ballot papers is published at closing.',
      );
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // receipt order, never insertion order: nothing in the list follows the order people voted in
      const rows: {
        id: string;
        receipt_code: string | null;
        weight_milli: number;
        choices: Record<string, Choice>;
      }[] = await this.dataSource.query(
        `SELECT id, receipt_code, weight_milli, choices FROM ballot_envelopes WHERE ballot_id = $1 AND id > $2 ORDER BY id LIMIT ${ENVELOPE_BATCH}`,
        [ballotId, after],
      );
      if (!rows.length) return;
      after = rows[rows.length - 1].id;
      yield rows.map((r) => ({
        receiptCode: r.receipt_code,
        weight: r.weight_milli,
        choices: r.choices,
      }));
      if (rows.length < ENVELOPE_BATCH) return;
    }
  }

  /**
   * Looks a receipt code up in the published list of a closed ballot.
   * @throws NOT_FOUND; CONFLICT not closed yet (the list is published at the close); BAD_USER_INPUT malformed code
   */
  async checkReceipt(
    ballotId: string,
    code: string,
    viewer: Viewer | null,
  ): Promise<BallotReceiptCheckDto> {
    const ballot = await this.ballot(ballotId, viewer);
    if (!ballot.receiptsEnabled)
      throw DomainError.badInput('Cette votation ne délivre pas de reçus.', {
        field: 'code',
      }).inEnglish('This ballot does not issue receipts.');
    if (ballot.status !== BallotStatus.CLOSED)
      throw DomainError.conflict(
        'La liste des bulletins est publiée à la clôture : revenez après.',
      ).inEnglish('The list of ballot papers is published at closing: come back afterwards.');
    const normalized = normalizeReceiptCode(code);
    if (!normalized)
      throw DomainError.badInput('code : un code de reçu a la forme XXXX-XXXX-XXXX.', {
        field: 'code',
      }).inEnglish('A receipt code has the form XXXX-XXXX-XXXX.');
    const [row] = await this.dataSource.query(
      `SELECT choices FROM ballot_envelopes WHERE ballot_id = $1 AND receipt_code = $2`,
      [ballotId, normalized],
    );
    return { found: !!row, choices: row?.choices ?? null };
  }

  /** The question shapes of ballots, in position order, for checking and counting. */
  async questionShapes(
    ballotIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, (QuestionShape & { id: string })[]>> {
    const rows: {
      ballot_id: string;
      id: string;
      method: BallotMethod;
      min_choices: number;
      max_choices: number;
      option_ids: string[];
    }[] = await manager.query(
      `SELECT q.ballot_id, q.id, q.method, q.min_choices, q.max_choices, array_agg(o.id ORDER BY o.position) AS option_ids
         FROM ballot_questions q JOIN ballot_options o ON o.question_id = q.id
        WHERE q.ballot_id = ANY($1) GROUP BY q.id ORDER BY q.ballot_id, q.position`,
      [ballotIds],
    );
    const out = new Map<string, (QuestionShape & { id: string })[]>();
    for (const r of rows) {
      const list = out.get(r.ballot_id) ?? [];
      list.push({
        id: r.id,
        method: r.method,
        minChoices: r.min_choices,
        maxChoices: r.max_choices,
        optionIds: r.option_ids,
      });
      out.set(r.ballot_id, list);
    }
    return out;
  }

  /** Counts a ballot's envelopes question by question, streaming in batches. */
  private async count(
    manager: EntityManager,
    ballotId: string,
    shapes: (QuestionShape & { id: string })[],
  ): Promise<(QuestionResult & { questionId: string })[]> {
    const tallies = shapes.map((q) => ({ id: q.id, tally: createTally(q) }));
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; weight_milli: number; choices: Record<string, Choice> }[] =
        await manager.query(
          `SELECT id, weight_milli, choices FROM ballot_envelopes WHERE ballot_id = $1 AND id > $2 ORDER BY id LIMIT ${ENVELOPE_BATCH}`,
          [ballotId, after],
        );
      for (const r of rows)
        for (const t of tallies) if (r.choices[t.id]) t.tally.add(r.choices[t.id], r.weight_milli);
      if (rows.length < ENVELOPE_BATCH) break;
      after = rows[rows.length - 1].id;
    }
    return tallies.map((t) => ({ questionId: t.id, ...t.tally.result() }));
  }

  private checkedAnswers(
    shapes: (QuestionShape & { id: string })[],
    answers: BallotAnswerInput[],
  ): Record<string, Choice> {
    const out: Record<string, Choice> = {};
    const byId = new Map(shapes.map((q) => [q.id, q]));
    for (const answer of answers) {
      const question = byId.get(answer.questionId);
      if (!question)
        throw DomainError.badInput('Question inconnue dans cette votation.', {
          field: 'answers',
          reason: 'UNKNOWN_QUESTION',
          questionId: answer.questionId,
        }).inEnglish('Unknown question in this ballot.');
      if (out[answer.questionId])
        throw DomainError.badInput('Une question reçoit deux réponses.', {
          field: 'answers',
          reason: 'DUPLICATE_QUESTION',
          questionId: answer.questionId,
        }).inEnglish('A question receives two answers.');
      try {
        out[answer.questionId] = normalizeChoice(question, answer.choice);
      } catch (error) {
        if (error instanceof ChoiceError)
          throw DomainError.badInput(error.message, {
            field: 'answers',
            reason: error.reason,
            questionId: answer.questionId,
            optionId: error.optionId,
          }).inEnglish(error.english);
        throw error;
      }
    }
    const missing = shapes.find((q) => !out[q.id]);
    if (missing)
      throw DomainError.badInput('Répondez à chaque question.', {
        field: 'answers',
        reason: 'MISSING_QUESTION',
        questionId: missing.id,
      }).inEnglish('Answer every question.');
    return out;
  }

  private async checkedFields(
    manager: EntityManager,
    input: BallotFieldsInput,
    current: BallotRow | null,
  ) {
    const title = input.title ?? current!.title;
    const explanation =
      input.explanation !== undefined
        ? sanitizeRichText(input.explanation)
        : (current?.explanation ?? '');
    if (explanation.length > BallotLimits.explanationMaxLength)
      throw DomainError.badInput(
        `explanation : ${BallotLimits.explanationMaxLength} caractères au plus.`,
        { field: 'explanation' },
      ).inEnglish(`At most ${BallotLimits.explanationMaxLength} characters.`);
    const instant = (value: string | undefined, fallback: Date | undefined, field: string) => {
      if (value === undefined) return fallback!;
      try {
        return parseIsoInstant(value);
      } catch {
        throw DomainError.badInput(`${field} : date ISO 8601 attendue (avec fuseau).`, {
          field,
        }).inEnglish('ISO 8601 date expected (with time zone).');
      }
    };
    const opensAt = instant(input.opensAt, current?.opens_at, 'opensAt');
    const closesAt = instant(input.closesAt, current?.closes_at, 'closesAt');
    if (closesAt <= opensAt)
      throw DomainError.badInput('La clôture doit suivre l’ouverture.', {
        field: 'closesAt',
      }).inEnglish('Closing must come after opening.');
    if (closesAt.getTime() - opensAt.getTime() > BallotLimits.maxDurationMs)
      throw DomainError.badInput('Une votation dure au plus un an.', {
        field: 'closesAt',
      }).inEnglish('A ballot lasts at most one year.');
    const [{ future }] = await manager.query(`SELECT $1::timestamptz > now() AS future`, [
      closesAt,
    ]);
    if (!future)
      throw DomainError.badInput('La clôture doit être dans le futur.', {
        field: 'closesAt',
      }).inEnglish('Closing must be in the future.');
    const secret = input.secret ?? current?.secret ?? true;
    const receiptsEnabled = input.receiptsEnabled ?? (current?.receipts_enabled && secret) ?? false;
    if (receiptsEnabled && !secret)
      throw DomainError.badInput('Les reçus ne valent que pour un vote à bulletin secret.', {
        field: 'receiptsEnabled',
      }).inEnglish('Receipts only apply to a secret-ballot vote.');

    let census: {
      kind: CensusKind;
      spaceId: string | null;
      weighted: boolean;
      emails: string[];
      typologyKeys: string[];
    };
    if (input.census) {
      const c = input.census;
      const typologyKeys = [...new Set(c.typologyKeys ?? [])];
      if (c.kind === CensusKind.TYPOLOGY) {
        if (!typologyKeys.length)
          throw DomainError.badInput('census.typologyKeys : choisissez au moins une typologie.', {
            field: 'census.typologyKeys',
          }).inEnglish('Choose at least one typology.');
        const known = await this.census.knownTypologies(typologyKeys);
        const unknown = typologyKeys.find((k) => !known.has(k));
        if (unknown)
          throw DomainError.badInput(
            `census.typologyKeys : typologie inconnue ou archivée (${unknown}).`,
            { field: 'census.typologyKeys' },
          ).inEnglish(`Unknown or archived typology (${unknown}).`);
      } else if (typologyKeys.length)
        throw DomainError.badInput(
          'census.typologyKeys : seulement pour un corps électoral par typologie.',
          { field: 'census.typologyKeys' },
        ).inEnglish('Only for an electorate by typology.');
      if (c.kind === CensusKind.ASSEMBLY_MEMBERS) {
        if (!c.assemblySpaceId || !(await this.census.isAssembly(manager, c.assemblySpaceId))) {
          throw DomainError.badInput('census.assemblySpaceId : une Assemblée est attendue.', {
            field: 'census.assemblySpaceId',
          }).inEnglish('An Assembly is expected.');
        }
      } else if (c.assemblySpaceId)
        throw DomainError.badInput(
          'census.assemblySpaceId : seulement pour le corps électoral d’une Assemblée.',
          { field: 'census.assemblySpaceId' },
        ).inEnglish('Only for the electorate of an Assembly.');
      if (c.weighted && c.kind !== CensusKind.ASSEMBLY_MEMBERS)
        throw DomainError.badInput(
          'census.weighted : seulement pour les membres d’une Assemblée.',
          { field: 'census.weighted' },
        ).inEnglish('Only for the members of an Assembly.');
      const emails = [...new Set((c.emails ?? []).map((e) => e.trim().toLowerCase()))];
      if (c.kind === CensusKind.EMAIL_LIST && emails.length === 0)
        throw DomainError.badInput('census.emails : au moins une adresse.', {
          field: 'census.emails',
        }).inEnglish('At least one address.');
      if (c.kind !== CensusKind.EMAIL_LIST && emails.length)
        throw DomainError.badInput('census.emails : seulement pour une liste d’adresses.', {
          field: 'census.emails',
        }).inEnglish('Only for a list of addresses.');
      census = {
        kind: c.kind,
        spaceId: c.kind === CensusKind.ASSEMBLY_MEMBERS ? c.assemblySpaceId! : null,
        weighted: !!c.weighted,
        emails,
        typologyKeys,
      };
    } else {
      census = {
        kind: current!.census_kind,
        spaceId: current!.census_space_id,
        weighted: current!.census_weighted,
        emails: [],
        typologyKeys: current!.census_typologies,
      };
    }
    for (const [i, q] of (input.questions ?? []).entries()) this.checkQuestion(q, i);
    return { title, explanation, opensAt, closesAt, secret, receiptsEnabled, census };
  }

  private checkQuestion(q: BallotQuestionInput, index: number): void {
    const field = `questions.${index}`;
    const n = q.options.length;
    if (q.method === BallotMethod.MULTIPLE) {
      const min = q.minChoices ?? 1;
      const max = q.maxChoices ?? n;
      if (min > max || max > n)
        throw DomainError.badInput(
          `${field} : il faut 1 ≤ minimum ≤ maximum ≤ nombre d’options (${n}).`,
          { field: `${field}.maxChoices` },
        ).inEnglish(
          `Question ${index + 1}: 1 ≤ minimum ≤ maximum ≤ number of options (${n}) is required.`,
        );
    } else if (
      (q.minChoices !== undefined && q.minChoices !== null && q.minChoices !== 1) ||
      (q.maxChoices !== undefined && q.maxChoices !== null && q.maxChoices !== 1)
    ) {
      throw DomainError.badInput(
        `${field} : minimum et maximum ne valent que pour une question à choix multiples.`,
        { field: `${field}.minChoices` },
      ).inEnglish(
        `Question ${index + 1}: minimum and maximum only apply to a multiple-choice question.`,
      );
    }
    const titles = new Set(q.options.map((o) => o.title.toLocaleLowerCase('fr')));
    if (titles.size !== n)
      throw DomainError.badInput(`${field} : deux options portent le même titre.`, {
        field: `${field}.options`,
      }).inEnglish(`Question ${index + 1}: two options have the same title.`);
  }

  private async writeQuestions(
    manager: EntityManager,
    ballotId: string,
    questions: BallotQuestionInput[],
  ): Promise<void> {
    for (const [position, q] of questions.entries()) {
      const multiple = q.method === BallotMethod.MULTIPLE;
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO ballot_questions (ballot_id, position, title, method, min_choices, max_choices) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          ballotId,
          position,
          q.title,
          q.method,
          multiple ? (q.minChoices ?? 1) : 1,
          multiple ? (q.maxChoices ?? q.options.length) : 1,
        ],
      );
      await manager.query(
        `INSERT INTO ballot_options (question_id, position, title, description, image_alt)
         SELECT $1, t.position - 1, t.title, t.description, t.image_alt
           FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(title, description, image_alt, position)`,
        [
          row.id,
          q.options.map((o) => o.title),
          q.options.map((o) => o.description ?? ''),
          q.options.map((o) => o.imageAlt || null),
        ],
      );
    }
  }

  private async writeCensusEmails(
    manager: EntityManager,
    ballotId: string,
    emails: string[],
  ): Promise<void> {
    if (emails.length)
      await manager.query(
        `INSERT INTO ballot_census_emails (ballot_id, email) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [ballotId, emails],
      );
  }

  /** The census rule of a ballot row. */
  rule(row: CensusRow): CensusRule {
    return {
      ballotId: row.id,
      kind: row.census_kind,
      spaceId: row.census_space_id,
      weighted: row.census_weighted,
      typologyKeys: row.census_typologies ?? [],
    };
  }

  private async votesComponent(componentId: string, viewer: Viewer | null) {
    const component = await this.spaces.component(componentId, viewer);
    if (component.type !== ComponentType.VOTES)
      throw DomainError.badInput('Cette fonctionnalité ne contient pas de votations.', {
        field: 'componentId',
      }).inEnglish('This feature does not contain ballots.');
    return component;
  }

  private async rows(where: string, params: unknown[], order: string): Promise<BallotRow[]> {
    return this.dataSource.query(
      `SELECT ${BALLOT_COLUMNS} FROM ballots b JOIN components c ON c.id = b.component_id WHERE ${where} ORDER BY ${order}`,
      params,
    );
  }

  private async findRow(id: string): Promise<BallotRow> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    const [row] = await this.rows(`b.id = $1`, [id], `b.id`);
    if (!row) throw DomainError.notFound('Votation', { id }).inEnglish('Ballot not found.');
    return row;
  }

  private async lockRow(manager: EntityManager, id: string): Promise<BallotRow> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      throw DomainError.badInput('Identifiant invalide.', { field: 'id' }).inEnglish(
        'Invalid identifier.',
      );
    await manager.query(`SELECT pg_advisory_xact_lock(${BALLOT_LOCK})`, [id]);
    const [row] = await queryRows<BallotRow>(
      manager,
      `SELECT ${BALLOT_COLUMNS} FROM ballots b JOIN components c ON c.id = b.component_id WHERE b.id = $1 FOR UPDATE OF b`,
      [id],
    );
    if (!row) throw DomainError.notFound('Votation', { id }).inEnglish('Ballot not found.');
    return row;
  }

  /** Whether the viewer is an org admin, or an admin or moderator of the space (sees hidden ballots). */
  async canModerate(viewer: Viewer | null, spaceId: string): Promise<boolean> {
    if (!viewer) return false;
    return (
      viewer.user.isAdmin ||
      this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN, SpaceRole.MODERATOR])
    );
  }

  /** The ballot row as `viewer` may see it. @throws NOT_FOUND unknown, component not visible, hidden for a non-moderator */
  private async visibleRow(id: string, viewer: Viewer | null): Promise<BallotRow> {
    const row = await this.findRow(id);
    await this.spaces.component(row.component_id, viewer);
    if (row.hidden_at !== null && !(await this.canModerate(viewer, row.space_id)))
      throw DomainError.notFound('Votation', { id }).inEnglish('Ballot not found.');
    return row;
  }

  private async isSpaceAdmin(viewer: Viewer, spaceId: string): Promise<boolean> {
    return viewer.user.isAdmin || this.access.hasRole(viewer.user.id, spaceId, [SpaceRole.ADMIN]);
  }

  /** Builds the DTOs: freezes due censuses and results, then reads questions, turnout and the viewer's state. */
  private async present(rows: BallotRow[], viewer: Viewer | null): Promise<BallotDto[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    // freeze what is due and not frozen yet (most reads find both done and open no transaction)
    const [hasSnapshot, hasResult] = await Promise.all([
      this.dataSource.query(
        `SELECT ballot_id FROM ballot_census_snapshots WHERE ballot_id = ANY($1)`,
        [ids],
      ),
      this.dataSource.query(`SELECT ballot_id FROM ballot_results WHERE ballot_id = ANY($1)`, [
        ids,
      ]),
    ]).then(([a, b]) => [
      new Set(a.map((x: { ballot_id: string }) => x.ballot_id)),
      new Set(b.map((x: { ballot_id: string }) => x.ballot_id)),
    ]);
    for (const r of rows) {
      if (r.status !== BallotStatus.SCHEDULED && !hasSnapshot.has(r.id))
        await inTransaction(this.dataSource, (m) => this.freezeCensus(m, r));
      if (r.status === BallotStatus.CLOSED && !hasResult.has(r.id)) await this.freezeResult(r.id);
    }
    const [
      questionRows,
      optionRows,
      turnouts,
      snapshots,
      results,
      mine,
      emailCounts,
      invitationCounts,
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT id, ballot_id, position, title, method, min_choices, max_choices FROM ballot_questions WHERE ballot_id = ANY($1) ORDER BY position`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT o.id, o.question_id, o.title, o.description, o.image_alt FROM ballot_options o JOIN ballot_questions q ON q.id = o.question_id WHERE q.ballot_id = ANY($1) ORDER BY o.position`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT ballot_id, count(*)::int AS n, sum(weight_milli)::bigint::text AS w FROM ballot_participations WHERE ballot_id = ANY($1) GROUP BY ballot_id`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT ballot_id, voters, weight_milli::text AS w FROM ballot_census_snapshots WHERE ballot_id = ANY($1)`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT ballot_id, questions FROM ballot_results WHERE ballot_id = ANY($1)`,
        [ids],
      ),
      viewer
        ? this.dataSource.query(
            `SELECT p.ballot_id, CASE WHEN b.secret THEN NULL ELSE e.choices END AS choices
               FROM ballot_participations p JOIN ballots b ON b.id = p.ballot_id LEFT JOIN ballot_envelopes e ON e.id = p.envelope_id
              WHERE p.user_id = $1 AND p.ballot_id = ANY($2)`,
            [viewer.user.id, ids],
          )
        : Promise.resolve([]),
      this.dataSource.query(
        `SELECT ballot_id, count(*)::int AS n FROM ballot_census_emails WHERE ballot_id = ANY($1) GROUP BY ballot_id`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT ballot_id, count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent, count(*) FILTER (WHERE sent_at IS NULL AND last_error IS NOT NULL)::int AS failing
           FROM ballot_census_invitations WHERE ballot_id = ANY($1) GROUP BY ballot_id`,
        [ids],
      ),
    ]);
    const out: BallotDto[] = [];
    for (const r of rows) {
      const admin = viewer ? await this.isSpaceAdmin(viewer, r.space_id) : false;
      const unit = r.census_weighted ? 1000 : 1;
      const questions: BallotQuestionDto[] = questionRows
        .filter((q: any) => q.ballot_id === r.id)
        .map((q: any) => ({
          id: q.id,
          position: q.position,
          title: q.title,
          method: q.method,
          minChoices: q.min_choices,
          maxChoices: q.max_choices,
          options: optionRows
            .filter((o: any) => o.question_id === q.id)
            .map((o: any) => ({
              id: o.id,
              title: o.title,
              description: o.description,
              imageAlt: o.image_alt,
            })),
        }));
      const turnout = turnouts.find((t: any) => t.ballot_id === r.id);
      const snapshot = snapshots.find((s: any) => s.ballot_id === r.id);
      const votersWeight = Number(turnout?.w ?? 0);
      const frozen = results.find((x: any) => x.ballot_id === r.id);
      let resultList: Record<string, unknown>[] | null = frozen?.questions ?? null;
      if (!frozen && !r.secret && r.status === BallotStatus.OPEN) {
        const shapes = (await this.questionShapes([r.id])).get(r.id) ?? [];
        resultList = (await this.count(this.dataSource.manager, r.id, shapes)) as unknown as Record<
          string,
          unknown
        >[];
      }
      const own = (mine as any[]).find((m) => m.ballot_id === r.id);
      const inCensus =
        viewer && r.status === BallotStatus.OPEN
          ? (await this.census.weight(
              this.dataSource.manager,
              this.rule(r),
              viewer.user.id,
              viewer.user.email,
              false,
            )) !== null
          : false;
      out.push({
        id: r.id,
        componentId: r.component_id,
        spaceId: r.space_id,
        title: r.title,
        explanation: r.explanation,
        opensAt: r.opens_at,
        closesAt: r.closes_at,
        status: r.status,
        readAt: r.read_at,
        secret: r.secret,
        receiptsEnabled: r.receipts_enabled,
        isDemo: r.is_demo,
        commentsCount: r.comments_count,
        followsCount: r.follows_count,
        hidden: r.hidden_at !== null,
        census: {
          kind: r.census_kind,
          assemblySpaceId: r.census_space_id,
          weighted: r.census_weighted,
          typologyKeys: r.census_typologies,
          emailsCount: admin ? (emailCounts.find((e: any) => e.ballot_id === r.id)?.n ?? 0) : null,
          invitationsSent: admin
            ? (invitationCounts.find((e: any) => e.ballot_id === r.id)?.sent ?? 0)
            : null,
          invitationsFailing: admin
            ? (invitationCounts.find((e: any) => e.ballot_id === r.id)?.failing ?? 0)
            : null,
          frozenVoters: snapshot ? snapshot.voters : null,
          frozenWeight: snapshot ? Number(snapshot.w) / unit : null,
        },
        questions,
        turnout: {
          voters: turnout?.n ?? 0,
          votersWeight: votersWeight / unit,
          percent:
            snapshot && Number(snapshot.w) > 0
              ? Math.round((votersWeight * 10000) / Number(snapshot.w)) / 100
              : null,
        },
        results: resultList,
        resultsFrozen: !!frozen,
        viewerHasVoted: !!own,
        viewerCanVote: r.status === BallotStatus.OPEN && inCensus && !(own && r.secret),
        viewerInCensus: inCensus,
        viewerChoices: own?.choices ?? null,
        viewerCanEdit: admin && r.status === BallotStatus.SCHEDULED && (turnout?.n ?? 0) === 0,
        createdAt: r.created_at,
      });
    }
    return out;
  }
}
