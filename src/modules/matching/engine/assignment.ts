/**
 * Exact batch matching: first the most mentees matched, then the highest total score.
 *
 * Model (min-cost flow, every volunteer ONE node with a capacity — no slot expansion, memory O(L + R + E)):
 *   mentee i → volunteer j (cap 1, cost c_ij = maxScore − score_ij ≥ 0) → t (cap capacity[j]).
 * Step 1 (cardinality.ts): M* = the largest number of mentees that can be matched at all (Hopcroft–Karp).
 * Step 2: add one extra "volunteer" U, adjacent to every mentee at a constant cost K, with L − M* places, and
 *   require EVERY mentee to be placed (on a volunteer or on U). Feasible (a maximum matching + U for the rest).
 *   Any such placement matches exactly M* mentees (U takes at most L − M*, and nobody can match more than M*), and
 *   its cost is Σ c + (L − M*)·K = M*·maxScore − total + constant. So min cost ⇔ most matched, then highest total,
 *   for ANY constant K: no big-M, no lexicographic costs, and no special case for mentees left out. K only changes
 *   speed; we guess U's final price (unmatchedCost).
 *
 * Step 2 is a transportation problem solved by successive shortest paths (SSP), one mentee at a time.
 * Invariant: the placed mentees are placed at minimum cost, certified by potentials `pot` with reduced costs
 * rc(u, v) = c(u, v) + pot(u) − pot(v) ≥ 0 on every residual arc (arcs of not-yet-placed mentees included).
 * Adding a mentee and augmenting along a shortest path from it to t keeps min cost (classic SSP theorem), in any
 * order of mentees; a path always exists because a full placement of the placed mentees plus this one exists.
 *  - greedyStart: with every volunteer at potential 0, a mentee whose cheapest option still has room takes it, with
 *    pot(i) = −(that cost): its arcs have rc = c − min c ≥ 0, its matched arc (reversed) rc = 0, arcs j ⇄ t rc = 0.
 *    That is exactly what its own SSP step would do, without the search.
 *  - search: Dijkstra from the mentee on reduced costs, stopping when t is popped (volunteer with room reached).
 *    Potential update (finalised nodes v, target distance D): pot(v) += d(v) − D. Reduced costs stay ≥ 0 (both
 *    ends finalised: Dijkstra's inequality; one end not: its distance is ≥ D) and the path becomes tight.
 *  - globalUpdate (once the searches since the last one have scanned about as many arcs as the graph has):
 *    backward Dijkstra from t gives every node its reduced distance h to t; pot −= h (capped) keeps rc ≥ 0 and
 *    makes every shortest path to t tight. Stale potentials are what make late searches (few places left) explore
 *    large regions; this resets them at the cost of one search over the graph.
 *  - augmentAdmissible (right after a global update): mentees still waiting that reach t along tight arcs only
 *    (rc = 0, a shortest path since rc ≥ 0) are placed along that path by depth-first search, with no Dijkstra.
 *
 * Numbers: scores with ≤ 6 decimals are scaled to integers, and while every sum stays below 2^53 all arithmetic is
 * exact (`exact`: tight arcs are recognised by rc === 0). Otherwise we work in doubles, clamp tiny negative
 * reduced costs, skip the tight-arc placements, and the result is optimal up to rounding of the inputs.
 */
import { validateInstance, type Instance } from './validate.js';
import { buildGraph, reverseAdjacency, type Graph } from './graph.js';
import { maxCardinality } from './cardinality.js';
import { MinHeap } from './heap.js';

export { validateInstance, InstanceError, type Instance } from './validate.js';

export interface Assignment {
  /** [mentee, volunteer], sorted by mentee */
  pairs: [number, number][];
  matched: number;
  total: number;
}

export function solveAssignment(inst: Instance): Assignment {
  const g = buildGraph(inst);
  const flow = new Flow(g, g.L - maxCardinality(g));
  flow.greedyStart();
  flow.run();
  return flow.result();
}

/**
 * Cost of the arc mentee → U. Any constant gives the same optimum; a good guess of U's final price makes searches
 * shorter. Guess: the `unmatchable`-th largest "cheapest option" among mentees — roughly, the mentees whose best
 * volunteer is worst are the natural ones to leave out.
 */
