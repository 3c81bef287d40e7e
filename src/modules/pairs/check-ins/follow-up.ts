import { z } from 'zod';
import { int } from '../../../core/http/validation.js';

/**
 * How closely a programme follows its pairs (`programmes.follow_up`, SPEC §3.4): the first check-in is due
 * `firstCheckInDays` after the first meeting (or after the match started while no meeting is logged), then every
 * `everyDays` after the last check-in with that side; a pair with no meeting for more than `quietAfterDays` is quiet.
 */
export interface FollowUpSettings {
  firstCheckInDays: number;
  everyDays: number;
  quietAfterDays: number;
}

export const FOLLOW_UP_KEYS = ['firstCheckInDays', 'everyDays', 'quietAfterDays'] as const;
export type FollowUpKey = (typeof FOLLOW_UP_KEYS)[number];

export const DEFAULT_FOLLOW_UP: Readonly<FollowUpSettings> = Object.freeze({ firstCheckInDays: 14, everyDays: 30, quietAfterDays: 21 });

/** Whole days 1–365 from a form ("30", "٣٠") or JSON (30), with one plain message for anything else. */
const days = int(1, 365, { message: 'pairs.followUp.validation.days' });

/** The settings form (and JSON): all three numbers, whole days 1–365. */
export const followUpInput = z.object({ firstCheckInDays: days, everyDays: days, quietAfterDays: days }).strict();
export type FollowUpInput = z.output<typeof followUpInput>;

/**
 * The settings a programme's stored JSON gives, key by key: a missing or unusable value (hand-edited, older
 * version) takes the default rather than breaking every overdue list.
 */
export function followUpOf(stored: Record<string, unknown> | null | undefined): FollowUpSettings {
  const result = { ...DEFAULT_FOLLOW_UP };
  for (const key of FOLLOW_UP_KEYS) {
    const v = stored?.[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 365) result[key] = v;
  }
  return result;
}
