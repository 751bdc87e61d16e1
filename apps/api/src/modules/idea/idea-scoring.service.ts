import { IdeaLimits } from '@concerto/domain';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainEventOutbox } from '../notification/domain-event-outbox';
import { ProfileService } from '../profile/profile.service';
import { IdeaResultsDto, RankedIdeaDto, TypologyIdeaScoresDto } from './dtos/idea.dto';
import { IDEA_COLUMNS, IdeaRow, IdeaService, toIdeaDto } from './idea.service';
import { type Comparison, fitBradleyTerry } from './ranking/bradley-terry';

/** How long after a vote the box's scores are refreshed (votes in between are refreshed together). */
export const SCORE_REFRESH_DELAY_MS = 1000;

interface OutcomeRow {
  winner: string;
  loser: string;
  n: number;
}

/**
 * Scores of a Boîte à idées: Bradley–Terry strengths by Hunter's MM algorithm and the
 * wiki-survey score of Salganik and Levy (2015) with a 95 % interval (`ranking/bradley-terry.ts`).
 *
 * - **Incremental**: a refresh starts from the stored strengths (warm start), so a few new
 *   votes cost a few MM sweeps. It runs about a second after a vote (votes in between are
 *   refreshed together), and before results are read when votes arrived since
 *   (`idea_boxes.scored_comparisons` < comparisons). Only one refresh of a box runs at a time,
 *   across processes (a transaction-level advisory lock; a refresh that finds it taken skips).
 * - **Exact counts** (wins, losses, comparisons) come from the counters the vote moves; the
 *   scores say how many comparisons they include (`scoredComparisons`).
 * - **By respondent type**: one fit per profile typology of the voters (asked from
 *   {@link ProfileService.typologyOf}), published only for types with at least 5 voters.
 */
@Injectable()
export class IdeaScoringService implements OnModuleDestroy {
  private readonly logger = new Logger(IdeaScoringService.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ideas: IdeaService,
    private readonly profiles: ProfileService,
    private readonly events: DomainEventOutbox,
  ) {}

  /** At shutdown: no new refresh, and the ones under way finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running]);
  }

  /** Refreshes the box's scores about {@link SCORE_REFRESH_DELAY_MS} from now (once for all votes until then). */
  schedule(boxId: string): void {
    if (this.timers.has(boxId)) return;
    const timer = setTimeout(() => this.runScheduled(boxId), SCORE_REFRESH_DELAY_MS);
    timer.unref();
    this.timers.set(boxId, timer);
  }

  /**
   * Runs the scheduled refreshes now and waits for those under way (tests and shutdown: no
   * refresh writes after this resolves, until the next vote).
   */
  async idle(): Promise<void> {
    for (const [boxId, timer] of [...this.timers]) {
      clearTimeout(timer);
      this.runScheduled(boxId);
    }
    await Promise.all([...this.running]);
  }

  private readonly running = new Set<Promise<unknown>>();

