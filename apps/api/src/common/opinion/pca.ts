/**
 * Principal component analysis of a sparse vote matrix, to two dimensions, with missing votes.
 *
 * Method (Pol.is, `compdemocracy/polis` `math/src/polismath/math/pca.clj` and
 * `conversation.clj`):
 * 1. **Column-mean imputation**: a missing vote (not seen, or a pass — see `vote-matrix.ts`) is
 *    replaced by the mean of the statement's agree/disagree votes. After centring each column
 *    on that mean, an imputed cell is exactly 0, so the centred matrix keeps the sparsity of the
 *    votes and never needs to be stored dense.
 * 2. **Power iteration** for the two leading eigenvectors of XᵀX (Golub & Van Loan, *Matrix
 *    Computations*, 4th ed., §7.3; Pol.is' `power-iteration`), the second one kept orthogonal to
 *    the first by Gram–Schmidt deflation at every step. When the statements are few enough, XᵀX
 *    (statements × statements) is formed once — Σ (votes per participant)² multiply-adds — and
 *    each step costs O(statements²); otherwise each step multiplies by X then Xᵀ, O(votes). With
 *    close eigenvalues (several groups of similar weight) power iteration needs hundreds of
 *    steps, so the dense route is the fast one at the sizes a debate reaches (500 statements).
 *    A previous result's components can be given as start vectors (`start`): after a few new
 *    votes the iteration resumes near the answer (the incremental recomputation).
 * 3. **Sparsity-aware projection**: a participant's coordinates are the dot products of their
 *    centred votes with the components, scaled by √(statements ÷ votes cast) so that someone who
 *    voted on few statements is not squeezed towards the centre (Pol.is'
 *    `sparsity-aware-project-ptpt` in `pca.clj`).
 *
 * Deterministic: the start vectors are fixed, and each component's sign is chosen so that its
 * largest loading is positive.
 */
import type { VoteMatrix } from './vote-matrix';

/** The result of {@link pca2}. */
export interface Projection {
  /** Per statement: mean of its agree (+1) / disagree (−1) votes, 0 when it has none. */
  center: Float64Array;
  /** Two unit vectors over statements (the loadings), or zero vectors when there is no variance. */
  components: [Float64Array, Float64Array];
  /** Eigenvalues of XᵀX for the two components (variance captured, unnormalised). */
  eigenvalues: [number, number];
  /** Participant coordinates: x of participant i at `2i`, y at `2i + 1`. */
  points: Float64Array;
  stats: PcaStats;
}

/** Options of {@link pca2}. */
export interface PcaOptions {
  /** Largest number of power iterations per component (default 3,000 with XᵀX formed, 500 otherwise). */
  maxIterations?: number;
  /** Stop when the component moves less than this (L2 norm of the change, default 1e-9). */
  tolerance?: number;
  /** Start vectors (e.g. the previous analysis' components, over the same statements). */
  start?: [Float64Array | null, Float64Array | null];
  /** Form XᵀX when statements ≤ this and Σ votes² ≤ `denseWorkLimit` (defaults 2,000 and 4·10⁸). */
  denseMaxStatements?: number;
  denseWorkLimit?: number;
  /**
   * The centred, imputed XᵀX already formed (S × S, row-major; e.g. by `VoteStatistics` from
   * statistics updated vote by vote): used instead of forming it when the dense route is taken.
   */
  gram?: Float64Array;
}

/** How the result was reached (for the benchmark and the logs). */
export interface PcaStats {
  dense: boolean;
  iterations: [number, number];
}

/**
 * Two-dimensional PCA of the vote matrix with column-mean imputation and sparsity-aware
 * projection. Time O(iterations × votes), memory O(participants + statements).
 */
export function pca2(m: VoteMatrix, options: PcaOptions = {}): Projection {
  const S = m.statements.length;
  const P = m.participants.length;
  const center = columnMeans(m);
  let work = 0;
  for (let i = 0; i < P; i++) work += (m.rowStart[i + 1] - m.rowStart[i]) ** 2;
  const dense =
    S <= (options.denseMaxStatements ?? 2000) && work <= (options.denseWorkLimit ?? 4e8);
  const gram = dense
    ? options.gram && options.gram.length === S * S
      ? options.gram
      : gramMatrix(m, center)
    : null;
  const multiply = gram
    ? (v: Float64Array, out: Float64Array) => denseTimes(gram, v, out)
    : (v: Float64Array, out: Float64Array) => gramTimes(m, center, v, out);
  const limits = {
    maxIterations: options.maxIterations ?? (dense ? 3000 : 500),
    tolerance: options.tolerance ?? 1e-9,
  };
  const first = leadingComponent(S, multiply, null, options.start?.[0] ?? null, limits);
  const second = leadingComponent(S, multiply, first.vector, options.start?.[1] ?? null, limits);
  const points = new Float64Array(2 * P);
  for (let i = 0; i < P; i++) {
    let x = 0;
    let y = 0;
    let cast = 0;
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) {
      const v = m.vals[k];
      if (v === 0) continue;
      const j = m.cols[k];
      const d = v - center[j];
      x += d * first.vector[j];
      y += d * second.vector[j];
      cast++;
    }
    const scale = Math.sqrt(S / Math.max(cast, 1));
    points[2 * i] = x * scale;
    points[2 * i + 1] = y * scale;
  }
  return {
    center,
    components: [first.vector, second.vector],
    eigenvalues: [first.value, second.value],
    points,
    stats: { dense, iterations: [first.iterations, second.iterations] },
  };
}

