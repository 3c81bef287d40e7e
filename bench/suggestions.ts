/**
 * npx tsx bench/suggestions.ts — suggestions for one mentee among 50,000 volunteers (target: under 50 ms).
 * Builds 50,000 random volunteers and 100 mentees with a deterministic PRNG (same data every run), prepares the
 * volunteers once, then times rankVolunteers (best 20, with the left-out counts) for each mentee and prints the
 * median and the maximum, wall clock and CPU, and the first (cold) ranking on its own. Printed, not asserted:
 * timings belong in the benchmark, not in the tests.
 * BENCH_VOLUNTEERS and BENCH_MENTEES change the sizes.
 */
import { cpus as cpuList, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEFAULT_WEIGHTS, prepareVolunteers, rankVolunteers, type MenteeProfile, type ScoringContext, type VolunteerProfile } from '../src/modules/matching/scoring/index.js';
import type { LanguageLevel } from '../src/modules/volunteers/volunteers.table.js';

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 50_000);
const MENTEES = Number(process.env.BENCH_MENTEES ?? 100);
const LIMIT = 20;
const TARGET_MS = 50;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20240501);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => random() < p);
const chance = (p: number) => random() < p;

// Warsaw's 18 districts, roughly where they are.
const DISTRICTS: [string, number, number][] = [
  ['Bemowo', 52.254, 20.91], ['Białołęka', 52.319, 20.972], ['Bielany', 52.285, 20.94], ['Mokotów', 52.193, 21.035],
  ['Ochota', 52.212, 20.973], ['Praga-Południe', 52.24, 21.085], ['Praga-Północ', 52.257, 21.037], ['Rembertów', 52.26, 21.16],
  ['Śródmieście', 52.23, 21.012], ['Targówek', 52.29, 21.05], ['Ursus', 52.195, 20.885], ['Ursynów', 52.141, 21.032],
  ['Wawer', 52.2, 21.17], ['Wesoła', 52.24, 21.22], ['Wilanów', 52.165, 21.09], ['Włochy', 52.19, 20.92],
  ['Wola', 52.236, 20.96], ['Żoliborz', 52.268, 20.985],
];
const LANGUAGES = ['pl', 'uk', 'ru', 'en', 'de', 'ar', 'fa', 'tr', 'fr', 'es', 'be', 'ka'];
const LEVELS: LanguageLevel['level'][] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'];
const SLOTS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((d) => ['morning', 'afternoon', 'evening'].map((p) => `${d}-${p}`));
const INTERESTS = [
  'football', 'chess', 'cooking', 'music', 'guitar', 'hiking', 'cycling', 'reading', 'films', 'board games', 'painting',
  'photography', 'dancing', 'swimming', 'basketball', 'volleyball', 'gardening', 'programming', 'theatre', 'yoga',
  'running', 'knitting', 'history', 'science', 'languages', 'travel', 'szachy', 'piłka nożna', 'gotowanie', 'muzyka',
];
const ACTIVITIES = ['mentoring', 'language_help', 'school_help', 'errands', 'leisure', 'institution_assistance', 'events'];
const NEEDS = ['language_practice', 'school_help', 'everyday_matters', 'leisure', 'companionship', 'job_search', 'official_matters'];
const GROUPS = ['children', 'teenagers', 'adults', 'seniors'];

const languages = (): LanguageLevel[] => [
  { code: chance(0.7) ? 'pl' : 'uk', level: 'native' },
  ...some(LANGUAGES, 0.15).map((code) => ({ code, level: pick(LEVELS) })),
];

function volunteer(i: number): VolunteerProfile {
  const capacity = int(1, 3);
  return {
    id: `v${String(i).padStart(6, '0')}`,
    languages: languages(),
    availability: some(SLOTS, 0.3),
    district: chance(0.95) ? pick(DISTRICTS)[0] : null,
    interests: some(INTERESTS, 0.12),
    activities: some(ACTIVITIES, 0.35),
    gender: pick(['female', 'female', 'male', 'other', null] as const),
    age: chance(0.9) ? int(18, 75) : null,
    preferredGender: pick(['any', null, null, 'female', 'male'] as const),
    preferredAgeGroups: chance(0.6) ? [] : some(GROUPS, 0.5),
    travelKm: chance(0.5) ? int(2, 20) : null,
    capacity,
    activeMatches: int(0, capacity),
    safeguardingCleared: chance(0.6),
  };
}

