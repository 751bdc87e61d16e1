/**
 * The participant × statement vote matrix of a debate, stored sparse (Pol.is' "rating matrix",
 * `compdemocracy/polis` `math/src/polismath/math/named_matrix.clj`, with our sign convention:
 * agree = +1, disagree = −1; Pol.is itself stores agree as −1).
 *
 * A pass and a statement never shown are both *missing*, not 0: a pass says "no opinion here",
 * which must not pull a participant towards the centre of the map as a neutral vote would.
 *
 * Pure and dependency-free: the API, the tests and `bench/debate-analysis.mjs` share it.
 */

/** One vote as stored: +1 agree, −1 disagree, 0 pass. */
export type VoteValue = 1 | -1 | 0;

/** One vote of one participant on one statement (ids are opaque strings). */
export interface VoteTriple {
  participant: string;
  statement: string;
  value: VoteValue;
}

/**
 * Sparse rows: participant `i`'s votes are `cols[rowStart[i] … rowStart[i+1])` (statement
 * indices, ascending) with values `vals[…]` (+1 agree, −1 disagree, 0 pass). The PCA treats a
 * pass as missing; the vote counts (representativeness, consensus) count it as seen, as Pol.is
 * counts `ns` ("seen") in `repness.clj`.
 */
export interface VoteMatrix {
  participants: string[];
  statements: string[];
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Int8Array;
  /** Per participant: statements voted on, passes included (= row length). */
  seen: Int32Array;
}

/**
 * Builds the matrix from vote triples. A later triple for the same (participant, statement)
 * replaces an earlier one (a changed vote). Statement order: as `statements` when given (then
 * votes on statements outside it are ignored, e.g. hidden ones), else first appearance.
 *
 * Cost: O(votes) time and memory.
 */
export function buildVoteMatrix(
  votes: Iterable<VoteTriple>,
  statements?: readonly string[],
): VoteMatrix {
  const statementIndex = new Map<string, number>();
  const statementList: string[] = [];
  const fixed = statements !== undefined;
  for (const s of statements ?? [])
    if (!statementIndex.has(s)) statementIndex.set(s, statementList.push(s) - 1);
  const participantIndex = new Map<string, number>();
  const participantList: string[] = [];
  // Last value per (participant, statement): key = i * S + j is not safe before S is known, so nest maps per row.
  const rows: Map<number, VoteValue>[] = [];
  for (const v of votes) {
    let j = statementIndex.get(v.statement);
    if (j === undefined) {
      if (fixed) continue;
      j = statementList.push(v.statement) - 1;
      statementIndex.set(v.statement, j);
    }
    let i = participantIndex.get(v.participant);
    if (i === undefined) {
      i = participantList.push(v.participant) - 1;
      participantIndex.set(v.participant, i);
      rows.push(new Map());
    }
    rows[i].set(j, v.value);
  }
  return fromRows(participantList, statementList, rows);
}

/**
 * Builds the matrix from dense integer-indexed votes (the benchmark's and tests' generator):
 * `value(i, j)` returns +1, −1, 0 (pass) or null (not seen).
 */
export function denseVoteMatrix(
  participantCount: number,
  statementCount: number,
  value: (i: number, j: number) => VoteValue | null,
): VoteMatrix {
  const rows: Map<number, VoteValue>[] = [];
  for (let i = 0; i < participantCount; i++) {
    const row = new Map<number, VoteValue>();
    for (let j = 0; j < statementCount; j++) {
      const v = value(i, j);
      if (v !== null) row.set(j, v);
    }
    rows.push(row);
  }
  return fromRows(
    Array.from({ length: participantCount }, (_, i) => `p${i}`),
    Array.from({ length: statementCount }, (_, j) => `s${j}`),
    rows,
  );
}

function fromRows(
  participants: string[],
  statements: string[],
  rows: Map<number, VoteValue>[],
): VoteMatrix {
  const rowStart = new Int32Array(participants.length + 1);
  const seen = new Int32Array(participants.length);
  let total = 0;
  rows.forEach((row, i) => {
    seen[i] = row.size;
    total += row.size;
  });
  const cols = new Int32Array(total);
  const vals = new Int8Array(total);
  let k = 0;
  rows.forEach((row, i) => {
    rowStart[i] = k;
    const sorted = [...row.entries()].sort((a, b) => a[0] - b[0]);
    for (const [j, v] of sorted) {
      cols[k] = j;
      vals[k] = v;
      k++;
    }
  });
  rowStart[participants.length] = k;
  return { participants, statements, rowStart, cols, vals, seen };
}

/**
 * Builds the matrix from votes already grouped by participant with statement indices (what the
 * API reads from PostgreSQL: one row per participant, `array_agg` of indices and values), without
 * a triple per vote. Indices outside 0 … statements − 1 are ignored; a repeated index keeps the
 * last value.
 */
export function matrixFromParticipantRows(
  statements: string[],
  rows: readonly { participant: string; cols: ArrayLike<number>; vals: ArrayLike<number> }[],
): VoteMatrix {
  const S = statements.length;
  const rowStart = new Int32Array(rows.length + 1);
  const seen = new Int32Array(rows.length);
  const last = new Int32Array(S).fill(-1);
  const slot = new Int8Array(S);
  let total = 0;
  for (const r of rows) total += r.cols.length;
  const cols = new Int32Array(total);
  const vals = new Int8Array(total);
  let k = 0;
  rows.forEach((r, i) => {
    rowStart[i] = k;
    const touched: number[] = [];
    for (let n = 0; n < r.cols.length; n++) {
      const j = r.cols[n];
      if (!(j >= 0 && j < S)) continue;
      if (last[j] !== i) {
        last[j] = i;
        touched.push(j);
      }
      slot[j] = r.vals[n] > 0 ? 1 : r.vals[n] < 0 ? -1 : 0;
    }
    touched.sort((a, b) => a - b);
    for (const j of touched) {
      cols[k] = j;
      vals[k] = slot[j];
      k++;
    }
    seen[i] = touched.length;
  });
  rowStart[rows.length] = k;
  return {
    participants: rows.map((r) => r.participant),
    statements,
    rowStart,
    cols: cols.subarray(0, k),
    vals: vals.subarray(0, k),
    seen,
  };
}