  private runScheduled(boxId: string): void {
    this.timers.delete(boxId);
    const run = this.refresh(boxId).catch((error: unknown) =>
      this.logger.warn(`score refresh of box ${boxId} failed: ${String(error)}`),
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  /**
   * Refits the box's published ideas from all comparisons among them, warm-started from the
   * stored strengths, and stores strengths, scores and intervals.
   * @returns false when another refresh of the box holds the lock (nothing done)
   */
  async refresh(boxId: string): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const [{ locked }] = await manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('idea_box_scores'), hashtext($1)) AS locked`,
        [boxId],
      );
      if (!locked) return false;
      const ideas: { id: string; strength: number }[] = await manager.query(
        `SELECT id, strength FROM ideas WHERE box_id = $1 AND status = 'PUBLISHED' AND hidden_at IS NULL ORDER BY id`,
        [boxId],
      );
      const outcomes = await this.outcomes(boxId);
      const index = new Map(ideas.map((idea, i) => [idea.id, i]));
      const comparisons: Comparison[] = [];
      for (const o of outcomes) {
        const winner = index.get(o.winner);
        const loser = index.get(o.loser);
        if (winner !== undefined && loser !== undefined)
          comparisons.push({ winner, loser, count: o.n });
      }
      const fit = fitBradleyTerry(ideas.length, comparisons, {
        initial: ideas.map((i) => i.strength),
        tolerance: 1e-7,
        maxIterations: 2000,
      });
      if (ideas.length) {
        await manager.query(
          `UPDATE ideas SET strength = u.strength, score = u.score, score_low = u.low, score_high = u.high
             FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::float8[], $5::float8[]) AS u(id, strength, score, low, high)
            WHERE ideas.id = u.id`,
          [
            ideas.map((i) => i.id),
            fit.strengths,
            fit.scores.map(clampScore),
            fit.scoreLow.map(clampScore),
            fit.scoreHigh.map(clampScore),
          ],
        );
      }
      const total = outcomes.reduce((sum, o) => sum + o.n, 0);
      const [box] = await queryRows<{ component_id: string }>(
        manager,
        `UPDATE idea_boxes SET scored_comparisons = $2, scored_at = now() WHERE id = $1 RETURNING component_id`,
        [boxId, total],
      );
      // at most one event per refresh, i.e. about one a second per box being voted on
      if (box)
        await this.events.record(
          manager,
          'ideaBox.changed',
          { boxId, componentId: box.component_id, kind: 'SCORES' },
          null,
        );
      return true;
    });
  }

  /**
   * Ranked ideas with scores and intervals, exact counts, and scores per respondent type.
   * Refreshes the scores first when votes arrived since the last refresh.
   * Caller: anyone who may see the box.
   * @throws NOT_FOUND box invisible; BAD_USER_INPUT malformed id
   */
  async results(boxId: string, viewer: Viewer | null): Promise<IdeaResultsDto> {
    const box = await this.ideas.visibleBox(boxId, viewer);
    if (box.row.scored_comparisons !== box.row.comparisons_count) await this.refresh(box.row.id);
    const manager = this.dataSource.manager;
    const rows = await queryRows<IdeaRow>(
      manager,
      `SELECT ${IDEA_COLUMNS} FROM ideas i WHERE i.box_id = $1 AND i.status = 'PUBLISHED' AND i.hidden_at IS NULL ORDER BY i.score DESC, i.id`,
      [box.row.id],
    );
    const [stats] = await manager.query(
      `SELECT (SELECT scored_comparisons FROM idea_boxes WHERE id = $1) AS scored,
              count(*) FILTER (WHERE choice IN ('LEFT', 'RIGHT'))::int AS comparisons,
              count(DISTINCT voter_id) FILTER (WHERE choice IN ('LEFT', 'RIGHT'))::int AS voters,
              count(*) FILTER (WHERE choice = 'SKIP')::int AS skips,
              count(*) FILTER (WHERE choice = 'DONT_KNOW')::int AS dont_know
         FROM idea_pairs WHERE box_id = $1`,
      [box.row.id],
    );
    const ranked: RankedIdeaDto[] = rows.map((r, n) => ({
      rank: n + 1,
      idea: toIdeaDto(r, viewer),
      score: r.score,
      scoreLow: r.score_low,
      scoreHigh: r.score_high,
      wins: r.wins,
      losses: r.losses,
    }));
    const { groups, small } = await this.byTypology(box.row.id, rows);
    return {
      boxId: box.row.id,
      comparisonsCount: stats.comparisons,
      scoredComparisons: stats.scored,
      votersCount: stats.voters,
      skipsCount: stats.skips,
      dontKnowCount: stats.dont_know,
      ideas: ranked,
      byTypology: groups,
      votersInSmallTypologies: small,
    };
  }

  /** All comparisons of the box, grouped by (winner, loser). */
  private outcomes(boxId: string): Promise<OutcomeRow[]> {
    return this.dataSource.query(
      `SELECT CASE WHEN choice = 'LEFT' THEN left_idea_id ELSE right_idea_id END AS winner,
              CASE WHEN choice = 'LEFT' THEN right_idea_id ELSE left_idea_id END AS loser, count(*)::int AS n
         FROM idea_pairs WHERE box_id = $1 AND choice IN ('LEFT', 'RIGHT') GROUP BY 1, 2`,
      [boxId],
    );
  }

  /** One fit per voters' typology (warm-started from the overall strengths), for types with enough voters. */
  private async byTypology(
    boxId: string,
    ideas: IdeaRow[],
  ): Promise<{ groups: TypologyIdeaScoresDto[]; small: number }> {
    const rows: (OutcomeRow & { user_id: string | null; voter_id: string })[] =
      await this.dataSource.query(
        `SELECT CASE WHEN p.choice = 'LEFT' THEN p.left_idea_id ELSE p.right_idea_id END AS winner,
              CASE WHEN p.choice = 'LEFT' THEN p.right_idea_id ELSE p.left_idea_id END AS loser,
              v.user_id, v.id AS voter_id, count(*)::int AS n
         FROM idea_pairs p JOIN idea_voters v ON v.id = p.voter_id
        WHERE p.box_id = $1 AND p.choice IN ('LEFT', 'RIGHT') GROUP BY 1, 2, 3, 4`,
        [boxId],
      );
    const typologyOf = await this.profiles.typologyOf(
      rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
    );
    const labels = new Map((await this.profiles.typologies(true)).map((t) => [t.key, t.label]));
    const index = new Map(ideas.map((idea, i) => [idea.id, i]));
    const groups = new Map<
      string | null,
      { voters: Set<string>; comparisons: Comparison[]; total: number }
    >();
    for (const r of rows) {
      const key = r.user_id ? (typologyOf.get(r.user_id) ?? null) : null;
      const group = groups.get(key) ?? { voters: new Set<string>(), comparisons: [], total: 0 };
      groups.set(key, group);
      group.voters.add(r.voter_id);
      const winner = index.get(r.winner);
      const loser = index.get(r.loser);
      if (winner === undefined || loser === undefined) continue;
      group.comparisons.push({ winner, loser, count: r.n });
      group.total += r.n;
    }
    const order = [...labels.keys()];
    const result: TypologyIdeaScoresDto[] = [];
    let small = 0;
    for (const [key, group] of [...groups.entries()].sort(
      (a, b) => rankOf(order, a[0]) - rankOf(order, b[0]),
    )) {
      if (group.voters.size < IdeaLimits.typologyMinVoters) {
        small += group.voters.size;
        continue;
      }
      const fit = fitBradleyTerry(ideas.length, group.comparisons, {
        initial: ideas.map((i) => i.strength),
        tolerance: 1e-6,
        maxIterations: 2000,
      });
      result.push({
        typologyKey: key,
        label: key === null ? 'Sans typologie ou anonyme' : (labels.get(key) ?? key),
        votersCount: group.voters.size,
        comparisonsCount: group.total,
        scores: ideas.map((idea, i) => ({
          ideaId: idea.id,
          score: clampScore(fit.scores[i]),
          scoreLow: clampScore(fit.scoreLow[i]),
          scoreHigh: clampScore(fit.scoreHigh[i]),
          comparisons: fit.comparisons[i],
        })),
      });
    }
    return { groups: result, small };
  }
}

/** Scores are stored with a CHECK of 0–100: rounding noise is clamped. */
function clampScore(value: number): number {
  return Math.min(100, Math.max(0, value));
}

/** Position of a typology in the organization's order; voters without one come last. */
function rankOf(order: string[], key: string | null): number {
  const i = key === null ? -1 : order.indexOf(key);
  return i < 0 ? order.length + 1 : i;
}
