/**
 * The whole analysis of a debate's votes, Pol.is-style: vote matrix → 2-D PCA → k-means
 * groups (k by silhouette, 2–5) → per group representative statements → group-informed
 * consensus → divisive statements. Pure: votes in, numbers out; the API stores the result as a
 * snapshot and never shows participant ids (only anonymous points).
 *
 * Sources: `compdemocracy/polis` `math/src/polismath/math/conversation.clj` (the pipeline, the
 * in-conversation rule, group-aware consensus), `pca.clj`, `clusters.clj`, `repness.clj`; the
 * modules beside this one cite the details.
 */
import { type Clustering, clusterBySilhouette } from './kmeans';
import { pca2, type PcaStats } from './pca';
import {
  divisiveness,
  groupInformedConsensus,
  type Representative,
  representativeStatements,
  type Tally,
} from './repness';
import type { VoteMatrix } from './vote-matrix';

/** Options of {@link analyseOpinions}. */
export interface AnalysisOptions {
  /** Seed of k-means++ and the silhouette sample (same votes + same seed → same groups). */
  seed?: number;
  /**
   * Votes (passes included) a participant needs to be clustered; capped at the number of
   * statements. Default 7, Pol.is' threshold (`conversation.clj`, `in-conv`). Others are still
   * projected on the map but belong to no group.
   */
  minVotes?: number;
  minGroups?: number;
  maxGroups?: number;
  representativeLimit?: number;
  consensusLimit?: number;
  divisiveLimit?: number;
  /** The previous analysis' components over the same statements: the PCA resumes from them (incremental recomputation). */
  startAxes?: [Float64Array | null, Float64Array | null];
  /** XᵀX already formed from statistics kept between runs (`VoteStatistics.centredGram`), passed to the PCA. */
  gram?: Float64Array;
}

/** One opinion group. */
export interface OpinionGroup {
  /** 0-based, largest group first. */
  id: number;
  size: number;
  centroid: [number, number];
  representatives: Representative[];
}

/** A statement's counts, overall and per group. */
export interface StatementStatistics {
  statement: number;
  agree: number;
  disagree: number;
  pass: number;
  /** Per group (same order as `groups`): agree, disagree, seen. */
  groups: Tally[];
  /** Group-informed consensus (product of smoothed agreement rates), 0 when no group saw it. */
  consensus: number;
  divisiveness: number;
}

/** The result of {@link analyseOpinions}. Indices refer to the matrix's participants and statements. */
export interface OpinionAnalysis {
  participantCount: number;
  clusteredCount: number;
  statementCount: number;
  voteCount: number;
  /** Mean silhouette of the chosen clustering (−1 … 1), null when there are no groups. */
  silhouette: number | null;
  /** Coordinates: participant i at (points[2i], points[2i+1]). */
  points: Float64Array;
  /** Group of each participant, −1 when left out of the clustering (too few votes). */
  groupOf: Int8Array;
  groups: OpinionGroup[];
  statements: StatementStatistics[];
  /** Statement indices, highest group-informed consensus first. */
  consensus: number[];
  /** Statement indices, most divisive first (only with two groups or more). */
  divisive: number[];
  /** The two components (loadings per statement): the map's axes, kept to resume the next run from. */
  axes: [Float64Array, Float64Array];
  pca: PcaStats;
}

/**
 * Runs the analysis. Time O(iterations × votes + 4 × k-means + silhouette sample²), memory
 * O(participants + statements × groups) besides the matrix.
 */
