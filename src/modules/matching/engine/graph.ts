/**
 * The instance as flat typed arrays: costs c = maxS − score ≥ 0 (scaled to integers when possible), adjacency in
 * both directions (mentee → volunteers, and volunteer → mentees on demand). Memory O(L + R + E).
 */
import type { Instance } from './validate.js';

export interface Graph {
  L: number;
  R: number;
  E: number;
  cap: Int32Array;
  /** edges of mentee i: start[i] .. start[i+1]−1, volunteer to[k], cost cost[k] */
  start: Int32Array;
  to: Int32Array;
  cost: Float64Array;
  /** edges of volunteer j: rstart[j] .. rstart[j+1]−1 (degree of j = rstart[j+1] − rstart[j]) */
  rstart: Int32Array;
  /** largest (scaled) score; cost = maxS − score */
  maxS: number;
  /** scores were multiplied by scale (a power of ten) to make them integers; 0 = left as doubles */
  scale: number;
}

/** Smallest power of ten (≤ 10^6) making every score an integer, or 0 when none does. */
function scaleFor(edges: Instance['edges']): number {
  let scale = 1;
  for (let e = 0; e < edges.length; e++) {
    const s = edges[e]![2];
    while (Math.round(s * scale) / scale !== s) {
      if (scale >= 1e6) return 0;
      scale *= 10;
    }
  }
  return scale;
}

export function buildGraph(inst: Instance): Graph {
  const L = inst.left;
  const R = inst.right;
  const edges = inst.edges;
  const E = edges.length;
  const cap = Int32Array.from(inst.capacity ?? new Array<number>(R).fill(1));
  // Pass 1: degrees, largest score, integrality.
  const start = new Int32Array(L + 1);
  const rstart = new Int32Array(R + 1);
  let maxRaw = 0;
  let integral = true;
  for (let e = 0; e < E; e++) {
    const t = edges[e]!;
    const s = t[2];
    if (s > maxRaw) maxRaw = s;
    if (integral && !Number.isInteger(s)) integral = false;
    start[t[0] + 1]!++;
    rstart[t[1] + 1]!++;
  }
  const scale = integral ? 1 : scaleFor(edges);
  const scaled = (s: number) => (scale === 1 || scale === 0 ? s : Math.round(s * scale));
  const maxS = scaled(maxRaw); // rounding is monotone, so this is the largest scaled score
  for (let i = 0; i < L; i++) start[i + 1]! += start[i]!;
  for (let j = 0; j < R; j++) rstart[j + 1]! += rstart[j]!;
  // Pass 2: adjacency by mentee.
  const fill = start.slice(0, L);
  const to = new Int32Array(E);
  const cost = new Float64Array(E);
  for (let e = 0; e < E; e++) {
    const t = edges[e]!;
    const k = fill[t[0]]!++;
    to[k] = t[1];
    cost[k] = maxS - scaled(t[2]);
  }
  return { L, R, E, cap, start, to, cost, rstart, maxS, scale };
}

/** Adjacency by volunteer: edges of j are rfrom/rcost[rstart[j] .. rstart[j+1]−1] (built only when needed). */
export function reverseAdjacency(g: Graph): { rfrom: Int32Array; rcost: Float64Array } {
  const rfill = g.rstart.slice(0, g.R);
  const rfrom = new Int32Array(g.E);
  const rcost = new Float64Array(g.E);
  for (let i = 0; i < g.L; i++) {
    for (let k = g.start[i]!; k < g.start[i + 1]!; k++) {
      const r = rfill[g.to[k]!]!++;
      rfrom[r] = i;
      rcost[r] = g.cost[k]!;
    }
  }
  return { rfrom, rcost };
}
