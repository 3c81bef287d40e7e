/**
 * The solver against a brute force on small instances and an independent min-cost-flow reference on medium ones,
 * Hopcroft–Karp against brute force, hard constraints on every answer, input validation, the CLI, and (when SciPy
 * is present, always under CI) the SciPy reference on larger instances.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { solveAssignment, validateInstance, InstanceError, type Instance, type Assignment } from './assignment.js';
import { maxCardinality } from './cardinality.js';
import { buildGraph } from './graph.js';
import { runMatchCli } from '../../../cli/match.js';

/** Enumerates every assignment; returns the lexicographic optimum (matched, total). */
function bruteForce(inst: Instance): { matched: number; total: number } {
  const cap = inst.capacity ?? new Array<number>(inst.right).fill(1);
  const byMentee: [number, number][][] = Array.from({ length: inst.left }, () => []);
  for (const [i, j, s] of inst.edges) byMentee[i]!.push([j, s]);
  const left = [...cap];
  let best = { matched: 0, total: 0 };
  const go = (i: number, matched: number, total: number) => {
    if (i === inst.left) {
      if (matched > best.matched || (matched === best.matched && total > best.total + 1e-9)) best = { matched, total };
      return;
    }
    go(i + 1, matched, total);
    for (const [j, s] of byMentee[i]!) {
      if (left[j]! > 0) {
        left[j]!--;
        go(i + 1, matched + 1, total + s);
        left[j]!++;
      }
    }
  };
  go(0, 0, 0);
  return best;
}

/** No mentee twice, no capacity exceeded, no forbidden pair, reported figures consistent. */
function checkFeasible(inst: Instance, a: Assignment) {
  const cap = inst.capacity ?? new Array<number>(inst.right).fill(1);
  const score = new Map(inst.edges.map(([i, j, s]) => [`${i},${j}`, s]));
  const seen = new Set<number>();
  const load = new Array<number>(inst.right).fill(0);
  let total = 0;
  for (const [i, j] of a.pairs) {
    assert.ok(!seen.has(i), `mentee ${i} matched twice`);
    seen.add(i);
    const s = score.get(`${i},${j}`);
    assert.ok(s !== undefined, `forbidden pair (${i}, ${j})`);
    total += s;
    load[j]!++;
    assert.ok(load[j]! <= cap[j]!, `volunteer ${j} over capacity`);
  }
  assert.equal(a.matched, a.pairs.length);
  assert.ok(Math.abs(a.total - total) < 1e-6, `reported total ${a.total} ≠ ${total}`);
}

const smallInstance = (decimals: boolean) =>
  fc
    .record({ left: fc.integer({ min: 0, max: 6 }), right: fc.integer({ min: 0, max: 6 }) })
    .chain(({ left, right }) =>
      fc.record({
        left: fc.constant(left),
        right: fc.constant(right),
        capacity: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: right, maxLength: right }),
        edges: fc
          .uniqueArray(
            fc.tuple(
              fc.integer({ min: 0, max: Math.max(0, left - 1) }),
              fc.integer({ min: 0, max: Math.max(0, right - 1) }),
              // few distinct values → many ties; decimals exercise the scaling path
              decimals ? fc.constantFrom(0, 0.1, 0.25, 1.5, 2.75, 3.333, 10) : fc.integer({ min: 0, max: 4 }),
            ),
            { selector: ([i, j]) => `${i},${j}`, maxLength: left && right ? left * right : 0 },
          )
          .map((es) => es.map(([i, j, s]) => [i, j, s] as [number, number, number])),
      }),
    );

for (const decimals of [false, true]) {
  test(`matches the brute-force optimum (${decimals ? 'decimal' : 'integer'} scores)`, () => {
    fc.assert(
      fc.property(smallInstance(decimals), (inst) => {
        const got = solveAssignment(inst);
        checkFeasible(inst, got);
        const want = bruteForce(inst);
        assert.equal(got.matched, want.matched);
        assert.ok(Math.abs(got.total - want.total) < 1e-6, `total ${got.total} ≠ ${want.total}`);
      }),
      { numRuns: 400 },
    );
  });
}

/** Largest number of mentees that can be matched (scores ignored), by enumeration. */
function bruteCardinality(inst: Instance): number {
  return bruteForce({ ...inst, edges: inst.edges.map(([i, j]) => [i, j, 0] as [number, number, number]) }).matched;
}

/**
 * Independent reference for medium instances (integer scores): min-cost flow s → mentee → volunteer → t with
 * Bellman–Ford successive shortest paths and a big-M weight per match (exact in doubles at these sizes).
 */
