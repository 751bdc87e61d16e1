/**
 * A debate's votes kept in memory between two analyses, with the sufficient statistics of the
 * PCA's XᵀX, so that a recomputation can apply only the votes changed since the last one
 * (issue 19, incremental analysis).
 *
 * With mᵢₐ = 1 when participant i cast agree/disagree on statement a (0 for a pass or no vote)
 * and xᵢₐ = the vote (±1, 0 when mᵢₐ = 0), three S × S integer matrices are kept:
 * G = Σᵢ xᵢₐ xᵢ_b, N = Σᵢ mᵢₐ mᵢ_b and T = Σᵢ xᵢₐ mᵢ_b. The column means of the PCA's imputation are
 * c_a = T_aa ÷ N_aa, and the centred, imputed XᵀX of `pca.ts` is
 * (XᵀX)_ab = Σᵢ mᵢₐ mᵢ_b (xᵢₐ − c_a)(xᵢ_b − c_b) = G_ab − c_b T_ab − c_a T_ba + c_a c_b N_ab.
 * Changing one vote of participant i on statement a is a rank-one update of G, N and T over the
 * statements i voted on (O(votes of i)); the means change with it and are applied when XᵀX is
 * formed (O(S²)), so no vote is ever re-read. The statistics are integers: exact, whatever the order
 * of the updates.
 *
 * The votes themselves are kept dense (one byte per participant × statement), which the tallies
 * and the projection need; `toMatrix` hands them out as the sparse {@link VoteMatrix} with the
 * participants in id order, the same order whichever way the votes arrived.
 */
import type { VoteMatrix } from './vote-matrix';

const UNSEEN = -128;

export class VoteStatistics {
  /** Participant ids, in arrival order (the rows of `cells`). */
  private readonly participants: string[] = [];
  private readonly rowOf = new Map<string, number>();
  private cells: Int8Array;
  private readonly g: Int32Array;
  private readonly n: Int32Array;
  private readonly t: Int32Array;
  private readonly S: number;
  /** Votes held (passes included). */
  voteCount = 0;

  constructor(readonly statements: readonly string[]) {
    this.S = statements.length;
    this.cells = new Int8Array(Math.max(1, 64 * this.S)).fill(UNSEEN);
    this.g = new Int32Array(this.S * this.S);
    this.n = new Int32Array(this.S * this.S);
    this.t = new Int32Array(this.S * this.S);
  }

  /** Bytes held (the votes and the three statistics). */
  get bytes(): number {
    return this.cells.byteLength + 3 * this.g.byteLength;
  }

  get participantCount(): number {
    return this.participants.length;
  }

  /**
   * Loads whole participants' votes (a full read) into an empty instance: one pass per row over
   * its agree/disagree votes, Σ (votes per participant)² updates. Indices outside the statements
   * are ignored; a repeated index keeps the last value.
   */
  load(
    rows: readonly { participant: string; cols: ArrayLike<number>; vals: ArrayLike<number> }[],
  ): void {
    const S = this.S;
    const cols = new Int32Array(S);
    const xs = new Int32Array(S);
    for (const r of rows) {
      const i = this.row(r.participant);
      const base = i * S;
      for (let k = 0; k < r.cols.length; k++) {
        const j = r.cols[k];
        if (!(j >= 0 && j < S)) continue;
        if (this.cells[base + j] === UNSEEN) this.voteCount++;
        this.cells[base + j] = Math.sign(r.vals[k]);
      }
      let m = 0;
      for (let j = 0; j < S; j++) {
        const v = this.cells[base + j];
        if (v === 1 || v === -1) {
          cols[m] = j;
          xs[m] = v;
          m++;
        }
      }
      for (let a = 0; a < m; a++) {
        const row = cols[a] * S;
        const xa = xs[a];
        for (let b = 0; b < m; b++) {
          const cell = row + cols[b];
          this.g[cell] += xa * xs[b];
          this.n[cell] += 1;
          this.t[cell] += xa;
        }
      }
    }
  }

