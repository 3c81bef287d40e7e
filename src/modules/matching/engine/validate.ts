/**
 * Shape and sanity checks for a batch-matching instance (the CLI's input and the solver's contract).
 * Pure: no I/O. Every refusal names the offending field or edge so a coordinator (or a script) can fix it.
 */

export interface Instance {
  /** number of mentees (left side) */
  left: number;
  /** number of volunteers (right side) */
  right: number;
  /** places per volunteer; default 1 each */
  capacity?: number[];
  /** allowed pairs [mentee, volunteer, score ≥ 0]; unlisted pairs are forbidden */
  edges: [number, number, number][];
}

export class InstanceError extends Error {
  override name = 'InstanceError';
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** Returns the instance typed, or throws InstanceError with a message naming the problem. */
export function validateInstance(json: unknown): Instance {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InstanceError('instance must be a JSON object {"left", "right", "capacity"?, "edges"}');
  }
  const o = json as Record<string, unknown>;
  if (!isCount(o.left)) throw new InstanceError('"left" must be a non-negative integer');
  if (!isCount(o.right)) throw new InstanceError('"right" must be a non-negative integer');
  const L = o.left;
  const R = o.right;
  if (o.capacity !== undefined) {
    if (!Array.isArray(o.capacity)) throw new InstanceError('"capacity" must be an array of non-negative integers');
    if (o.capacity.length !== R) {
      throw new InstanceError(`"capacity" has ${o.capacity.length} entries but "right" is ${R}`);
    }
    o.capacity.forEach((c, j) => {
      if (!isCount(c)) throw new InstanceError(`capacity[${j}] must be a non-negative integer, got ${JSON.stringify(c)}`);
    });
  }
  if (!Array.isArray(o.edges)) throw new InstanceError('"edges" must be an array of [mentee, volunteer, score]');
  const edges = o.edges as unknown[];
  // Duplicate detection without a hash set: bucket edges by mentee (counting sort), then stamp volunteers.
  const deg = new Int32Array(L + 1);
  for (let e = 0; e < edges.length; e++) {
    const t = edges[e];
    if (!Array.isArray(t) || t.length !== 3) throw new InstanceError(`edges[${e}] must be [mentee, volunteer, score]`);
    const [i, j, s] = t as unknown[];
    if (!Number.isInteger(i) || (i as number) < 0 || (i as number) >= L) {
      throw new InstanceError(`edges[${e}]: mentee index ${JSON.stringify(i)} out of range 0..${L - 1}`);
    }
    if (!Number.isInteger(j) || (j as number) < 0 || (j as number) >= R) {
      throw new InstanceError(`edges[${e}]: volunteer index ${JSON.stringify(j)} out of range 0..${R - 1}`);
    }
    if (typeof s !== 'number' || !Number.isFinite(s)) {
      throw new InstanceError(`edges[${e}]: score must be a finite number, got ${JSON.stringify(s)}`);
    }
    if (s < 0) throw new InstanceError(`edges[${e}]: score must be ≥ 0, got ${s}`);
    deg[(i as number) + 1]!++;
  }
  for (let i = 0; i < L; i++) deg[i + 1]! += deg[i]!;
  const fill = deg.slice(0, L);
  const byMentee = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e++) byMentee[fill[(edges[e] as number[])[0]!]!++] = e;
  const stamp = new Int32Array(R).fill(-1);
  const firstEdge = new Int32Array(R);
  for (let i = 0; i < L; i++) {
    for (let k = deg[i]!; k < deg[i + 1]!; k++) {
      const e = byMentee[k]!;
      const j = (edges[e] as number[])[1]!;
      if (stamp[j] === i) throw new InstanceError(`edges[${firstEdge[j]}] and edges[${e}] both give pair (${i}, ${j})`);
      stamp[j] = i;
      firstEdge[j] = e;
    }
  }
  return o as unknown as Instance;
}
