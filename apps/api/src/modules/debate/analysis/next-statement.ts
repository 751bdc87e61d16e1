/**
 * Which statement to show a participant next.
 *
 * Rule, in order:
 * 1. **Unseen only**: never a statement the participant already voted on (a pass counts as
 *    seen) nor one of their own (they wrote it: they agree).
 * 2. **Few votes first**: a statement with fewer than `settleVotes` votes (default 7, the number
 *    of votes Pol.is asks of a participant before placing them) comes before all others, fewest
 *    first. A new statement cannot be placed on the map, nor count for consensus, until a few
 *    people from several groups have voted on it; without this rule the first statements would
 *    gather every vote and late ones would never catch up (the same concern as Salganik & Levy's
 *    wiki surveys, and Pol.is' `priority-metric` in `conversation.clj`, which boosts statements
 *    with few votes by 1 + 8·2^(−votes/5)).
 * 3. **Then divisive first**: among settled statements, the highest divisiveness in the latest
 *    analysis (groups disagree most): these are the votes that tell the groups apart and place
 *    the participant on the map with the fewest questions.
 * 4. Ties: fewer votes, then older (creation order), so the choice is deterministic.
 */

/** One candidate statement. */
export interface NextCandidate {
  id: string;
  /** Votes cast on it so far (passes included). */
  votes: number;
  /** From the latest analysis snapshot; 0 when unknown. */
  divisiveness: number;
  /** Creation order (smaller = older). */
  order: number;
}

/** Sort key rank of the rule above; the first element of the returned array is the next statement. */
export function rankNextStatements(
  candidates: readonly NextCandidate[],
  settleVotes = 7,
): NextCandidate[] {
  return [...candidates].sort((a, b) => {
    const aNew = a.votes < settleVotes;
    const bNew = b.votes < settleVotes;
    if (aNew !== bNew) return aNew ? -1 : 1;
    if (aNew) return a.votes - b.votes || a.order - b.order;
    return b.divisiveness - a.divisiveness || a.votes - b.votes || a.order - b.order;
  });
}