function mentee(i: number): MenteeProfile {
  const age = chance(0.9) ? int(8, 80) : null;
  const needs = some(NEEDS, 0.3);
  return {
    id: `m${String(i).padStart(4, '0')}`,
    needs: needs.length ? needs : [pick(NEEDS)],
    coveredNeeds: [],
    languages: languages(),
    availability: some(SLOTS, 0.3),
    district: pick(DISTRICTS)[0],
    interests: some(INTERESTS, 0.12),
    gender: pick(['female', 'male', 'other', null] as const),
    age,
    minor: age !== null && age < 18,
    vulnerableAdult: chance(0.1),
    preferredVolunteerGender: pick(['any', null, null, 'female', 'male'] as const),
    preferredVolunteerAgeMin: chance(0.2) ? int(18, 30) : null,
    preferredVolunteerAgeMax: chance(0.2) ? int(40, 70) : null,
    daysWaiting: int(0, 300),
  };
}

const cpuCount = () => cpuList().length;

const ctx: ScoringContext = {
  weights: DEFAULT_WEIGHTS,
  districts: new Map(DISTRICTS.map(([name, latitude, longitude]) => [name, { latitude, longitude }])),
  excluded: new Set(['m0000:v000001', 'm0001:v000002']),
};
const volunteers = Array.from({ length: VOLUNTEERS }, (_, i) => volunteer(i));
const mentees = Array.from({ length: MENTEES }, (_, i) => mentee(i));

let t0 = performance.now();
const prepared = prepareVolunteers(volunteers, ctx);
const prepareMs = performance.now() - t0;

/**
 * Wall-clock and CPU milliseconds of one ranking. CPU time is the whole process's (V8's compiler and GC threads
 * included), which a machine busy with other work does not inflate the way it inflates wall-clock time.
 */
function timed(m: MenteeProfile) {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const ranking = rankVolunteers(m, prepared, ctx, { limit: LIMIT });
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { ranking, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

// The first ranking also compiles the loop (V8 tiers up while it runs); it is reported on its own, and the
// measured runs start warm, as they would on a server that has answered one request.
const cold = timed(mentee(MENTEES));
const walls: number[] = [];
const cpus: number[] = [];
let eligible = 0;
let leftOut = 0;
for (const m of mentees) {
  const { ranking, wall, cpu } = timed(m);
  walls.push(wall);
  cpus.push(cpu);
  eligible += ranking.eligible;
  leftOut += ranking.leftOut.count;
}
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! };
};
const wall = stats(walls);
const cpu = stats(cpus);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const verdict = wall.max < TARGET_MS ? 'met' : wall.median < TARGET_MS ? 'median met, max not' : 'NOT met';

console.log(`suggestions: ${MENTEES} mentees × ${VOLUNTEERS} volunteers, best ${LIMIT} each (load average ${loadavg()[0]!.toFixed(1)} on ${cpuCount()} CPUs)`);
console.log(`  prepare once: ${ms(prepareMs)}; first (cold) ranking: ${ms(cold.wall)} wall, ${ms(cold.cpu)} CPU`);
console.log(`  per mentee: median ${ms(wall.median)}, max ${ms(wall.max)} wall (CPU median ${ms(cpu.median)}, max ${ms(cpu.max)}); target < ${TARGET_MS} ms: ${verdict}`);
console.log(`  on average ${Math.round(eligible / MENTEES)} eligible and ${Math.round(leftOut / MENTEES)} left out per mentee`);
console.log(`\n| suggestions for one mentee among ${VOLUNTEERS} volunteers | median ${ms(wall.median)} | max ${ms(wall.max)} | cold ${ms(cold.wall)} | target < ${TARGET_MS} ms: ${verdict} |`);
