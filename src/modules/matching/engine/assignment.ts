/**
 * Exact batch matching: first the most mentees matched, then the highest total score.
 *
 * Model (min-cost flow, every volunteer ONE node with a capacity — no slot expansion):
 *   s → mentee i (cap 1) → volunteer j (cap 1, cost c_ij = maxScore − score_ij ≥ 0) → t (cap capacity[j]),
 *   plus, for each mentee, an "unmatched" arc i → U → t of lexicographic cost (1, 0) against (0, c) for real arcs.
 * Every mentee then sends one unit; the lexicographic cost (mentees left unmatched, Σ c) is minimised, and since
 * Σ c = matched·maxScore − total, that is exactly "most matched, then highest total". No big-M constant is used, so
 * there is no overflow or rounding trade-off between the two criteria.
 *
 * Algorithm: successive shortest paths, one mentee at a time (Hungarian / Jonker–Volgenant augmentation).
 * Invariant: after processing mentees 0..k−1 the flow is min-cost for them (classic SSP theorem: adding the source
 * arc of mentee k and augmenting along a shortest path from it keeps min cost). Dijkstra runs on the residual graph
 * with Johnson potentials `pot` (reduced costs ≥ 0 on every arc it relaxes), on real arcs only:
 *  - Phase A: a free place (volunteer with room) is reachable → that path has primary cost 0 and beats any path
 *    through U, so the first free place popped is the shortest path (early stop).
 *  - Phase B: none reachable → the whole alternating tree has been explored; the best path through U is
 *    i0 ⇝ m → U → t for the tree mentee m minimising the true cost d(m) + pot(m) − pot(i0) (m = i0: stay unmatched).
 *    Arcs U → m (back into a mentee left unmatched) never need relaxing: a path using one would contain an augmenting
 *    path from m, i.e. a negative cycle t → U → m ⇝ t in the optimal residual graph — impossible.
 * Potential update (finalised nodes v, target distance D): pot(v) += d(v) − D. This keeps reduced costs ≥ 0 on all
 * residual arcs (both ends finalised: Dijkstra's inequality; one end not finalised: its distance is ≥ D) and makes
 * the path tight, so reversing it is safe. Potentials of untouched nodes and of t never change.
 *
 * Numbers: scores with ≤ 6 decimals are scaled to integers (exact arithmetic in doubles while |values| < 2^53,
 * checked below); otherwise we work in doubles and clamp tiny negative reduced costs (tolerance 1e-9 relative),
 * so the result is optimal up to rounding of the inputs.
 */
import { validateInstance, type Instance } from './validate.js';

export { validateInstance, InstanceError, type Instance } from './validate.js';

export interface Assignment {
  /** [mentee, volunteer], sorted by mentee */
  pairs: [number, number][];
  matched: number;
  total: number;
}

/** Smallest power of ten (≤ 10^6) making every score an integer, or 0 when none does. */
function scaleFor(edges: Instance['edges']): number {
  let scale = 1;
  for (const e of edges) {
    const s = e[2];
    while (Math.round(s * scale) / scale !== s) {
      if (scale >= 1e6) return 0;
      scale *= 10;
    }
  }
  return scale;
}

