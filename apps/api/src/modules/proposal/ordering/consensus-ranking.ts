/**
 * The CONSENSUS order of proposals: group-informed consensus across opinion groups, Pol.is-style.
 *
 * 1. The participant × proposal matrix: +1 for a support, −1 for a « pas d'accord », missing
 *    when the participant did neither (a proposal not reacted to says nothing about them).
 * 2. Opinion groups with the Débat's analysis (`common/opinion/opinion-analysis.ts`): PCA to two
 *    dimensions, k-means with k (2–5) chosen by silhouette, seeded so that the same reactions
 *    give the same groups. Participants with fewer than {@link CONSENSUS_MIN_REACTIONS}
 *    reactions are left out of the groups (Pol.is leaves out participants under 7 votes; a
 *    proposal list gathers fewer reactions per person than a debate, hence a lower bar).
 * 3. Each proposal's score is the product, over groups, of the group's smoothed agreement rate
 *    (agree + 1) / (seen + 2), "seen" = the group's members who reacted to it — Pol.is'
 *    group-aware consensus (`compdemocracy/polis`, `math/src/polismath/math/conversation.clj`,
 *    `group-aware-consensus`; `repness.clj`, `comment-stats`: pa = (1 + na)/(2 + ns)). It is high
 *    only when every group leans towards support, so a proposal backed across groups ("bridging",
 *    as Community Notes' `twitter/communitynotes` `documentation/ranking-notes.md` calls notes
 *    rated helpful by raters who usually disagree) outranks one backed massively by one group.
 *    A group that never reacted contributes ½ (no evidence either way).
 * 4. Without groups (fewer than 4 clustered participants), the score is the overall smoothed
 *    agreement rate (agree + 1) / (reactions + 2).
 *
 * Ties: more supports first, then the older proposal (position index), so the order is total.
 * Pure: reactions in, ranking out; the API freezes it in a snapshot (`consensus.service.ts`).
 */
import { analyseOpinions } from '../../../common/opinion/opinion-analysis';
import { agreeRate, groupInformedConsensus } from '../../../common/opinion/repness';
import { buildVoteMatrix, type VoteTriple } from '../../../common/opinion/vote-matrix';

/** Reactions a participant needs to be placed in an opinion group (capped at the number of proposals). */
export const CONSENSUS_MIN_REACTIONS = 3;

/** One proposal to rank, in position (creation) order. */
export interface RankedCandidate {
  id: string;
  supportsCount: number;
}

/** One participant's reaction: +1 support, −1 « pas d'accord ». */
export interface ProposalReactionTriple {
  participant: string;
  proposal: string;
  value: 1 | -1;
}

/** The result of {@link rankByConsensus}. */
export interface ConsensusRanking {
  /** Proposal ids with their score, best first (every candidate, once). */
  ranking: { id: string; score: number }[];
  participantCount: number;
  clusteredCount: number;
  groupCount: number;
}

/**
 * Ranks proposals by group-informed consensus (see the module's comment for the method and sources).
 * @param candidates every proposal to rank, in position order (the last tie-breaker)
 * @param reactions supports (+1) and « pas d'accord » (−1); reactions on other proposals are ignored
 * @param seed k-means++ seed (same reactions + same seed → same ranking)
 */
export function rankByConsensus(
  candidates: readonly RankedCandidate[],
  reactions: Iterable<ProposalReactionTriple>,
  seed = 1,
): ConsensusRanking {
  const ids = candidates.map((c) => c.id);
  const matrix = buildVoteMatrix(
    mapIterable(
      reactions,
      (r): VoteTriple => ({ participant: r.participant, statement: r.proposal, value: r.value }),
    ),
    ids,
  );
  const analysis = analyseOpinions(matrix, {
    seed,
    minVotes: CONSENSUS_MIN_REACTIONS,
    representativeLimit: 0,
    consensusLimit: 0,
    divisiveLimit: 0,
  });
  const grouped = analysis.groups.length > 0;
  const scores = analysis.statements.map((s) =>
    grouped
      ? groupInformedConsensus(s.groups)
      : agreeRate({ agree: s.agree, disagree: s.disagree, seen: s.agree + s.disagree + s.pass }),
  );
  const order = candidates
    .map((_, j) => j)
    .sort(
      (a, b) =>
        scores[b] - scores[a] || candidates[b].supportsCount - candidates[a].supportsCount || a - b,
    );
  return {
    ranking: order.map((j) => ({ id: ids[j], score: scores[j] })),
    participantCount: analysis.participantCount,
    clusteredCount: analysis.clusteredCount,
    groupCount: analysis.groups.length,
  };
}

function* mapIterable<A, B>(items: Iterable<A>, f: (a: A) => B): Iterable<B> {
  for (const item of items) yield f(item);
}
