/**
 * SINGLE questions: plurality (first past the post) — each ballot names one option, and options
 * are ranked by the (weighted) number of ballots naming them.
 *
 * Source: the textbook definition, e.g. W. D. Wallis, *The Mathematics of Elections and Voting*,
 * Springer 2014, ch. 2 ("Simple Elections": plurality voting); and for MULTIPLE, approval
 * voting, S. J. Brams & P. C. Fishburn, "Approval Voting", *American Political Science Review*
 * 72(3), 1978, 831–847: each voter approves any number of options (here between a minimum and a
 * maximum), and the option approved by most voters wins.
 *
 * Both are a count per option, accumulated ballot by ballot: memory is one integer per option,
 * whatever the number of ballots. Ties are reported, never broken at random (a recount from
 * the published file must give the same result).
 */
import type { OptionCountResult } from '@concerto/domain';
import { groupBy, checkedAdd, checkedWeight } from './ranking';

export type { OptionCountResult };

/**
 * Accumulator for plurality (SINGLE) and approval (MULTIPLE) counting.
 * `add` takes the options a ballot names (already checked by `normalizeChoice`) and its weight
 * (a positive integer; 1 per voter, or an Assemblée weight in thousandths).
 */
export class OptionCountTally {
  private readonly counts: number[];
  private readonly index: Map<string, number>;
  private ballots = 0;
  private totalWeight = 0;

  constructor(
    private readonly method: 'SINGLE' | 'MULTIPLE',
    private readonly optionIds: readonly string[],
  ) {
    this.counts = optionIds.map(() => 0);
    this.index = new Map(optionIds.map((id, i) => [id, i]));
  }

  add(optionIds: readonly string[], weight = 1): void {
    checkedWeight(weight);
    for (const id of optionIds) {
      const i = this.index.get(id);
      if (i === undefined) throw new Error(`unknown option ${id}`);
      this.counts[i] = checkedAdd(this.counts[i], weight);
    }
    this.ballots++;
    this.totalWeight = checkedAdd(this.totalWeight, weight);
  }

  result(): OptionCountResult {
    const ranking = groupBy(
      this.optionIds,
      (a, b) => this.counts[this.index.get(b)!] - this.counts[this.index.get(a)!],
    );
    return {
      method: this.method,
      ballots: this.ballots,
      totalWeight: this.totalWeight,
      counts: Object.fromEntries(this.optionIds.map((id, i) => [id, this.counts[i]])),
      ranking,
      winners: this.ballots ? ranking[0] : [],
    };
  }
}
