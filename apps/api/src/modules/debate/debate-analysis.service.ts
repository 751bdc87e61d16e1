import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { AppConfig } from '../../config/app-config';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { analyseOpinions, type OpinionAnalysis } from '../../common/opinion/opinion-analysis';
import { VoteStatistics } from '../../common/opinion/vote-statistics';
import { debateManifest } from './debate.manifest';

/** How often every process looks for debates whose votes changed after their snapshot (votes taken by another process), in milliseconds. */
const SWEEP_MS = 60_000;

/** A statement's counts as stored in a snapshot: agree, disagree, pass, then per group [agree, disagree, seen]. */
export interface SnapshotStatement {
  id: string;
  body: string;
  agree: number;
  disagree: number;
  pass: number;
  groups: [number, number, number][];
  consensus: number;
  divisiveness: number;
}

/** The stored analysis (`debate_analyses.result`): statement ids and anonymous points only, never a participant id. */
export interface AnalysisSnapshot {
  participantCount: number;
  clusteredCount: number;
  voteCount: number;
  silhouette: number | null;
  groups: {
    id: number;
    size: number;
    centroid: [number, number];
    /** Members' points [x, y], rounded to 1/1000 and sorted (no order that could identify anyone). */
    points: [number, number][];
    representatives: {
      statementId: string;
      repfulFor: 'AGREE' | 'DISAGREE';
      successes: number;
      trials: number;
      repness: number;
      significant: boolean;
    }[];
  }[];
  ungrouped: [number, number][];
  statements: SnapshotStatement[];
  consensus: string[];
  divisive: string[];
  /** The two PCA components by statement id (the map's axes), to resume the next recomputation from. */
  axes?: { statementIds: string[]; x: number[]; y: number[] };
}