function unmatchedCost(g: Graph, unmatchable: number): number {
  if (unmatchable === 0) return g.maxS;
  const best = new Float64Array(g.L).fill(g.maxS);
  for (let i = 0; i < g.L; i++) {
    for (let k = g.start[i]!; k < g.start[i + 1]!; k++) if (g.cost[k]! < best[i]!) best[i] = g.cost[k]!;
  }
  best.sort();
  return best[g.L - unmatchable]!;
}

/**
 * The min-cost flow state: assignment (each volunteer's mentees in a slot block), Johnson potentials, and the
 * search buffers. Volunteer index R is the "unmatched" node U; node ids: mentee i → i, volunteer j → L + j, t → L+R+1.
 */
class Flow {
  readonly L: number;
  readonly R: number;
  /** cost of the arc mentee → U (any constant gives the same optimum, see the header) */
  readonly K: number;
  readonly T: number;
  readonly cap: Int32Array; // R + 1 entries, cap[R] = places on U
  readonly slotStart: Int32Array;
  readonly slot: Int32Array;
  readonly used: Int32Array;
  readonly mate: Int32Array; // volunteer (or U) of mentee i, −1 while not yet placed
  readonly mateCost: Float64Array;
  readonly slotPos: Int32Array;
  readonly pot: Float64Array;
  readonly dist: Float64Array;
  readonly done: Uint8Array;
  readonly predMentee: Int32Array;
  readonly predCost: Float64Array;
  readonly touched: Int32Array;
  nTouched = 0;
  tPred = -1;
  readonly heap: MinHeap;
  readonly pending: number[] = [];
  /** arcs scanned by searches since the last global potential update, and the budget that triggers one */
  work = 0;
  readonly workBudget: number;
  /** integer costs small enough that every sum is exact in doubles: zero reduced costs can be trusted */
  readonly exact: boolean;
  // depth-first search over tight arcs (augmentAdmissible)
  round = 0;
  readonly seen: Int32Array;
  readonly stack: Int32Array;
  readonly edgeIt: Int32Array;
  readonly slotIt: Int32Array;
  readonly viaCost: Float64Array;
  /** volunteer → mentees adjacency, built at the first global update */
  rev: ReturnType<typeof reverseAdjacency> | undefined;

  constructor(
    readonly g: Graph,
    unmatchable: number,
  ) {
    const L = (this.L = g.L);
    const R = (this.R = g.R);
    this.K = unmatchedCost(g, unmatchable);
    this.T = L + R + 1;
    const N = L + R + 2;
    this.cap = new Int32Array(R + 1);
    this.cap.set(g.cap);
    this.cap[R] = unmatchable;
    this.slotStart = new Int32Array(R + 2);
    for (let j = 0; j < R; j++) {
      this.slotStart[j + 1] = this.slotStart[j]! + Math.min(g.cap[j]!, g.rstart[j + 1]! - g.rstart[j]!);
    }
    this.slotStart[R + 1] = this.slotStart[R]! + unmatchable;
    this.slot = new Int32Array(this.slotStart[R + 1]!);
    this.used = new Int32Array(R + 1);
    this.mate = new Int32Array(L).fill(-1);
    this.mateCost = new Float64Array(L);
    this.slotPos = new Int32Array(L);
    this.pot = new Float64Array(N);
    this.dist = new Float64Array(N).fill(Infinity);
    this.done = new Uint8Array(N);
    this.predMentee = new Int32Array(R + 1);
    this.predCost = new Float64Array(R + 1);
    this.touched = new Int32Array(N);
    this.heap = new MinHeap(N, this.dist);
    this.workBudget = g.E + 2 * N;
    // |pot| grows by at most one path length (≤ N·(maxS + K)) per search or global update, ≤ 2 per mentee placed
    this.exact = g.scale > 0 && 4 * (g.maxS + 1) * N * (L + 1) < 2 ** 53;
    this.seen = new Int32Array(N);
    this.stack = new Int32Array(N);
    this.edgeIt = new Int32Array(L);
    this.slotIt = new Int32Array(R + 1);
    this.viaCost = new Float64Array(L);
  }

