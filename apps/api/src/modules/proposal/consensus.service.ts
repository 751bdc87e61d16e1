import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/unit-of-work';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { type ProposalReactionTriple, rankByConsensus } from './ordering/consensus-ranking';

/** A component's frozen CONSENSUS ranking: proposals at positions below `size` are ranked 0…size−1; later ones follow in creation order. */
export interface ConsensusSnapshot {
  id: string;
  version: number;
  size: number;
}

/**
 * Snapshots of the CONSENSUS order (`ordering/consensus-ranking.ts`), stored in
 * `proposal_consensus_snapshots` / `proposal_consensus_ranks`.
 *
 * A first page reads the latest snapshot, recomputing it when the reactions or proposals changed
 * since (a signature of counts and latest timestamps) and it is older than
 * {@link intervalSeconds} — so the analysis runs at most once per interval and component, under a
 * per-component advisory lock (one process computes, the others wait and reuse it). Paging
 * cursors carry the snapshot's version: the next pages continue on that snapshot even after a
 * recomputation, so paging never repeats or skips. Superseded snapshots are kept
 * {@link retentionSeconds}; a cursor naming one pruned since gets BAD_USER_INPUT (field `after`,
 * `reason: 'consensusSnapshotExpired'`) and the client starts again from the first page.
 */
@Injectable()
export class ConsensusService {
  /** Minimum seconds between two recomputations of one component's ranking (`PROPOSAL_CONSENSUS_INTERVAL_SECONDS`, default 30). */
  intervalSeconds: number;
  /** How long a superseded snapshot stays readable by cursors (default one day). */
  retentionSeconds = 24 * 3600;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.intervalSeconds = config.PROPOSAL_CONSENSUS_INTERVAL_SECONDS;
  }

  /**
   * The snapshot a first CONSENSUS page starts from: the latest one, recomputed first when stale.
   * @param componentId a PROPOSALS component (checked by the caller)
   */
  async current(componentId: string): Promise<ConsensusSnapshot> {
    const fresh = await this.freshLatest(this.dataSource, componentId);
    if (fresh) return fresh;
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `proposal-consensus:${componentId}`,
      ]);
      const again = await this.freshLatest(manager, componentId);
      if (again) return again;
      const proposals: { id: string; supports_count: number }[] = await manager.query(
        `SELECT id, supports_count FROM proposals WHERE component_id = $1 ORDER BY position_index`,
        [componentId],
      );
      const reactions: ProposalReactionTriple[] = await manager.query(
        `SELECT user_id AS participant, proposal_id AS proposal, 1 AS value FROM proposal_supports WHERE component_id = $1
         UNION ALL SELECT user_id, proposal_id, -1 FROM proposal_disagreements WHERE component_id = $1`,
        [componentId],
      );
      const signature = await this.signature(manager, componentId);
      const result = rankByConsensus(
        proposals.map((p) => ({ id: p.id, supportsCount: p.supports_count })),
        reactions.map((r) => ({ ...r, value: Number(r.value) as 1 | -1 })),
      );
      const [{ id, version }] = await manager.query(
        `INSERT INTO proposal_consensus_snapshots (component_id, version, size, signature, participant_count, clustered_count, group_count)
         SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6 FROM proposal_consensus_snapshots WHERE component_id = $1
         RETURNING id, version`,
        [
          componentId,
          proposals.length,
          signature,
          result.participantCount,
          result.clusteredCount,
          result.groupCount,
        ],
      );
      await manager.query(
        `INSERT INTO proposal_consensus_ranks (snapshot_id, rank, proposal_id, score)
         SELECT $1, r.ord - 1, r.proposal_id, r.score FROM unnest($2::uuid[], $3::float8[]) WITH ORDINALITY AS r(proposal_id, score, ord)`,
        [id, result.ranking.map((r) => r.id), result.ranking.map((r) => r.score)],
      );
      await manager.query(
        `DELETE FROM proposal_consensus_snapshots WHERE component_id = $1 AND version < $2 AND computed_at < now() - make_interval(secs => $3)`,
        [componentId, version, this.retentionSeconds],
      );
      return { id: String(id), version: Number(version), size: proposals.length };
    });
  }

  /**
   * The snapshot a cursor names.
   * @throws BAD_USER_INPUT (field `after`, reason `consensusSnapshotExpired`) pruned since
   */
  async byVersion(componentId: string, version: number): Promise<ConsensusSnapshot> {
    const [row] = await this.dataSource.query(
      `SELECT id, version, size FROM proposal_consensus_snapshots WHERE component_id = $1 AND version = $2`,
      [componentId, version],
    );
    if (!row) {
      throw DomainError.badInput(
        'Ce classement par consensus a été recalculé depuis : rechargez la liste depuis le début.',
        { field: 'after', reason: 'consensusSnapshotExpired' },
      ).inEnglish(
        'This consensus ranking has been recomputed since: reload the list from the start.',
      );
    }
    return { id: String(row.id), version: Number(row.version), size: Number(row.size) };
  }

  /** The latest snapshot when it is still fresh: nothing changed since, or computed less than the interval ago. */
  private async freshLatest(
    db: Pick<DataSource, 'query'>,
    componentId: string,
  ): Promise<ConsensusSnapshot | null> {
    const [latest] = await db.query(
      `SELECT id, version, size, signature, computed_at > now() - make_interval(secs => $2) AS recent
         FROM proposal_consensus_snapshots WHERE component_id = $1 ORDER BY version DESC LIMIT 1`,
      [componentId, this.intervalSeconds],
    );
    if (!latest) return null;
    if (!latest.recent && latest.signature !== (await this.signature(db, componentId))) return null;
    return { id: String(latest.id), version: Number(latest.version), size: Number(latest.size) };
  }

  /** What the ranking depends on: the proposals' count and each reaction table's count and latest row (a withdrawal lowers a count). */
  private async signature(db: Pick<DataSource, 'query'>, componentId: string): Promise<string> {
    const [row] = await db.query(
      `SELECT (SELECT count(*) FROM proposals WHERE component_id = $1) AS proposals,
              (SELECT count(*) || '/' || coalesce(max(created_at)::text, '') FROM proposal_supports WHERE component_id = $1) AS supports,
              (SELECT count(*) || '/' || coalesce(max(created_at)::text, '') FROM proposal_disagreements WHERE component_id = $1) AS disagreements`,
      [componentId],
    );
    return `${row.proposals}:${row.supports}:${row.disagreements}`;
  }
}
