import { IdeaVoteChoice } from '@concerto/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/access/request-context';
import { inTransaction, queryRows } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { UUID_PATTERN } from '../../platform/component-resource';
import { ActionLogService } from '../action-log/action-log.service';
import { IdeaPairDto, IdeaVoteResultDto } from './dtos/idea.dto';
import { IdeaScoringService } from './idea-scoring.service';
import { IDEA_COLUMNS, IdeaRow, IdeaService, toIdeaDto, VisibleBox } from './idea.service';
import { selectPair } from './ranking/pair-selection';

/**
 * Who votes: the signed-in viewer, or else the browser's anonymous token (from its httpOnly
 * cookie). `issueToken` sets a new cookie and returns its token; it is called only when an
 * anonymous browser must become a voter (the box allows anonymous voting).
 */
export interface VoterIdentity {
  viewer: Viewer | null;
  token: string | null;
  issueToken: () => string;
}

interface PairRow {
  id: string;
  box_id: string;
  voter_id: string;
  left_idea_id: string;
  right_idea_id: string;
  choice: IdeaVoteChoice | null;
}

const NOT_SHOWN = 'Cette paire d’idées ne vous a pas été présentée : votez sur la paire affichée.';
const NOT_SHOWN_EN = 'This pair of ideas was not shown to you: vote on the pair displayed.';
/** The refusal of a pair the voter was not shown (or that was dropped since). */
const notShown = () =>
  DomainError.badInput(NOT_SHOWN, { field: 'pairId', reason: 'PAIR_NOT_SHOWN' }).inEnglish(
    NOT_SHOWN_EN,
  );

/** SHA-256 (hex) of an anonymous voter's token: what the database keeps. */
export function hashVoterToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The pairwise booth of a Boîte à idées: which pair a voter sees next, and the answers.
 *
 * - A pair is recorded when shown (`idea_pairs`); a vote is accepted only on a pair shown to that
 *   voter, once: one `UPDATE … WHERE voter_id = $me AND answered_at IS NULL` (answering twice at
 *   once records one vote; the same answer again is idempotent, another one is a CONFLICT).
 * - A voter has at most one open pair per box (partial unique index `idea_pairs_one_open`):
 *   asking again returns it, so reloading the page shows the same pair.
 * - The next pair is drawn by {@link selectPair}: ideas with few comparisons and wide intervals
 *   more often, never the pair the voter just answered.
 */