  assign(i: number, j: number, c: number): void {
    const p = this.slotStart[j]! + this.used[j]!++;
    this.slot[p] = i;
    this.slotPos[i] = p;
    this.mate[i] = j;
    this.mateCost[i] = c;
  }

  unassign(i: number): void {
    const j = this.mate[i]!;
    const last = this.slotStart[j]! + --this.used[j]!;
    const moved = this.slot[last]!;
    this.slot[this.slotPos[i]!] = moved;
    this.slotPos[moved] = this.slotPos[i]!;
    this.mate[i] = -1;
  }

  /**
   * Every mentee whose cheapest option (a volunteer, or U at cost K) still has room takes it, with potential
   * −(that cost); all volunteers keep potential 0. The others wait in `pending` for a shortest-path search.
   */
  greedyStart(): void {
    const { L, R, K, cap, used, pot } = this;
    const { start, to, cost } = this.g;
    for (let i = 0; i < L; i++) {
      let best = cap[R]! > 0 ? K : Infinity;
      let bj = cap[R]! > 0 ? R : -1;
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        if (cost[k]! <= best) {
          best = cost[k]!;
          bj = to[k]!;
        }
      }
      if (bj < 0) continue; // no edge and nobody can be left out: impossible, see maxCardinality
      if (used[bj]! < cap[bj]!) {
        this.assign(i, bj, best);
        pot[i] = -best;
      } else this.pending.push(i);
    }
  }

  run(): void {
    const { pending, mate } = this;
    for (let n = 0; n < pending.length; n++) {
      const i0 = pending[n]!;
      while (mate[i0]! < 0) {
        if (this.work > this.workBudget) {
          this.globalUpdate();
          if (this.exact) this.augmentAdmissible(n);
        } else {
          this.search(i0);
        }
      }
    }
  }

  /**
   * After a global update every node's shortest path to t is tight (reduced cost 0 on each arc). Place as many
   * waiting mentees as possible along such zero paths, by depth-first search over the tight arcs, each node used
   * at most once per round. A zero path is a shortest path (all reduced costs are ≥ 0), so each placement is
   * exactly the SSP step of that mentee; potentials stay valid (the reversed arcs are tight too). Needs exact
   * arithmetic to recognise zeros.
   */
  augmentAdmissible(from: number): void {
    const stamp = ++this.round;
    const { pending, mate, seen } = this;
    for (let n = from; n < pending.length; n++) {
      const i0 = pending[n]!;
      if (mate[i0]! < 0 && seen[i0] !== stamp) this.placeAlongTightPath(i0, stamp);
    }
  }

  placeAlongTightPath(i0: number, stamp: number): boolean {
    const { L, R, K, T, cap, used, mate, mateCost, slot, slotStart, pot, seen, stack, edgeIt, slotIt, viaCost } = this;
    const { start, to, cost } = this.g;
    const hasU = cap[R]! > 0;
    let sp = 0;
    stack[sp++] = i0;
    seen[i0] = stamp;
    edgeIt[i0] = start[i0]!;
    while (sp > 0) {
      const x = stack[sp - 1]!;
      let next = -1;
      if (x < L) {
        // mentee: next tight arc to an unseen volunteer; the arc to U comes last (index = end)
        const end = start[x + 1]!;
        while (edgeIt[x]! <= end) {
          const k = edgeIt[x]!++;
          let j: number;
          let c: number;
          if (k < end) {
            j = to[k]!;
            c = cost[k]!;
          } else {
            if (!hasU) break;
            j = R;
            c = K;
          }
          const v = L + j;
          if (j === mate[x] || seen[v] === stamp || c + pot[x]! - pot[v]! !== 0) continue;
          seen[v] = stamp;
          viaCost[x] = c;
          if (used[j]! < cap[j]! && pot[v] === pot[T]) {
            stack[sp++] = v;
            this.shiftAlong(sp);
            if (used[j]! < cap[j]!) seen[v] = 0; // still room: may end another path this round
            return true;
          }
          slotIt[j] = slotStart[j]!;
          next = v;
          break;
        }
      } else {
        // volunteer: next mentee on it whose matched arc (reversed) is tight
        const j = x - L;
        const end = slotStart[j]! + used[j]!;
        while (slotIt[j]! < end) {
          const i = slot[slotIt[j]!++]!;
          if (seen[i] === stamp || pot[x]! - mateCost[i]! - pot[i]! !== 0) continue;
          seen[i] = stamp;
          edgeIt[i] = start[i]!;
          next = i;
          break;
        }
      }
      if (next >= 0) stack[sp++] = next;
      else sp--;
    }
    return false;
  }

  /** stack[0..sp) = mentee, volunteer, mentee, volunteer, …, volunteer with room: each mentee moves one step on. */
  shiftAlong(sp: number): void {
    const { L, stack, mate, viaCost } = this;
    for (let s = sp - 2; s >= 0; s -= 2) {
      const i = stack[s]!;
      if (mate[i]! >= 0) this.unassign(i);
      this.assign(i, stack[s + 1]! - L, viaCost[i]!);
    }
  }

  relax(v: number, d: number): boolean {
    const dist = this.dist;
    if (dist[v] === Infinity) this.touched[this.nTouched++] = v;
    if (d < dist[v]!) {
      dist[v] = d;
      this.heap.pushOrDecrease(v);
      return true;
    }
    return false;
  }

  /** Dijkstra from mentee i0 to t on reduced costs, then potential update and augmentation. */
  search(i0: number): void {
    const { L, R, K, T, cap, used, mate, mateCost, slot, slotStart, pot, dist, done, heap, predMentee, predCost } = this;
    const { start, to, cost } = this.g;
    const U = L + R;
    const hasU = cap[R]! > 0;
    this.nTouched = 0;
    this.relax(i0, 0);
    let work = 0;
    let reached = false;
    while (heap.size > 0) {
      const u = heap.pop();
      done[u] = 1;
      const du = dist[u]!;
      if (u === T) {
        reached = true;
        break;
      }
      if (u < L) {
        const pu = pot[u]! + du;
        const own = mate[u]!;
        const end = start[u + 1]!;
        work += end - start[u]! + 1;
        for (let k = start[u]!; k < end; k++) {
          const j = to[k]!;
          const v = L + j;
          if (j === own || done[v]) continue;
          let nd = pu + cost[k]! - pot[v]!;
          if (nd < du) nd = du; // only rounding can make a reduced cost negative
          if (nd < dist[v]!) {
            if (dist[v] === Infinity) this.touched[this.nTouched++] = v;
            dist[v] = nd;
            heap.pushOrDecrease(v);
            predMentee[j] = u;
            predCost[j] = cost[k]!;
          }
        }
        if (hasU && own !== R && !done[U]) {
          if (this.relax(U, Math.max(du, pu + K - pot[U]!))) {
            predMentee[R] = u;
            predCost[R] = K;
          }
        }
      } else {
        const j = u - L;
        const pj = pot[u]! + du;
        if (used[j]! < cap[j]!) {
          const nd = Math.max(du, pj - pot[T]!);
          if (nd === du) {
            // t ties with the smallest distance left: it is next anyway, stop now (saves exploring ties)
            this.relax(T, nd);
            this.tPred = j;
            done[T] = 1;
            reached = true;
            break;
          }
          if (this.relax(T, nd)) this.tPred = j;
        }
        const end = slotStart[j]! + used[j]!;
        work += end - slotStart[j]! + 1;
        for (let p = slotStart[j]!; p < end; p++) {
          const i = slot[p]!;
          if (done[i]) continue;
          this.relax(i, Math.max(du, pj - mateCost[i]! - pot[i]!));
        }
      }
    }
    heap.clear();
    this.work += work;
    if (!reached) throw new Error(`internal error: no augmenting path from mentee ${i0}`);

    const D = dist[T]!;
    const touched = this.touched;
    for (let k = 0; k < this.nTouched; k++) {
      const v = touched[k]!;
      if (done[v]) pot[v]! += dist[v]! - D;
      dist[v] = Infinity;
      done[v] = 0;
    }
    // Walk the path back: each volunteer on it takes the mentee it was reached from.
    let j = this.tPred;
    for (;;) {
      const i = predMentee[j]!;
      const prev = mate[i]!;
      if (prev >= 0) this.unassign(i);
      this.assign(i, j, predCost[j]!);
      if (i === i0) break;
      j = prev;
    }
  }

  /**
   * Global potential update: one backward Dijkstra from t over the whole residual graph gives every node v its
   * reduced distance h(v) to t; then pot(v) −= h(v), with h capped at the largest finite value for nodes that
   * cannot reach t. New reduced costs are rc + h(head) − h(tail) ≥ 0 (h(tail) ≤ rc + h(head), and the cap keeps
   * that true), and every shortest path to t becomes tight, which augmentAdmissible then exploits.
   * Mentees stay out of the heap: a mentee's only residual arc in is from its own volunteer, so lowering h(i)
   * immediately lowers that volunteer's tentative distance (a waiting mentee has no arc in at all).
   */
  globalUpdate(): void {
    const { L, R, K, T, cap, used, mate, mateCost, pot, dist, heap } = this;
    const { rstart } = this.g;
    this.rev ??= reverseAdjacency(this.g);
    const { rfrom, rcost } = this.rev;
    const U = L + R;
    const N = T + 1;
    this.work = 0;
    dist[T] = 0;
    for (let j = 0; j <= R; j++) {
      // arcs j → t from every volunteer (and U) with room
      if (used[j]! < cap[j]!) this.lowerVolunteer(L + j, pot[L + j]! - pot[T]!, 0);
    }
    let hMax = 0;
    while (heap.size > 0) {
      const v = heap.pop();
      const dv = dist[v]!;
      hMax = dv;
      const pv = pot[v]!;
      if (v === U) {
        for (let i = 0; i < L; i++) if (mate[i] !== R) this.lowerMentee(i, dv + K + pot[i]! - pv, dv);
      } else {
        const j = v - L;
        for (let k = rstart[j]!; k < rstart[j + 1]!; k++) {
          const i = rfrom[k]!;
          if (mate[i] !== j) this.lowerMentee(i, dv + rcost[k]! + pot[i]! - pv, dv);
        }
      }
    }
    for (let i = 0; i < L; i++) if (dist[i]! > hMax && dist[i]! < Infinity) hMax = dist[i]!;
    for (let v = 0; v < N; v++) {
      const h = dist[v]!;
      pot[v]! -= h < hMax ? h : hMax;
      dist[v] = Infinity;
    }
  }

  /** Backward relaxation of mentee i to distance d (≥ floor), passed on through its matched arc. */
  lowerMentee(i: number, d: number, floor: number): void {
    const dist = this.dist;
    if (d < floor) d = floor; // only rounding can make a reduced cost negative
    if (d >= dist[i]!) return;
    dist[i] = d;
    const j = this.mate[i]!;
    if (j >= 0) {
      const v = this.L + j;
      this.lowerVolunteer(v, d - this.mateCost[i]! + this.pot[v]! - this.pot[i]!, d);
    }
  }

  lowerVolunteer(v: number, d: number, floor: number): void {
    if (d < floor) d = floor;
    if (d < this.dist[v]!) {
      this.dist[v] = d;
      this.heap.pushOrDecrease(v);
    }
  }

  result(): Assignment {
    const { L, R, mate, mateCost } = this;
    const { maxS, scale } = this.g;
    const pairs: [number, number][] = [];
    let totalScaled = 0;
    for (let i = 0; i < L; i++) {
      const j = mate[i]!;
      if (j >= 0 && j < R) {
        pairs.push([i, j]);
        totalScaled += maxS - mateCost[i]!;
      }
    }
    const total = scale ? totalScaled / scale : totalScaled;
    return { pairs, matched: pairs.length, total };
  }
}

/** Parses and solves in one go (used by the CLI and the benchmark). */
export function solveJson(json: unknown): Assignment {
  return solveAssignment(validateInstance(json));
}