  /** Sets (or, with null, removes) one vote and updates the statistics: O(statements). */
  set(participant: string, j: number, value: number | null): void {
    if (!(j >= 0 && j < this.S)) return;
    const i = this.row(participant);
    const at = i * this.S + j;
    const old = this.cells[at];
    const next = value === null ? UNSEEN : Math.sign(value);
    if (old === next) return;
    if (old === 1 || old === -1) this.update(i, j, old, -1);
    this.cells[at] = next;
    if (next === 1 || next === -1) this.update(i, j, next, 1);
    if (old === UNSEEN) this.voteCount++;
    if (next === UNSEEN) this.voteCount--;
  }

  /** Adds (sign 1) or removes (sign −1) the products of vote x of row i on statement j with the row's other agree/disagree votes. */
  private update(i: number, j: number, x: number, sign: number): void {
    const S = this.S;
    const base = i * S;
    for (let k = 0; k < S; k++) {
      const y = this.cells[base + k];
      if (k === j || !(y === 1 || y === -1)) continue;
      const jk = j * S + k;
      const kj = k * S + j;
      this.g[jk] += sign * x * y;
      this.g[kj] += sign * x * y;
      this.n[jk] += sign;
      this.n[kj] += sign;
      this.t[jk] += sign * x;
      this.t[kj] += sign * y;
    }
    const jj = j * S + j;
    this.g[jj] += sign;
    this.n[jj] += sign;
    this.t[jj] += sign * x;
  }

  /** Column means of the agree/disagree votes (0 when none), as `columnMeans` in `pca.ts`. */
  center(): Float64Array {
    const S = this.S;
    const c = new Float64Array(S);
    for (let j = 0; j < S; j++) {
      const count = this.n[j * S + j];
      c[j] = count > 0 ? this.t[j * S + j] / count : 0;
    }
    return c;
  }

  /** The centred, imputed XᵀX (S × S, row-major) that `pca.ts` would form from the votes: O(S²). */
  centredGram(): Float64Array {
    const S = this.S;
    const c = this.center();
    const out = new Float64Array(S * S);
    for (let a = 0; a < S; a++)
      for (let b = 0; b < S; b++) {
        const ab = a * S + b;
        out[ab] =
          this.g[ab] - c[b] * this.t[ab] - c[a] * this.t[b * S + a] + c[a] * c[b] * this.n[ab];
      }
    return out;
  }

  /** The votes as a sparse matrix, participants in id order (those with no vote left out). O(participants × statements). */
  toMatrix(): VoteMatrix {
    const S = this.S;
    const order = this.participants
      .map((id, row) => ({ id, row }))
      .sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
    const rowStart = new Int32Array(order.length + 1);
    const seen = new Int32Array(order.length);
    const cols = new Int32Array(this.voteCount);
    const vals = new Int8Array(this.voteCount);
    const participants: string[] = [];
    let k = 0;
    for (const { id, row } of order) {
      const base = row * S;
      const start = k;
      for (let j = 0; j < S; j++) {
        const v = this.cells[base + j];
        if (v === UNSEEN) continue;
        cols[k] = j;
        vals[k] = v;
        k++;
      }
      if (k === start) continue;
      seen[participants.length] = k - start;
      rowStart[participants.length] = start;
      participants.push(id);
    }
    rowStart[participants.length] = k;
    return {
      participants,
      statements: [...this.statements],
      rowStart: rowStart.subarray(0, participants.length + 1),
      cols,
      vals,
      seen: seen.subarray(0, participants.length),
    };
  }

  private row(participant: string): number {
    let i = this.rowOf.get(participant);
    if (i !== undefined) return i;
    i = this.participants.push(participant) - 1;
    this.rowOf.set(participant, i);
    if ((i + 1) * this.S > this.cells.length) {
      const grown = new Int8Array(Math.max(this.cells.length * 2, (i + 1) * this.S)).fill(UNSEEN);
      grown.set(this.cells);
      this.cells = grown;
    }
    return i;
  }
}
