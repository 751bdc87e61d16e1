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
 *    the first by Gram–Schmidt deflation at every step. Each step costs O(votes).
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
}

/** Options of {@link pca2}. */
export interface PcaOptions {
  /** Largest number of power iterations per component (default 300). */
  maxIterations?: number;
  /** Stop when the component moves less than this (L2 norm of the change, default 1e-9). */
  tolerance?: number;
}

/**
 * Two-dimensional PCA of the vote matrix with column-mean imputation and sparsity-aware
 * projection. Time O(iterations × votes), memory O(participants + statements).
 */
export function pca2(m: VoteMatrix, options: PcaOptions = {}): Projection {
  const S = m.statements.length;
  const P = m.participants.length;
  const center = columnMeans(m);
  const first = leadingComponent(m, center, null, options);
  const second = leadingComponent(m, center, first.vector, options);
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
  return { center, components: [first.vector, second.vector], eigenvalues: [first.value, second.value], points };
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

function leadingComponent(m: VoteMatrix, center: Float64Array, orthogonalTo: Float64Array | null, options: PcaOptions): { vector: Float64Array; value: number } {
  const S = m.statements.length;
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = options.tolerance ?? 1e-9;
  // Fixed, non-symmetric start so that it is not orthogonal to the answer by accident.
  let v = new Float64Array(S);
  for (let j = 0; j < S; j++) v[j] = 1 + ((j * 7919) % 13) / 13;
  let next = new Float64Array(S);
  let value = 0;
  if (orthogonalTo) removeComponent(v, orthogonalTo);
  if (normalise(v) === 0) return { vector: new Float64Array(S), value: 0 };
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    gramTimes(m, center, v, next);
    if (orthogonalTo) removeComponent(next, orthogonalTo);
    value = normalise(next);
    if (value === 0) return { vector: new Float64Array(S), value: 0 };
    let change = 0;
    for (let j = 0; j < S; j++) change += (next[j] - v[j]) ** 2;
    [v, next] = [next, v];
    if (Math.sqrt(change) < tolerance) break;
  }
  // Sign convention: the largest loading is positive (same votes → same picture, never mirrored).
  let largest = 0;
  for (let j = 0; j < S; j++) if (Math.abs(v[j]) > Math.abs(largest)) largest = v[j];
  if (largest < 0) for (let j = 0; j < S; j++) v[j] = -v[j];
  return { vector: v, value };
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
