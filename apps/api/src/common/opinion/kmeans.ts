/**
 * k-means on two-dimensional points, seeded and deterministic, with k chosen by silhouette.
 *
 * - Seeding: k-means++ (Arthur & Vassilvitskii, "k-means++: The Advantages of Careful Seeding",
 *   SODA 2007): each next centre is drawn with probability proportional to its squared distance
 *   to the nearest centre already chosen, from a seeded generator (`seeded-random.ts`).
 * - Iteration: Lloyd's algorithm (Lloyd, "Least squares quantization in PCM", IEEE Trans.
 *   Inf. Theory 28(2), 1982) until no point changes cluster.
 * - Choice of k: mean silhouette (Rousseeuw, "Silhouettes: a graphical aid to the
 *   interpretation and validation of cluster analysis", J. Comput. Appl. Math. 20, 1987), as
 *   Pol.is chooses its group count among 2–5 (`compdemocracy/polis`
 *   `math/src/polismath/math/conversation.clj`, `group-clusterings` / `silhouette` in
 *   `clusters.clj`). Silhouette costs O(n²): above `silhouetteSample` points it is computed on
 *   a seeded sample of that size (the estimate of a mean over a random sample).
 */
import { type Random, seededRandom } from './seeded-random';

/** A clustering of n points. */
export interface Clustering {
  k: number;
  /** Cluster index of each point (0 … k−1). */
  labels: Int32Array;
  /** Centres: x of cluster c at `2c`, y at `2c + 1`. */
  centroids: Float64Array;
  /** Sum of squared distances of points to their centre. */
  inertia: number;
}

/**
 * Lloyd's k-means with k-means++ seeding, best of `restarts` seeded runs (lowest inertia).
 * @param points flat [x0, y0, x1, y1, …]
 * @param k number of clusters, 1 ≤ k ≤ number of points
 * @param seed integer seed: same points + same seed → same clustering
 */
export function kmeans(
  points: Float64Array,
  k: number,
  seed: number,
  restarts = 4,
  maxIterations = 200,
): Clustering {
  const n = points.length / 2;
  if (k < 1 || k > n) throw new RangeError(`k must be within 1…${n}`);
  const random = seededRandom(seed);
  let best: Clustering | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = lloyd(points, kmeansPlusPlus(points, k, random), maxIterations);
    if (!best || run.inertia < best.inertia - 1e-12) best = run;
  }
  return best as Clustering;
}

/** k-means++ initial centres (Arthur & Vassilvitskii 2007, §2.2). */
export function kmeansPlusPlus(points: Float64Array, k: number, random: Random): Float64Array {
  const n = points.length / 2;
  const centroids = new Float64Array(2 * k);
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centroids[2 * c] = points[2 * chosen];
    centroids[2 * c + 1] = points[2 * chosen + 1];
    if (c === k - 1) break;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d =
        (points[2 * i] - centroids[2 * c]) ** 2 + (points[2 * i + 1] - centroids[2 * c + 1]) ** 2;
      if (d < nearest[i]) nearest[i] = d;
      total += nearest[i];
    }
    if (total === 0) {
      chosen = Math.floor(random() * n); // every point sits on a centre: any point will do
      continue;
    }
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i];
      if (target < 0) {
        chosen = i;
        break;
      }
    }
  }
  return centroids;
}

function lloyd(points: Float64Array, centroids: Float64Array, maxIterations: number): Clustering {
  const n = points.length / 2;
  const k = centroids.length / 2;
  const labels = new Int32Array(n).fill(-1);
  const sums = new Float64Array(2 * k);
  const counts = new Int32Array(k);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      const c = nearestCentre(points[2 * i], points[2 * i + 1], centroids);
      if (c !== labels[i]) {
        labels[i] = c;
        changed = true;
      }
    }
    if (!changed) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      sums[2 * labels[i]] += points[2 * i];
      sums[2 * labels[i] + 1] += points[2 * i + 1];
      counts[labels[i]]++;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue; // an emptied cluster keeps its centre
      centroids[2 * c] = sums[2 * c] / counts[c];
      centroids[2 * c + 1] = sums[2 * c + 1] / counts[c];
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++)
    inertia +=
      (points[2 * i] - centroids[2 * labels[i]]) ** 2 +
      (points[2 * i + 1] - centroids[2 * labels[i] + 1]) ** 2;
  return { k, labels, centroids, inertia };
}

/** Index of the centre nearest to (x, y); ties go to the lower index. */
export function nearestCentre(x: number, y: number, centroids: Float64Array): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < centroids.length / 2; c++) {
    const d = (x - centroids[2 * c]) ** 2 + (y - centroids[2 * c + 1]) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

/**
 * Mean silhouette of a clustering (Rousseeuw 1987): for each point, a = mean distance to its
 * own cluster, b = smallest mean distance to another cluster, s = (b − a) / max(a, b); a point
 * alone in its cluster scores 0. Range −1 … 1, higher = better separated.
 * @param sample when given, only these point indices are scored (distances still go to them only)
 */
export function silhouette(
  points: Float64Array,
  labels: Int32Array,
  k: number,
  sample?: Int32Array,
): number {
  const idx = sample ?? Int32Array.from({ length: labels.length }, (_, i) => i);
  const sizes = new Int32Array(k);
  for (const i of idx) sizes[labels[i]]++;
  const sums = new Float64Array(k);
  let total = 0;
  for (const i of idx) {
    sums.fill(0);
    for (const j of idx) {
      if (i === j) continue;
      sums[labels[j]] += Math.hypot(
        points[2 * i] - points[2 * j],
        points[2 * i + 1] - points[2 * j + 1],
      );
    }
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    if (!Number.isFinite(b)) continue;
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return idx.length > 0 ? total / idx.length : 0;
}

/** Options of {@link clusterBySilhouette}. */
export interface ChooseKOptions {
  minK?: number;
  maxK?: number;
  seed?: number;
  /** Most points scored for the silhouette (default 1,500). */
  silhouetteSample?: number;
}

/** The clustering with the best mean silhouette among k = minK … maxK, and its score. */
export function clusterBySilhouette(
  points: Float64Array,
  options: ChooseKOptions = {},
): { clustering: Clustering; silhouette: number } | null {
  const n = points.length / 2;
  const minK = options.minK ?? 2;
  const maxK = Math.min(options.maxK ?? 5, n - 1);
  const seed = options.seed ?? 1;
  if (maxK < minK) return null;
  const sampleSize = options.silhouetteSample ?? 1500;
  let sample: Int32Array | undefined;
  if (n > sampleSize) {
    // Seeded partial Fisher–Yates shuffle: the first `sampleSize` of a random permutation.
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const random = seededRandom(seed ^ 0x5bd1e995);
    for (let i = 0; i < sampleSize; i++) {
      const j = i + Math.floor(random() * (n - i));
      [order[i], order[j]] = [order[j], order[i]];
    }
    sample = order.slice(0, sampleSize);
  }
  let best: { clustering: Clustering; silhouette: number } | null = null;
  for (let k = minK; k <= maxK; k++) {
    const clustering = kmeans(points, k, seed + k);
    const score = silhouette(points, clustering.labels, k, sample);
    if (!best || score > best.silhouette + 1e-9) best = { clustering, silhouette: score };
  }
  return best;
}