export function solveAssignment(inst: Instance): Assignment {
  const L = inst.left;
  const R = inst.right;
  const E = inst.edges.length;
  const cap = Int32Array.from(inst.capacity ?? new Array<number>(R).fill(1));
  const scale = scaleFor(inst.edges);
  let maxS = 0;
  for (const e of inst.edges) maxS = Math.max(maxS, scale ? Math.round(e[2] * scale) : e[2]);
  // Path lengths are bounded by (nodes)·maxS; stay well inside the exact-integer range of doubles.
  const exact = scale > 0 && maxS * (L + R + 2) * 4 < 2 ** 53;
  const eps = exact ? 0 : 1e-9 * Math.max(1, maxS);

  // CSR adjacency mentee → (volunteer, cost).
  const start = new Int32Array(L + 1);
  for (const e of inst.edges) start[e[0] + 1]!++;
  for (let i = 0; i < L; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, L);
  const to = new Int32Array(E);
  const cost = new Float64Array(E);
  for (const e of inst.edges) {
    const k = fill[e[0]]!++;
    to[k] = e[1];
    cost[k] = maxS - (scale ? Math.round(e[2] * scale) : e[2]);
  }

  // Assignment state. Each volunteer keeps its mentees in a block of min(capacity, degree) slots (≤ E in total).
  const deg = new Int32Array(R);
  for (let k = 0; k < E; k++) deg[to[k]!]!++;
  const slotStart = new Int32Array(R + 1);
  for (let j = 0; j < R; j++) slotStart[j + 1] = slotStart[j]! + Math.min(cap[j]!, deg[j]!);
  const slot = new Int32Array(slotStart[R]!);
  const used = new Int32Array(R);
  const mate = new Int32Array(L).fill(-1); // volunteer of mentee i, −1 if none
  const mateCost = new Float64Array(L);
  const slotPos = new Int32Array(L); // where mentee i sits in its volunteer's block

  const unassign = (i: number) => {
    const j = mate[i]!;
    const last = slotStart[j]! + --used[j]!;
    const moved = slot[last]!;
    slot[slotPos[i]!] = moved;
    slotPos[moved] = slotPos[i]!;
    mate[i] = -1;
  };
  const assign = (i: number, j: number, c: number) => {
    const p = slotStart[j]! + used[j]!++;
    slot[p] = i;
    slotPos[i] = p;
    mate[i] = j;
    mateCost[i] = c;
  };

  // Nodes: mentees 0..L−1, volunteers L..L+R−1, t = L+R.
  const N = L + R + 1;
  const T = L + R;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N).fill(Infinity);
  const done = new Uint8Array(N);
  const predMentee = new Int32Array(R); // mentee from which volunteer j was reached
  const predCost = new Float64Array(R);
  let tPred = -1; // volunteer through which t was reached
  const touched = new Int32Array(N);
  let nTouched = 0;
  const heap = new MinHeap(N, dist);

  const relax = (v: number, d: number) => {
    if (dist[v] === Infinity) touched[nTouched++] = v;
    if (d < dist[v]!) {
      dist[v] = d;
      heap.pushOrDecrease(v);
      return true;
    }
    return false;
  };

  for (let i0 = 0; i0 < L; i0++) {
    if (start[i0] === start[i0 + 1]) continue;
    nTouched = 0;
    relax(i0, 0);
    let reachedT = false;
    while (heap.size > 0) {
      const u = heap.pop();
      done[u] = 1;
      const du = dist[u]!;
      if (u === T) {
        reachedT = true;
        break;
      }
      if (u < L) {
        const pu = pot[u]! + du;
        const own = mate[u]!;
        for (let k = start[u]!; k < start[u + 1]!; k++) {
          const j = to[k]!;
          if (j === own || done[L + j]) continue;
          let nd = pu + cost[k]! - pot[L + j]!;
          if (nd < du) nd = du; // only rounding can make a reduced cost negative
          if (relax(L + j, nd)) {
            predMentee[j] = u;
            predCost[j] = cost[k]!;
          }
        }
      } else {
        const j = u - L;
        const pj = pot[u]! + du;
        if (used[j]! < cap[j]! && !done[T]) {
          if (relax(T, Math.max(du, pj - pot[T]!))) tPred = j;
        }
        for (let p = slotStart[j]!; p < slotStart[j]! + used[j]!; p++) {
          const i = slot[p]!;
          if (done[i]) continue;
          relax(i, Math.max(du, pj - mateCost[i]! - pot[i]!));
        }
      }
    }
    while (heap.size > 0) heap.pop();

    let target = -1; // mentee leaving to U (phase B), or −1 for an augmentation to t
    let D = 0;
    if (reachedT) {
      D = dist[T]!;
    } else {
      // Phase B: best mentee of the tree to hand its place to i0 (true cost must be < 0, i.e. total rises).
      let best = -eps;
      const p0 = pot[i0]!;
      for (let k = 0; k < nTouched; k++) {
        const v = touched[k]!;
        if (v < L && v !== i0) {
          const c = dist[v]! + pot[v]! - p0;
          if (c < best) {
            best = c;
            target = v;
          }
        }
        if (dist[v]! > D) D = dist[v]!;
      }
    }
    if (reachedT || target >= 0) {
      for (let k = 0; k < nTouched; k++) {
        const v = touched[k]!;
        if (done[v]) pot[v]! += dist[v]! - D;
      }
      // Walk the path back: each volunteer on it takes the mentee it was reached from.
      let j: number;
      if (reachedT) j = tPred;
      else {
        j = mate[target]!;
        unassign(target);
      }
      for (;;) {
        const i = predMentee[j]!;
        const prev = mate[i]!;
        if (prev >= 0) unassign(i);
        assign(i, j, predCost[j]!);
        if (i === i0) break;
        j = prev;
      }
    }
    for (let k = 0; k < nTouched; k++) {
      const v = touched[k]!;
      dist[v] = Infinity;
      done[v] = 0;
    }
  }

  const pairs: [number, number][] = [];
  let totalScaled = 0;
  for (let i = 0; i < L; i++) {
    if (mate[i]! >= 0) {
      pairs.push([i, mate[i]!]);
      totalScaled += maxS - mateCost[i]!;
    }
  }
  const total = scale ? totalScaled / scale : totalScaled;
  return { pairs, matched: pairs.length, total };
}

/** Binary min-heap of node ids keyed by an external distance array, with decrease-key. */
class MinHeap {
  private readonly items: Int32Array;
  private readonly pos: Int32Array; // −1 when not in the heap
  size = 0;
  constructor(
    n: number,
    private readonly key: Float64Array,
  ) {
    this.items = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
  }
  pushOrDecrease(v: number) {
    let p = this.pos[v]!;
    if (p < 0) p = this.size++;
    this.up(p, v);
  }
  pop(): number {
    const top = this.items[0]!;
    this.pos[top] = -1;
    const last = this.items[--this.size]!;
    if (this.size > 0) this.down(0, last);
    return top;
  }
  private up(p: number, v: number) {
    const { items, pos, key } = this;
    const k = key[v]!;
    while (p > 0) {
      const parent = (p - 1) >> 1;
      const w = items[parent]!;
      if (key[w]! <= k) break;
      items[p] = w;
      pos[w] = p;
      p = parent;
    }
    items[p] = v;
    pos[v] = p;
  }
  private down(p: number, v: number) {
    const { items, pos, key } = this;
    const k = key[v]!;
    const n = this.size;
    for (;;) {
      let c = 2 * p + 1;
      if (c >= n) break;
      if (c + 1 < n && key[items[c + 1]!]! < key[items[c]!]!) c++;
      const w = items[c]!;
      if (key[w]! >= k) break;
      items[p] = w;
      pos[w] = p;
      p = c;
    }
    items[p] = v;
    pos[v] = p;
  }
}

/** Parses and solves in one go (used by the CLI and the benchmark). */
export function solveJson(json: unknown): Assignment {
  return solveAssignment(validateInstance(json));
}