function referenceFlow(inst: Instance): { matched: number; total: number } {
  const cap = inst.capacity ?? new Array<number>(inst.right).fill(1);
  const L = inst.left;
  const R = inst.right;
  const big = (L + 1) * (Math.max(0, ...inst.edges.map((e) => e[2])) + 1);
  const n = L + R + 2;
  const s = L + R;
  const t = s + 1;
  const arcs: { to: number; cap: number; cost: number; rev: number }[][] = Array.from({ length: n }, () => []);
  const add = (u: number, v: number, c: number, w: number) => {
    arcs[u]!.push({ to: v, cap: c, cost: w, rev: arcs[v]!.length });
    arcs[v]!.push({ to: u, cap: 0, cost: -w, rev: arcs[u]!.length - 1 });
  };
  for (let i = 0; i < L; i++) add(s, i, 1, 0);
  for (const [i, j, sc] of inst.edges) add(i, L + j, 1, -(big + sc));
  for (let j = 0; j < R; j++) add(L + j, t, cap[j]!, 0);
  let cost = 0;
  let matched = 0;
  for (;;) {
    const dist = new Array<number>(n).fill(Infinity);
    const prev: [number, number][] = new Array(n);
    dist[s] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        arcs[u]!.forEach((a, k) => {
          if (a.cap > 0 && dist[u]! + a.cost < dist[a.to]!) {
            dist[a.to] = dist[u]! + a.cost;
            prev[a.to] = [u, k];
            changed = true;
          }
        });
      }
      if (!changed) break;
    }
    if (!(dist[t]! < 0)) break; // no augmenting path that lowers the cost
    for (let v = t; v !== s; ) {
      const [u, k] = prev[v]!;
      const a = arcs[u]![k]!;
      a.cap--;
      arcs[v]![a.rev]!.cap++;
      v = u;
    }
    cost += dist[t]!;
    matched++;
  }
  return { matched, total: -cost - matched * big || 0 }; // || 0: no −0
}

const mediumInstance = fc
  .record({
    left: fc.integer({ min: 1, max: 40 }),
    right: fc.integer({ min: 1, max: 15 }),
    degree: fc.integer({ min: 1, max: 6 }),
    distinct: fc.constantFrom(1, 3, 50),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 2 }),
  })
  .map(({ left, right, degree, distinct, seed }): Instance => {
    let x = seed;
    const rnd = () => ((x = (Math.imul(x, 48271) >>> 0) % 2147483647) / 2147483647);
    // capacities 0–3: often fewer places than mentees, so many instances leave mentees out
    const capacity = Array.from({ length: right }, () => Math.floor(rnd() * 4));
    const edges: [number, number, number][] = [];
    for (let i = 0; i < left; i++) {
      const seen = new Set<number>();
      for (let d = 0; d < degree; d++) {
        const j = Math.floor(rnd() * right);
        if (!seen.has(j)) edges.push([i, j, Math.floor(rnd() * distinct)]);
        seen.add(j);
      }
    }
    return { left, right, capacity, edges };
  });