/** A stored snapshot with its metadata. */
export interface StoredAnalysis {
  debateId: string;
  computedAt: Date;
  durationMs: number;
  result: AnalysisSnapshot;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Debates with more statements than this are not kept in memory (XᵀX statistics grow as statements²). */
const CACHE_MAX_STATEMENTS = 1500;
/** Largest kept debate (votes one byte per participant × statement, plus the statistics). */
const CACHE_MAX_BYTES = 128 * 2 ** 20;
/** All kept debates of a process together; the least recently analysed go first. */
const CACHE_TOTAL_BYTES = 256 * 2 ** 20;

/**
 * Recomputes a debate's analysis (`common/opinion/opinion-analysis.ts`) in the background and keeps
 * the latest as a snapshot row (`debate_analyses`) with each participant's position
 * (`debate_positions`, read only to show a participant their own point).
 *
 * - **When**: after a vote commits, {@link requestRecompute} schedules a run at most every
 *   `analysisIntervalSeconds` (component setting) per debate and process: the first vote after a
 *   quiet period runs at once, later ones within the interval are folded into one run at its
 *   end. Every process also sweeps every minute for debates whose votes changed after their
 *   snapshot (votes taken by another process).
 * - **Once at a time**: a run holds a transaction-level advisory lock on the debate
 *   (`pg_try_advisory_xact_lock`); a second process finding it taken skips (the holder's result
 *   will be as fresh). The votes are read in a REPEATABLE READ transaction, so the snapshot and
 *   its basis (vote count, latest change) describe one state of the votes.
 * - **Seed**: derived from the debate id, so the same votes give the same groups.
 * - **Live**: a `debate.analysisUpdated` event, recorded with the snapshot, reaches the room
 *   `debate:<id>`.
 *
 * In tests (NODE_ENV=test) nothing runs by itself until {@link enableBackground} is called;
 * {@link recompute} runs one synchronously.
 */
@Injectable()
export class DebateAnalysisService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DebateAnalysis');
  private background = false;
  private sweepTimer: NodeJS.Timeout | null = null;
  /** Debates with a run scheduled in this process (the timer, or null while it is being set). */
  private readonly scheduled = new Map<string, NodeJS.Timeout | null>();
  private readonly lastRun = new Map<string, number>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;
  /** Per debate, the votes of its last analysis in this process and the snapshot they were read in (see {@link compute}); most recent last. */
  private readonly cache = new Map<
    string,
    {
      votes: VoteStatistics;
      snapshot: string;
      deleted: string;
      /** All the debate's votes at that snapshot (hidden statements' too), the snapshot row's `basis_votes`. */
      basisVotes: number;
      axes: AnalysisSnapshot['axes'] | null;
    }
  >();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly events: DomainEventOutbox,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return;
    this.enableBackground();
    this.sweepTimer = setInterval(() => this.track(this.sweep()), SWEEP_MS);
    this.sweepTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const timer of this.scheduled.values()) if (timer) clearTimeout(timer);
    this.scheduled.clear();
    await Promise.allSettled([...this.running]);
  }

  /** Turns on background recomputation after votes (on by default outside tests). */
  enableBackground(): void {
    this.background = true;
  }

  /**
   * Asks for a recomputation of a debate after its votes changed: runs at once when the last run
   * (in this process) is older than the interval, else once at the end of the interval. Returns
   * at once; errors are logged.
   */
  requestRecompute(debateId: string): void {
    if (!this.background || this.stopped || this.scheduled.has(debateId)) return;
    this.scheduled.set(debateId, null); // reserved while the interval setting is read
    this.track(
      this.intervalMs(debateId)
        .then((interval) => {
          if (this.stopped) return void this.scheduled.delete(debateId);
          const delay = Math.max(0, (this.lastRun.get(debateId) ?? 0) + interval - Date.now());
          const timer = setTimeout(() => {
            this.scheduled.delete(debateId);
            this.track(this.recompute(debateId));
          }, delay);
          timer.unref();
          this.scheduled.set(debateId, timer);
        })
        .catch((error: unknown) => {
          this.scheduled.delete(debateId);
          throw error;
        }),
    );
  }

  /**
   * Recomputes and stores the analysis of one debate now.
   * @returns the stored snapshot, or null when another process holds the debate's lock
   */
  async recompute(debateId: string): Promise<StoredAnalysis | null> {
    this.lastRun.set(debateId, Date.now());
    const stored = await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
      const [{ locked }] = await manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtextextended('debate-analysis:' || $1, 0)) AS locked`,
        [debateId],
      );
      if (!locked) return null;
      const [debate] = await queryRows<{ component_id: string }>(
        manager,
        `SELECT component_id FROM debates WHERE id = $1`,
        [debateId],
      );
      if (!debate) return null;
      const started = performance.now();
      const { snapshot, positions, basis } = await this.compute(manager, debateId);
      const durationMs = Math.round(performance.now() - started);
      const [row] = await queryRows<{ computed_at: Date }>(
        manager,
        // the latest change is read again here, in the same REPEATABLE READ snapshot as the votes, so that the
        // timestamp keeps PostgreSQL's microseconds (a JS Date would drop them and the sweep would see a newer vote forever);
        // the count comes from compute (counted, or the kept count plus the votes inserted since)
        `INSERT INTO debate_analyses (debate_id, computed_at, basis_votes, basis_changed_at, duration_ms, result)
         SELECT $1, now(), $4::int, max(updated_at), $2, $3 FROM debate_votes WHERE debate_id = $1
         ON CONFLICT (debate_id) DO UPDATE SET computed_at = EXCLUDED.computed_at, basis_votes = EXCLUDED.basis_votes, basis_changed_at = EXCLUDED.basis_changed_at,
           duration_ms = EXCLUDED.duration_ms, result = EXCLUDED.result
         RETURNING computed_at, basis_votes`,
        [debateId, durationMs, JSON.stringify(snapshot), basis.votes],
      );
      await manager.query(`DELETE FROM debate_positions WHERE debate_id = $1`, [debateId]);
      if (positions.users.length) {
        await manager.query(
          `INSERT INTO debate_positions (debate_id, user_id, x, y, group_id) SELECT $1, * FROM unnest($2::uuid[], $3::real[], $4::real[], $5::smallint[])`,
          [debateId, positions.users, positions.x, positions.y, positions.group],
        );
      }
      await this.events.record(
        manager,
        'debate.analysisUpdated',
        {
          debateId,
          componentId: debate.component_id,
          computedAt: row.computed_at.toISOString(),
          participantCount: snapshot.participantCount,
        },
        null,
      );
      return { debateId, computedAt: row.computed_at, durationMs, result: snapshot };
    });
    if (stored) this.events.committed();
    return stored;
  }

  /**
   * Reads the votes of a debate and analyses them (in the caller's transaction, which must be
   * REPEATABLE READ for the incremental read to be exact). Incremental by default:
   *
   * - **The votes**: this process keeps, per debate, the votes of its last analysis with the
   *   statistics of XᵀX (`VoteStatistics`) and the PostgreSQL snapshot they were read in. The next
   *   run reads only the votes written by transactions that snapshot did not see
   *   (`debate_votes.changed_xid`) and applies them one by one (rank-one updates). It reads every
   *   vote again (and starts a new cache) when there is no cache (first run, restart, another
   *   debate evicted it), when the visible statements changed (published, hidden, reordered),
   *   when votes were deleted since (`debates.votes_deleted`), when the current snapshot does not
   *   see everything the cached one saw, or with `mode: 'FULL'`.
   * - **The PCA** resumes from the previous snapshot's axes (`mode: 'FULL'` starts afresh).
   * - **k-means, statistics and lists** are recomputed from all the votes, from the same seed:
   *   a warm-started k-means could settle in another local optimum than a run from scratch, and
   *   no cache may change a result.
   *
   * Exposed for the benchmark, which times the read and the computation apart.
   */
  async compute(
    manager: EntityManager,
    debateId: string,
    mode: 'INCREMENTAL' | 'FULL' = 'INCREMENTAL',
  ): Promise<{
    snapshot: AnalysisSnapshot;
    positions: { users: string[]; x: number[]; y: number[]; group: (number | null)[] };
    basis: { votes: number; changedAt: Date | null };
    timings: {
      readMs: number;
      analyseMs: number;
      pcaIterations: [number, number];
      warm: boolean;
      /** Whether the votes came from the cache plus the changes (else all were read). */
      incremental: boolean;
      /** Vote rows read from PostgreSQL (all of them, or the changed ones). */
      votesRead: number;
    };
  }> {
    const readStart = performance.now();
    const [state] = await queryRows<{ snapshot: string; deleted: string; changed_at: Date | null }>(
      manager,
      `SELECT pg_current_snapshot()::text AS snapshot, votes_deleted::text AS deleted,
              (SELECT max(updated_at) FROM debate_votes WHERE debate_id = $1) AS changed_at
         FROM debates WHERE id = $1`,
      [debateId],
    );
    const statements = await queryRows<{ id: string; body: string }>(
      manager,
      `SELECT id, body FROM debate_statements WHERE debate_id = $1 AND state = 'PUBLISHED' AND hidden_at IS NULL ORDER BY position`,
      [debateId],
    );
    const statementIds = statements.map((s) => s.id);
    const cached = this.cache.get(debateId);
    this.cache.delete(debateId); // back only once brought up to date: a failure below leaves no half-updated cache
    const usable =
      mode === 'INCREMENTAL' &&
      cached !== undefined &&
      state !== undefined &&
      cached.deleted === state.deleted &&
      sameList(cached.votes.statements, statementIds) &&
      seesAllOf(state.snapshot, cached.snapshot);
    let votes: VoteStatistics;
    let votesRead = 0;
    let basisVotes: number;
    let previous: AnalysisSnapshot['axes'] | null = null;
    if (usable) {
      votes = cached.votes;
      const changed = await this.readVotes(manager, debateId, cached.snapshot);
      for (const r of changed)
        for (let k = 0; k < r.cols.length; k++) {
          votes.set(r.participant, r.cols[k], r.vals[k]);
          votesRead++;
        }
      // no deletion since (checked above): the votes now are those kept plus those inserted since, on any statement
      const [{ inserted }] = await queryRows<{ inserted: number }>(
        manager,
        `SELECT count(*)::int AS inserted FROM debate_votes
          WHERE debate_id = $1 AND changed_xid >= pg_snapshot_xmin($2::pg_snapshot) AND NOT pg_visible_in_snapshot(created_xid, $2::pg_snapshot)`,
        [debateId, cached.snapshot],
      );
      basisVotes = cached.basisVotes + inserted;
      previous = cached.axes; // this process' last result: a start as good as the stored one, without reading it
    } else {
      votes = new VoteStatistics(statementIds);
      const rows = await this.readVotes(manager, debateId, null);
      votes.load(rows);
      for (const r of rows) votesRead += r.cols.length;
      basisVotes = (
        await queryRows<{ votes: number }>(
          manager,
          `SELECT count(*)::int AS votes FROM debate_votes WHERE debate_id = $1`,
          [debateId],
        )
      )[0].votes;
      if (mode === 'INCREMENTAL')
        previous =
          (
            await queryRows<{ axes: AnalysisSnapshot['axes'] | null }>(
              manager,
              `SELECT result->'axes' AS axes FROM debate_analyses WHERE debate_id = $1`,
              [debateId],
            )
          )[0]?.axes ?? null;
    }
    const readMs = performance.now() - readStart;
    const analyseStart = performance.now();
    const matrix = votes.toMatrix();
    const startAxes = previous ? alignAxes(previous, statementIds) : undefined;
    const a = analyseOpinions(matrix, {
      seed: seedOf(debateId),
      startAxes,
      gram: votes.centredGram(),
    });
    const snapshot = toSnapshot(a, statements);
    const analyseMs = performance.now() - analyseStart;
    if (state && statementIds.length <= CACHE_MAX_STATEMENTS && votes.bytes <= CACHE_MAX_BYTES) {
      this.cache.set(debateId, {
        votes,
        snapshot: state.snapshot,
        deleted: state.deleted,
        basisVotes,
        axes: snapshot.axes ?? null,
      });
      this.evict();
    }
    const positions = {
      users: matrix.participants,
      x: [] as number[],
      y: [] as number[],
      group: [] as (number | null)[],
    };
    for (let i = 0; i < matrix.participants.length; i++) {
      positions.x.push(round(a.points[2 * i]));
      positions.y.push(round(a.points[2 * i + 1]));
      positions.group.push(a.groupOf[i] < 0 ? null : a.groupOf[i]);
    }
    return {
      snapshot,
      positions,
      basis: { votes: basisVotes, changedAt: state?.changed_at ?? null },
      timings: {
        readMs,
        analyseMs,
        pcaIterations: a.pca.iterations,
        warm: startAxes !== undefined,
        incremental: usable,
        votesRead,
      },
    };
  }

  /** Forgets the kept votes of one debate or of all (the next analysis reads every vote). */
  forgetVotes(debateId?: string): void {
    if (debateId === undefined) this.cache.clear();
    else this.cache.delete(debateId);
  }

  /** Keeps the most recently analysed debates within {@link CACHE_TOTAL_BYTES}. */
  private evict(): void {
    let total = 0;
    for (const entry of this.cache.values()) total += entry.votes.bytes;
    for (const [id, entry] of this.cache) {
      if (total <= CACHE_TOTAL_BYTES) break;
      this.cache.delete(id);
      total -= entry.votes.bytes;
    }
  }

  /** The latest snapshot of a debate, or null before the first analysis. */
  async latest(debateId: string): Promise<StoredAnalysis | null> {
    const [row] = await queryRows<{
      computed_at: Date;
      duration_ms: number;
      result: AnalysisSnapshot;
    }>(
      this.dataSource.manager,
      `SELECT computed_at, duration_ms, result FROM debate_analyses WHERE debate_id = $1`,
      [debateId],
    );
    return row
      ? { debateId, computedAt: row.computed_at, durationMs: row.duration_ms, result: row.result }
      : null;
  }

  /** The viewer's own point in the latest snapshot, or null. */
  async positionOf(
    debateId: string,
    userId: string,
  ): Promise<{ x: number; y: number; groupId: number | null } | null> {
    const [row] = await queryRows<{ x: number; y: number; group_id: number | null }>(
      this.dataSource.manager,
      `SELECT x, y, group_id FROM debate_positions WHERE debate_id = $1 AND user_id = $2`,
      [debateId, userId],
    );
    return row ? { x: row.x, y: row.y, groupId: row.group_id } : null;
  }

  /** Statements of a debate no longer shown (hidden after reports, rejected): left out of a snapshot computed before that. */
  async withdrawnStatementIds(debateId: string): Promise<Set<string>> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM debate_statements WHERE debate_id = $1 AND (hidden_at IS NOT NULL OR state <> 'PUBLISHED')`,
      [debateId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Votes cast and divisiveness of each statement in the latest snapshot (for the next-statement
   * rule: counts at most one interval old, read from one row instead of counting the votes).
   */
  async statementFiguresOf(
    debateId: string,
  ): Promise<Map<string, { votes: number; divisiveness: number }>> {
    const rows = await queryRows<{ id: string; votes: number; d: number }>(
      this.dataSource.manager,
      `SELECT s->>'id' AS id, ((s->>'agree')::int + (s->>'disagree')::int + (s->>'pass')::int) AS votes, (s->>'divisiveness')::float8 AS d
         FROM debate_analyses, jsonb_array_elements(result->'statements') s WHERE debate_id = $1`,
      [debateId],
    );
    return new Map(rows.map((r) => [r.id, { votes: r.votes, divisiveness: r.d }]));
  }

  /**
   * Recomputes the debates whose votes changed after their snapshot: a vote newer than its basis,
   * or fewer or more votes than its basis (votes deleted with an account). A snapshot whose basis
   * is dated 'infinity' is left alone (the benchmark's). @returns how many ran
   */
  async sweep(): Promise<number> {
    const due = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT d.id FROM debates d LEFT JOIN debate_analyses a ON a.debate_id = d.id
        WHERE EXISTS (SELECT 1 FROM debate_votes v WHERE v.debate_id = d.id AND v.updated_at > coalesce(a.basis_changed_at, '-infinity'::timestamptz))
           OR (a.debate_id IS NOT NULL AND a.basis_changed_at <> 'infinity' AND (SELECT count(*) FROM debate_votes v WHERE v.debate_id = d.id) <> a.basis_votes)`,
    );
    for (const { id } of due) if (!this.stopped) await this.recompute(id);
    return due.length;
  }

  private async intervalMs(debateId: string): Promise<number> {
    const [row] = await queryRows<{ settings: Record<string, unknown> | null }>(
      this.dataSource.manager,
      `SELECT c.settings FROM debates d JOIN components c ON c.id = d.component_id WHERE d.id = $1`,
      [debateId],
    );
    return debateManifest.settingsOf(row?.settings ?? {}).analysisIntervalSeconds * 1000;
  }

  /**
   * The votes of a debate on its visible statements, one row per participant: the statements'
   * indices (0-based, in `position` order — the order of the statement list read beside it in the
   * same transaction) and the values, as integer arrays. 10,000 rows of small integers rather than
   * 1,000,000 rows of uuids at the benchmark's size: the driver parses far less. With `since` (a
   * `pg_current_snapshot()` of an earlier read), only the votes written by transactions that
   * snapshot did not see: committed since, or running then.
   */
  private async readVotes(
    manager: EntityManager,
    debateId: string,
    since: string | null,
  ): Promise<{ participant: string; cols: number[]; vals: number[] }[]> {
    const changed = since
      ? `AND v.changed_xid >= pg_snapshot_xmin($2::pg_snapshot) AND NOT pg_visible_in_snapshot(v.changed_xid, $2::pg_snapshot)`
      : '';
    const rows = await queryRows<{ user_id: string; cols: number[]; vals: number[] }>(
      manager,
      `WITH s AS (SELECT id, (row_number() OVER (ORDER BY position) - 1)::int AS j FROM debate_statements
                   WHERE debate_id = $1 AND state = 'PUBLISHED' AND hidden_at IS NULL)
       SELECT v.user_id, array_agg(s.j) AS cols, array_agg(v.value) AS vals FROM debate_votes v JOIN s ON s.id = v.statement_id
        WHERE v.debate_id = $1 ${changed} GROUP BY v.user_id`,
      since ? [debateId, since] : [debateId],
    );
    return rows.map((r) => ({ participant: r.user_id, cols: r.cols, vals: r.vals }));
  }

  private track(p: Promise<unknown>): void {
    const tracked = p
      .catch((error) => this.logger.warn(`analysis failed: ${String(error)}`))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}

/** The previous axes over the current statements (0 for a statement new since then). */
function alignAxes(
  previous: NonNullable<AnalysisSnapshot['axes']>,
  statementIds: string[],
): [Float64Array, Float64Array] {
  const index = new Map(previous.statementIds.map((id, k) => [id, k]));
  const x = new Float64Array(statementIds.length);
  const y = new Float64Array(statementIds.length);
  statementIds.forEach((id, j) => {
    const k = index.get(id);
    if (k === undefined) return;
    x[j] = previous.x[k];
    y[j] = previous.y[k];
  });
  return [x, y];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

/**
 * Whether every transaction visible in snapshot `old` is visible in `current` (both as
 * `pg_snapshot` text, `xmin:xmax:xip,…`): the current read is not older than the cached one, so
 * the cache plus the rows `old` did not see is exactly what `current` sees.
 */
export function seesAllOf(current: string, old: string): boolean {
  const parse = (text: string) => {
    const [xmin, xmax, xip] = text.split(':');
    return {
      xmin: BigInt(xmin),
      xmax: BigInt(xmax),
      xip: xip ? xip.split(',').map((x) => BigInt(x)) : [],
    };
  };
  const c = parse(current);
  const o = parse(old);
  if (c.xmax < o.xmax) return false;
  const oldRunning = new Set(o.xip);
  // a transaction still running for `current` must have been invisible to `old` too
  return c.xip.every((x) => x >= o.xmax || oldRunning.has(x));
}

/** A 32-bit seed from the debate id: the same debate always clusters from the same seed. */
function seedOf(debateId: string): number {
  return createHash('sha256').update(debateId).digest().readUInt32BE(0);
}

function toSnapshot(
  a: OpinionAnalysis,
  statements: { id: string; body: string }[],
): AnalysisSnapshot {
  const pointsOf = (g: number): [number, number][] => {
    const pts: [number, number][] = [];
    for (let i = 0; i < a.participantCount; i++)
      if (a.groupOf[i] === g) pts.push([round(a.points[2 * i]), round(a.points[2 * i + 1])]);
    return pts.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  };
  return {
    participantCount: a.participantCount,
    clusteredCount: a.clusteredCount,
    voteCount: a.voteCount,
    silhouette: a.silhouette === null ? null : round(a.silhouette),
    groups: a.groups.map((g) => ({
      id: g.id,
      size: g.size,
      centroid: [round(g.centroid[0]), round(g.centroid[1])],
      points: pointsOf(g.id),
      representatives: g.representatives.map((r) => ({
        statementId: statements[r.statement].id,
        repfulFor: r.repfulFor,
        successes: r.successes,
        trials: r.trials,
        repness: round(r.repness),
        significant: r.significant,
      })),
    })),
    ungrouped: pointsOf(-1),
    statements: a.statements.map((s) => ({
      id: statements[s.statement].id,
      body: statements[s.statement].body,
      agree: s.agree,
      disagree: s.disagree,
      pass: s.pass,
      groups: s.groups.map((t) => [t.agree, t.disagree, t.seen] as [number, number, number]),
      consensus: Math.round(s.consensus * 1e6) / 1e6,
      divisiveness: Math.round(s.divisiveness * 1e6) / 1e6,
    })),
    consensus: a.consensus.map((j) => statements[j].id),
    divisive: a.divisive.map((j) => statements[j].id),
    axes: {
      statementIds: statements.map((s) => s.id),
      x: Array.from(a.axes[0]),
      y: Array.from(a.axes[1]),
    },
  };
}
