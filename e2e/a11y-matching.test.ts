/**
 * Accessibility of the mentees, matching and following-the-pairs pages, each also at 360 px wide (see
 * e2e/a11y/suite.ts; the other pages are in e2e/a11y.test.ts, which runs beside this file).
 */
import { menteesAndMatching } from './a11y/mentees-matching.pages.js';
import { followingPairs } from './a11y/pairs.pages.js';
import { checkPages } from './a11y/suite.js';
import type { PageCheck } from './a11y/types.js';

checkPages('mentees, matching, pairs', [...menteesAndMatching(), ...followingPairs()].map((c): PageCheck => ({ ...c, at360: true })));