test('maximum cardinality (Hopcroft–Karp) equals brute force', () => {
  fc.assert(
    fc.property(smallInstance(false), (inst) => {
      assert.equal(maxCardinality(buildGraph(inst)), bruteCardinality(inst));
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(mediumInstance, (inst) => {
      assert.equal(maxCardinality(buildGraph(inst)), referenceFlow(inst).matched);
    }),
    { numRuns: 150 },
  );
});

test('medium instances with ties and scarce places (global updates, tight-path placements) equal a reference', () => {
  fc.assert(
    fc.property(mediumInstance, (inst) => {
      const got = solveAssignment(inst);
      checkFeasible(inst, got);
      const want = referenceFlow(inst);
      assert.equal(got.matched, want.matched);
      assert.equal(got.total, want.total);
    }),
    { numRuns: 300 },
  );
});

test('cardinality beats score: one big match loses to two small ones', () => {
  const inst: Instance = { left: 2, right: 2, edges: [[0, 0, 100], [0, 1, 1], [1, 0, 1]] };
  assert.deepEqual(solveAssignment(inst), { pairs: [[0, 1], [1, 0]], matched: 2, total: 2 });
});

test('a later mentee can take the place of an earlier one for a better total', () => {
  const inst: Instance = { left: 2, right: 1, edges: [[0, 0, 1], [1, 0, 10]] };
  assert.deepEqual(solveAssignment(inst), { pairs: [[1, 0]], matched: 1, total: 10 });
});

test('validation names the problem', () => {
  const bad: [unknown, RegExp][] = [
    [null, /JSON object/],
    [[], /JSON object/],
    [{ left: -1, right: 1, edges: [] }, /"left"/],
    [{ left: 1, right: 1.5, edges: [] }, /"right"/],
    [{ left: 1, right: 1 }, /"edges"/],
    [{ left: 1, right: 1, edges: [[0, 0]] }, /edges\[0\] must be/],
    [{ left: 1, right: 1, edges: [[1, 0, 1]] }, /mentee index 1 out of range/],
    [{ left: 1, right: 1, edges: [[0, -1, 1]] }, /volunteer index -1 out of range/],
    [{ left: 1, right: 1, edges: [[0, 0, -2]] }, /score must be ≥ 0/],
    [{ left: 1, right: 1, edges: [[0, 0, 'x']] }, /finite number/],
    [{ left: 1, right: 1, edges: [[0, 0, null]] }, /finite number/],
    [{ left: 1, right: 2, edges: [[0, 1, 1], [0, 0, 2], [0, 1, 3]] }, /edges\[0\] and edges\[2\]/],
    [{ left: 1, right: 2, capacity: [1], edges: [] }, /"capacity" has 1 entries/],
    [{ left: 1, right: 1, capacity: [-1], edges: [] }, /capacity\[0\]/],
    [{ left: 1, right: 1, capacity: [1.5], edges: [] }, /capacity\[0\]/],
  ];
  for (const [json, message] of bad) assert.throws(() => validateInstance(json), (e: unknown) => e instanceof InstanceError && message.test(e.message));
  assert.doesNotThrow(() => validateInstance({ left: 2, right: 1, capacity: [0], edges: [[1, 0, 0.5]] }));
});

test('CLI: solves a file, refuses invalid ones with a message and a non-zero code', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-match-'));
  try {
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, JSON.stringify({ left: 2, right: 1, capacity: [2], edges: [[0, 0, 1.5], [1, 0, 2]] }));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/match.ts', 'solve', ok], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { pairs: [[0, 0], [1, 0]], matched: 2, total: 3.5 });
    const cases: [string, string, RegExp][] = [
      ['bad.json', '{"left": 1,', /not valid JSON/],
      ['range.json', '{"left":1,"right":1,"edges":[[0,3,1]]}', /out of range/],
      ['neg.json', '{"left":1,"right":1,"edges":[[0,0,-1]]}', /≥ 0/],
      ['dup.json', '{"left":1,"right":1,"edges":[[0,0,1],[0,0,2]]}', /both give pair/],
    ];
    for (const [name, text, message] of cases) {
      writeFileSync(join(dir, name), text);
      const errors: string[] = [];
      const code = await runMatchCli(['solve', join(dir, name)], { stdout: () => {}, stderr: (s) => errors.push(s) });
      assert.notEqual(code, 0, name);
      assert.match(errors.join(''), message);
    }
    const missing = await runMatchCli(['solve', join(dir, 'nope.json')], { stdout: () => {}, stderr: () => {} });
    assert.notEqual(missing, 0);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/match.ts', 'solve', join(dir, 'neg.json')], { encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /score must be ≥ 0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- SciPy reference on larger random instances ----
const refPy = resolve(process.cwd(), '../shared/bench/ref.py');
const hasScipy = spawnSync('/usr/bin/python3', ['-c', 'import scipy'], { stdio: 'ignore' }).status === 0;
const inCi = process.env.CI === 'true';
// Outside CI a missing SciPy is a skip that says how to install it (npm test lists skips at the end); under CI=true,
// which installs it (.ci/run), the test runs and fails on what is missing.
const skipRef = inCi ? false : !existsSync(refPy) ? `reference ${refPy} not found` : !hasScipy ? 'SciPy is not installed (install: apt-get install python3-scipy)' : false;

test('equals the SciPy reference on larger random instances', { skip: skipRef }, () => {
  // Under CI the comparison must run: say plainly what is missing instead of failing inside the property.
  assert.ok(existsSync(refPy), `the SciPy reference ${refPy} is missing (../shared must sit beside the checkout)`);
  assert.ok(hasScipy, 'SciPy is missing: apt-get install -y python3-scipy');
  const dir = mkdtempSync(join(tmpdir(), 'tandem-ref-'));
  try {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 300 }),
        fc.integer({ min: 20, max: 200 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(5, 100, 10000),
        (left, right, k, seed, smax) => {
          let s = seed;
          const rnd = () => ((s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647);
          const capacity = Array.from({ length: right }, () => 1 + Math.floor(rnd() * 3));
          const edges: [number, number, number][] = [];
          for (let i = 0; i < left; i++) {
            const seen = new Set<number>();
            for (let t = 0; t < k; t++) {
              const j = Math.floor(rnd() * right);
              if (!seen.has(j)) edges.push([i, j, Math.floor(rnd() * (smax + 1))]);
              seen.add(j);
            }
          }
          const inst: Instance = { left, right, capacity, edges };
          const file = join(dir, 'i.json');
          writeFileSync(file, JSON.stringify(inst));
          const ref = spawnSync('/usr/bin/python3', [refPy, file, '--method', 'sparse'], { encoding: 'utf8' });
          assert.equal(ref.status, 0, ref.stderr);
          const want = JSON.parse(ref.stdout) as { matched: number; total: number };
          const got = solveAssignment(inst);
          checkFeasible(inst, got);
          assert.equal(got.matched, want.matched);
          assert.equal(got.total, want.total);
        },
      ),
      { numRuns: 15 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