export function analyseOpinions(m: VoteMatrix, options: AnalysisOptions = {}): OpinionAnalysis {
  const P = m.participants.length;
  const S = m.statements.length;
  const seed = options.seed ?? 1;
  const minVotes = Math.min(options.minVotes ?? 7, Math.max(S, 1));
  const projection = pca2(m, { start: options.startAxes, gram: options.gram });
  const points = projection.points;

  const clustered: number[] = [];
  for (let i = 0; i < P; i++) if (m.seen[i] >= minVotes) clustered.push(i);
  const groupOf = new Int8Array(P).fill(-1);
  let groups: OpinionGroup[] = [];
  let score: number | null = null;
  const sub = new Float64Array(2 * clustered.length);
  clustered.forEach((i, n) => {
    sub[2 * n] = points[2 * i];
    sub[2 * n + 1] = points[2 * i + 1];
  });
  const chosen =
    clustered.length >= 4
      ? clusterBySilhouette(sub, {
          minK: options.minGroups ?? 2,
          maxK: options.maxGroups ?? 5,
          seed,
        })
      : null;
  if (chosen) {
    score = chosen.silhouette;
    const order = stableGroupOrder(chosen.clustering);
    const rename = new Int32Array(chosen.clustering.k);
    order.forEach((c, newId) => (rename[c] = newId));
    clustered.forEach((i, n) => (groupOf[i] = rename[chosen.clustering.labels[n]]));
    groups = order.map((c, id) => ({
      id,
      size: 0,
      centroid: [chosen.clustering.centroids[2 * c], chosen.clustering.centroids[2 * c + 1]],
      representatives: [],
    }));
    for (const i of clustered) groups[groupOf[i]].size++;
    groups = groups.filter((g) => g.size > 0);
  }

  // Tallies per group (clustered participants) and overall (everyone).
  const G = groups.length;
  const tallies: Tally[][] = Array.from({ length: G }, () =>
    Array.from({ length: S }, () => ({ agree: 0, disagree: 0, seen: 0 })),
  );
  const totals = Array.from({ length: S }, () => ({ agree: 0, disagree: 0, pass: 0 }));
  for (let i = 0; i < P; i++) {
    const g = groupOf[i];
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) {
      const j = m.cols[k];
      const v = m.vals[k];
      if (v === 1) totals[j].agree++;
      else if (v === -1) totals[j].disagree++;
      else totals[j].pass++;
      if (g < 0) continue;
      const t = tallies[g][j];
      t.seen++;
      if (v === 1) t.agree++;
      else if (v === -1) t.disagree++;
    }
  }
  for (const g of groups)
    g.representatives = representativeStatements(tallies, g.id, options.representativeLimit ?? 5);

  const statements: StatementStatistics[] = totals.map((t, j) => {
    const perGroup = tallies.map((row) => row[j]);
    const seenByGroups = perGroup.some((x) => x.seen > 0);
    return {
      statement: j,
      ...t,
      groups: perGroup,
      consensus: seenByGroups ? groupInformedConsensus(perGroup) : 0,
      divisiveness: seenByGroups ? divisiveness(perGroup) : 0,
    };
  });
  const consensus = statements
    .filter((s) => s.consensus > 0)
    .sort((a, b) => b.consensus - a.consensus || a.statement - b.statement)
    .slice(0, options.consensusLimit ?? 10)
    .map((s) => s.statement);
  const divisive =
    G < 2
      ? []
      : statements
          .filter((s) => s.divisiveness > 0)
          .sort((a, b) => b.divisiveness - a.divisiveness || a.statement - b.statement)
          .slice(0, options.divisiveLimit ?? 10)
          .map((s) => s.statement);

  return {
    participantCount: P,
    clusteredCount: clustered.length,
    statementCount: S,
    voteCount: m.cols.length,
    silhouette: score,
    points,
    groupOf,
    groups,
    statements,
    consensus,
    divisive,
    axes: projection.components,
    pca: projection.stats,
  };
}

/** Cluster order for display: largest first, then leftmost centre (so ids do not depend on k-means' internal labels). */
function stableGroupOrder(c: Clustering): number[] {
  const sizes = new Int32Array(c.k);
  for (const l of c.labels) sizes[l]++;
  return Array.from({ length: c.k }, (_, i) => i).sort(
    (a, b) =>
      sizes[b] - sizes[a] ||
      c.centroids[2 * a] - c.centroids[2 * b] ||
      c.centroids[2 * a + 1] - c.centroids[2 * b + 1],
  );
}