@Injectable()
export class IdeaBoothService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ideas: IdeaService,
    private readonly scoring: IdeaScoringService,
    private readonly actionLog: ActionLogService,
  ) {}

  /** Uniform numbers in [0, 1) for the pair draw (tests may put a seeded generator here). */
  random: () => number = Math.random;

  /**
   * The pair to show the caller: their open pair if any, else a new one drawn and recorded.
   * Caller: signed-in users; anyone (one browser = one voter) when the box allows anonymous voting.
   * @returns the pair, or null while the box has fewer than two published ideas to pair
   * @throws NOT_FOUND box invisible or unpublished; UNAUTHENTICATED anonymous voting is off
   */
  async nextPair(boxId: string, identity: VoterIdentity): Promise<IdeaPairDto | null> {
    const box = await this.ideas.visibleBox(boxId, identity.viewer, undefined, 'boxId', false);
    this.requireVoting(box, identity);
    const voterId = await this.ensureVoter(identity);
    return this.pairFor(box, voterId, identity.viewer);
  }

  /**
   * Records the caller's answer to a pair they were shown, then gives the next pair.
   * Caller: as {@link nextPair}.
   * @throws BAD_USER_INPUT (field `pairId`, reason PAIR_NOT_SHOWN) unknown pair or one shown to someone else;
   *         CONFLICT (reason PAIR_ALREADY_ANSWERED) the pair was answered with another choice;
   *         UNAUTHENTICATED anonymous voting is off; NOT_FOUND box invisible
   */
  async vote(
    pairId: string,
    choice: IdeaVoteChoice,
    identity: VoterIdentity,
  ): Promise<IdeaVoteResultDto> {
    if (!UUID_PATTERN.test(String(pairId))) throw notShown();
    if (!Object.values(IdeaVoteChoice).includes(choice))
      throw DomainError.badInput('Choix inconnu.', { field: 'choice' }).inEnglish(
        'Unknown choice.',
      );
    const [shown] = await queryRows<PairRow>(
      this.dataSource.manager,
      `SELECT id, box_id, voter_id, left_idea_id, right_idea_id, choice FROM idea_pairs WHERE id = $1`,
      [pairId],
    );
    if (!shown) throw notShown();
    const box = await this.ideas.visibleBox(
      shown.box_id,
      identity.viewer,
      undefined,
      'boxId',
      false,
    );
    this.requireVoting(box, identity);
    const voterId = await this.findVoter(identity);
    if (voterId === null || voterId !== shown.voter_id) throw notShown();

    const recorded = await inTransaction(this.dataSource, async (manager) => {
      const [answered] = await queryRows<PairRow>(
        manager,
        `UPDATE idea_pairs SET choice = $3, answered_at = now() WHERE id = $1 AND voter_id = $2 AND answered_at IS NULL
         RETURNING id, box_id, voter_id, left_idea_id, right_idea_id, choice`,
        [pairId, voterId, choice],
      );
      if (!answered) return false;
      if (choice === IdeaVoteChoice.LEFT || choice === IdeaVoteChoice.RIGHT) {
        const winner =
          choice === IdeaVoteChoice.LEFT ? answered.left_idea_id : answered.right_idea_id;
        const loser =
          choice === IdeaVoteChoice.LEFT ? answered.right_idea_id : answered.left_idea_id;
        // lock order: by id, so two votes on the same two ideas cannot deadlock
        for (const id of [winner, loser].sort()) {
          await manager.query(
            `UPDATE ideas SET wins = wins + $2, losses = losses + $3 WHERE id = $1`,
            [id, id === winner ? 1 : 0, id === winner ? 0 : 1],
          );
        }
      }
      await this.actionLog.record(manager, {
        userId: identity.viewer?.user.id ?? null,
        action: 'vote',
        resourceType: 'idea_box',
        resourceId: box.row.id,
        spaceId: box.row.space_id,
        visibility: 'ADMIN_ONLY',
        summary: 'Réponse dans la boîte à idées',
      });
      return true;
    });
    if (!recorded) {
      const [again] = await queryRows<PairRow>(
        this.dataSource.manager,
        `SELECT choice FROM idea_pairs WHERE id = $1`,
        [pairId],
      );
      if (!again) throw notShown(); // dropped (an idea was rejected)
      if (again.choice !== choice)
        throw DomainError.conflict('Vous avez déjà répondu à cette paire.', {
          field: 'pairId',
          reason: 'PAIR_ALREADY_ANSWERED',
        }).inEnglish('You have already answered this pair.');
    } else if (choice === IdeaVoteChoice.LEFT || choice === IdeaVoteChoice.RIGHT) {
      this.scoring.schedule(box.row.id);
    }
    return { pairId, choice, next: await this.pairFor(box, voterId, identity.viewer, shown) };
  }

  /** UNAUTHENTICATED when an anonymous caller votes in a box that does not allow it. */
  private requireVoting(box: VisibleBox, identity: VoterIdentity): void {
    if (!identity.viewer && !box.settings.anonymousVotingEnabled)
      throw DomainError.unauthenticated(
        'Connectez-vous pour participer à cette boîte à idées.',
      ).inEnglish('Sign in to take part in this idea box.');
    if (box.row.published_at === null)
      throw DomainError.notFound('Boîte à idées', { id: box.row.id }).inEnglish(
        'Idea box not found.',
      );
  }

  /** The voter row of the caller, or null (never created here). */
  private async findVoter(
    identity: VoterIdentity,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    if (identity.viewer) {
      const [row] = await manager.query(`SELECT id FROM idea_voters WHERE user_id = $1`, [
        identity.viewer.user.id,
      ]);
      return row?.id ?? null;
    }
    if (!identity.token) return null;
    const [row] = await manager.query(`SELECT id FROM idea_voters WHERE token_hash = $1`, [
      hashVoterToken(identity.token),
    ]);
    return row?.id ?? null;
  }

  /** The voter row of the caller, created on first use (an anonymous browser gets its cookie then). */
  private async ensureVoter(identity: VoterIdentity): Promise<string> {
    const existing = await this.findVoter(identity);
    if (existing) return existing;
    const [column, value] = identity.viewer
      ? ['user_id', identity.viewer.user.id]
      : ['token_hash', hashVoterToken(identity.issueToken())];
    await this.dataSource.query(
      `INSERT INTO idea_voters (${column}) VALUES ($1) ON CONFLICT DO NOTHING`,
      [value],
    );
    const [row] = await this.dataSource.query(`SELECT id FROM idea_voters WHERE ${column} = $1`, [
      value,
    ]);
    return row.id;
  }

  /**
   * The voter's open pair in the box, else a new one drawn and recorded (null when no pair can be made).
   * @param lastShown the pair the voter just answered, when known (saves reading it)
   */
  private async pairFor(
    box: VisibleBox,
    voterId: string,
    viewer: Viewer | null,
    lastShown: { left_idea_id: string; right_idea_id: string } | null = null,
  ): Promise<IdeaPairDto | null> {
    const manager = this.dataSource.manager;
    for (let attempt = 0; attempt < 3; attempt++) {
      const open = await this.openPair(manager, box.row.id, voterId, viewer);
      if (open) return open;
      const candidates = await this.ideas.boothCandidates(box.row.id, attempt > 0);
      const [last] =
        lastShown && attempt === 0
          ? [lastShown]
          : await manager.query(
              `SELECT left_idea_id, right_idea_id FROM idea_pairs WHERE voter_id = $1 AND box_id = $2 ORDER BY shown_at DESC LIMIT 1`,
              [voterId, box.row.id],
            );
      const index = new Map(candidates.map((c, i) => [c.id, i]));
      const avoid: [number, number] | null =
        last && index.has(last.left_idea_id) && index.has(last.right_idea_id)
          ? [index.get(last.left_idea_id)!, index.get(last.right_idea_id)!]
          : null;
      const pick = selectPair(
        candidates.map((c) => ({ comparisons: c.comparisons, intervalWidth: c.width })),
        { random: this.random, avoid },
      );
      if (!pick) return null;
      const [leftId, rightId] = [candidates[pick[0]].id, candidates[pick[1]].id];
      // a concurrent request of the same voter may have opened a pair first: then the next turn shows that one
      const inserted = await manager.query(
        `INSERT INTO idea_pairs (box_id, voter_id, left_idea_id, right_idea_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (box_id, voter_id) WHERE answered_at IS NULL DO NOTHING RETURNING id`,
        [box.row.id, voterId, leftId, rightId],
      );
      if (inserted.length) {
        const shown = await this.pairDto(
          manager,
          { id: inserted[0].id, left_idea_id: leftId, right_idea_id: rightId },
          viewer,
        );
        if (shown) return shown;
      }
    }
    return this.openPair(manager, box.row.id, voterId, viewer);
  }

  /** The voter's unanswered pair with both ideas, if both are still in the booth; a stale one is dropped. */
  private async openPair(
    manager: EntityManager,
    boxId: string,
    voterId: string,
    viewer: Viewer | null,
  ): Promise<IdeaPairDto | null> {
    const [pair] = await queryRows<PairRow>(
      manager,
      `SELECT id, left_idea_id, right_idea_id FROM idea_pairs WHERE box_id = $1 AND voter_id = $2 AND answered_at IS NULL`,
      [boxId, voterId],
    );
    return pair ? this.pairDto(manager, pair, viewer) : null;
  }

  /** A shown pair with its two ideas; null (and the pair dropped, if still open) when one left the booth meanwhile. */
  private async pairDto(
    manager: EntityManager,
    pair: Pick<PairRow, 'id' | 'left_idea_id' | 'right_idea_id'>,
    viewer: Viewer | null,
  ): Promise<IdeaPairDto | null> {
    const rows = await queryRows<IdeaRow>(
      manager,
      `SELECT ${IDEA_COLUMNS} FROM ideas i WHERE i.id = ANY($1::uuid[]) AND i.status = 'PUBLISHED' AND i.hidden_at IS NULL`,
      [[pair.left_idea_id, pair.right_idea_id]],
    );
    const left = rows.find((r) => r.id === pair.left_idea_id);
    const right = rows.find((r) => r.id === pair.right_idea_id);
    if (!left || !right) {
      await manager.query(`DELETE FROM idea_pairs WHERE id = $1 AND answered_at IS NULL`, [
        pair.id,
      ]);
      return null;
    }
    return { id: pair.id, left: toIdeaDto(left, viewer), right: toIdeaDto(right, viewer) };
  }
}
