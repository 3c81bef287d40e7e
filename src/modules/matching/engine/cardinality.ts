/**
 * Maximum number of mentees that can be matched at all (scores ignored): Hopcroft–Karp on the capacitated graph,
 * each volunteer one node taking up to capacity[j] mentees. O(E·√(L+R)) phases of BFS layering + DFS along layers.
 * Berge: a matching is maximum iff no augmenting path (free mentee ⇝ volunteer with room) exists; the loop stops
 * exactly when the BFS finds none.
 */
import type { Graph } from './graph.js';

export function maxCardinality(g: Graph): number {
  const { L, R, start, to, cap } = g;
  // Volunteer j keeps its mentees in slot[slotStart[j] .. slotStart[j] + used[j]).
  const slotStart = new Int32Array(R + 1);
  for (let j = 0; j < R; j++) slotStart[j + 1] = slotStart[j]! + Math.min(cap[j]!, g.rstart[j + 1]! - g.rstart[j]!);
  const slot = new Int32Array(slotStart[R]!);
  const used = new Int32Array(R);
  const mate = new Int32Array(L).fill(-1);
  const slotPos = new Int32Array(L);
  let matched = 0;

  // Greedy start: first neighbour with room.
  for (let i = 0; i < L; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = to[k]!;
      if (used[j]! < cap[j]!) {
        const p = slotStart[j]! + used[j]!++;
        slot[p] = i;
        slotPos[i] = p;
        mate[i] = j;
        matched++;
        break;
      }
    }
  }

  // Nobody can be matched beyond Σ min(capacity, degree) nor beyond the mentees with an edge: often the greedy
  // already reaches that bound (every place filled), and then no search is needed.
  let bound = 0;
  let withEdges = 0;
  for (let j = 0; j < R; j++) bound += slotStart[j + 1]! - slotStart[j]!;
  for (let i = 0; i < L; i++) if (start[i] !== start[i + 1]) withEdges++;
  if (matched === Math.min(bound, withEdges)) return matched;

  const layer = new Int32Array(L);
  const queue = new Int32Array(L);
  const edgeIt = new Int32Array(L); // next edge to try, per mentee (DFS)
  const slotIt = new Int32Array(R); // next slot to try, per volunteer (DFS)
  const stack = new Int32Array(L);
  const DEAD = -1;

  for (;;) {
    // BFS layers from the free mentees; stop at the first layer that sees a volunteer with room.
    let qh = 0;
    let qt = 0;
    for (let i = 0; i < L; i++) {
      if (mate[i]! < 0 && start[i] !== start[i + 1]) {
        layer[i] = 0;
        queue[qt++] = i;
      } else layer[i] = DEAD;
    }
    const nFree = qt;
    let limit = -1;
    while (qh < qt) {
      const i = queue[qh++]!;
      if (limit >= 0 && layer[i]! >= limit) break;
      const next = layer[i]! + 1;
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const j = to[k]!;
        if (j === mate[i]) continue;
        if (used[j]! < cap[j]!) {
          limit = next;
          continue;
        }
        for (let p = slotStart[j]!; p < slotStart[j]! + used[j]!; p++) {
          const i2 = slot[p]!;
          if (layer[i2] === DEAD && mate[i2]! >= 0) {
            layer[i2] = next;
            queue[qt++] = i2;
          }
        }
      }
    }
    if (limit < 0) return matched;
    // Free mentees are all in layer 0; every other layer holds matched mentees, so DEAD marks "not in the layers".
    for (let i = 0; i < L; i++) if (layer[i]! >= limit) layer[i] = DEAD;

    edgeIt.set(start.subarray(0, L));
    slotIt.set(slotStart.subarray(0, R));
    for (let r = 0; r < nFree; r++) if (augmentFrom(queue[r]!)) matched++;
  }

  /** DFS along the layers from a free mentee; on success, shifts every mentee on the path one step. */
  function augmentFrom(root: number): boolean {
    let sp = 0;
    stack[sp++] = root;
    while (sp > 0) {
      const i = stack[sp - 1]!;
      const want = layer[i]! + 1;
      let pushed = false;
      for (; edgeIt[i]! < start[i + 1]!; edgeIt[i]!++) {
        const j = to[edgeIt[i]!]!;
        if (j === mate[i]) continue;
        if (used[j]! < cap[j]!) {
          shiftPath(sp, j);
          return true;
        }
        // All live mentees of j share one layer (they were layered together when j was first expanded), so
        // dead ones can be skipped for good; a live one in the wrong layer means j is no use from i.
        const end = slotStart[j]! + used[j]!;
        while (slotIt[j]! < end && layer[slot[slotIt[j]!]!] === DEAD) slotIt[j]!++;
        if (slotIt[j]! < end && layer[slot[slotIt[j]!]!] === want) {
          stack[sp++] = slot[slotIt[j]!]!;
          pushed = true;
          break;
        }
      }
      if (!pushed) {
        layer[i] = DEAD; // no augmenting path through i in this phase
        sp--;
      }
    }
    return false;
  }

  /** stack[0..sp): root, then each mentee reached through the previous one's current edge; jFree has room. */
  function shiftPath(sp: number, jFree: number): void {
    // The last mentee moves to jFree; each earlier one takes the place its successor left.
    let i = stack[sp - 1]!;
    let j = mate[i]!;
    let p = slotPos[i]!;
    const q = slotStart[jFree]! + used[jFree]!++;
    slot[q] = i;
    slotPos[i] = q;
    mate[i] = jFree;
    layer[i] = DEAD;
    for (let s = sp - 2; s >= 0; s--) {
      i = stack[s]!;
      const nj = mate[i]!;
      const np = slotPos[i]!;
      slot[p] = i;
      slotPos[i] = p;
      mate[i] = j;
      layer[i] = DEAD;
      j = nj;
      p = np;
    }
  }
}