/** XᵀX of the centred, imputed matrix (imputed cells are 0), S × S row-major; Σ (row votes)² work. */
export function gramMatrix(m: VoteMatrix, center: Float64Array): Float64Array {
  const S = m.statements.length;
  const gram = new Float64Array(S * S);
  const cols = new Int32Array(S);
  const vals = new Float64Array(S);
  for (let i = 0; i < m.participants.length; i++) {
    let n = 0;
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) {
      if (m.vals[k] === 0) continue;
      cols[n] = m.cols[k];
      vals[n] = m.vals[k] - center[m.cols[k]];
      n++;
    }
    for (let a = 0; a < n; a++) {
      const row = cols[a] * S;
      const va = vals[a];
      for (let b = a; b < n; b++) gram[row + cols[b]] += va * vals[b];
    }
  }
  // columns are ascending within a row, so only the upper triangle was filled: mirror it
  for (let j = 0; j < S; j++) for (let k = j + 1; k < S; k++) gram[k * S + j] = gram[j * S + k];
  return gram;
}

function denseTimes(gram: Float64Array, v: Float64Array, out: Float64Array): void {
  const S = v.length;
  for (let j = 0; j < S; j++) {
    let sum = 0;
    const row = j * S;
    for (let k = 0; k < S; k++) sum += gram[row + k] * v[k];
    out[j] = sum;
  }
}

/** Mean of the non-pass votes of each statement (0 when none). */
export function columnMeans(m: VoteMatrix): Float64Array {
  const sum = new Float64Array(m.statements.length);
  const count = new Float64Array(m.statements.length);
  for (let k = 0; k < m.cols.length; k++) {
    const v = m.vals[k];
    if (v === 0) continue;
    sum[m.cols[k]] += v;
    count[m.cols[k]] += 1;
  }
  for (let j = 0; j < sum.length; j++) sum[j] = count[j] > 0 ? sum[j] / count[j] : 0;
  return sum;
}

/** y = Xᵀ(X v) for the centred, imputed matrix X (imputed cells are 0 after centring). */
function gramTimes(m: VoteMatrix, center: Float64Array, v: Float64Array, out: Float64Array): void {
  out.fill(0);
  const P = m.participants.length;
  for (let i = 0; i < P; i++) {
    let dot = 0;
    const end = m.rowStart[i + 1];
    for (let k = m.rowStart[i]; k < end; k++) {
      const val = m.vals[k];
      if (val !== 0) dot += (val - center[m.cols[k]]) * v[m.cols[k]];
    }
    if (dot === 0) continue;
    for (let k = m.rowStart[i]; k < end; k++) {
      const val = m.vals[k];
      if (val !== 0) out[m.cols[k]] += (val - center[m.cols[k]]) * dot;
    }
  }
}

function leadingComponent(
  S: number,
  multiply: (v: Float64Array, out: Float64Array) => void,
  orthogonalTo: Float64Array | null,
  start: Float64Array | null,
  { maxIterations, tolerance }: { maxIterations: number; tolerance: number },
): { vector: Float64Array; value: number; iterations: number } {
  // The given start, or a fixed, non-symmetric one so that it is not orthogonal to the answer by accident.
  let v = new Float64Array(S);
  if (start && start.length === S) v.set(start);
  else for (let j = 0; j < S; j++) v[j] = 1 + ((j * 7919) % 13) / 13;
  let next = new Float64Array(S);
  let value = 0;
  let iterations = 0;
  if (orthogonalTo) removeComponent(v, orthogonalTo);
  if (normalise(v) === 0) {
    for (let j = 0; j < S; j++) v[j] = 1 + ((j * 7919) % 13) / 13;
    if (orthogonalTo) removeComponent(v, orthogonalTo);
    if (normalise(v) === 0) return { vector: new Float64Array(S), value: 0, iterations };
  }
  while (iterations < maxIterations) {
    iterations++;
    multiply(v, next);
    if (orthogonalTo) removeComponent(next, orthogonalTo);
    value = normalise(next);
    if (value === 0) return { vector: new Float64Array(S), value: 0, iterations };
    let change = 0;
    for (let j = 0; j < S; j++) change += (next[j] - v[j]) ** 2;
    [v, next] = [next, v];
    if (Math.sqrt(change) < tolerance) break;
  }
  // Sign convention: the largest loading is positive (same votes → same picture, never mirrored).
  let largest = 0;
  for (let j = 0; j < S; j++) if (Math.abs(v[j]) > Math.abs(largest)) largest = v[j];
  if (largest < 0) for (let j = 0; j < S; j++) v[j] = -v[j];
  return { vector: v, value, iterations };
}

function removeComponent(v: Float64Array, u: Float64Array): void {
  let dot = 0;
  for (let j = 0; j < v.length; j++) dot += v[j] * u[j];
  for (let j = 0; j < v.length; j++) v[j] -= dot * u[j];
}

/** Scales `v` to unit length in place; returns its former length. */
function normalise(v: Float64Array): number {
  let norm = 0;
  for (let j = 0; j < v.length; j++) norm += v[j] * v[j];
  norm = Math.sqrt(norm);
  if (norm < 1e-12) return 0;
  for (let j = 0; j < v.length; j++) v[j] /= norm;
  return norm;
}
