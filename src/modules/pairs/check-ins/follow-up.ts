import { z } from 'zod';

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

/** Whole days 1–365 from a form ("30") or JSON (30), with one plain message for anything else. */
const days = z.unknown().transform((v, ctx) => {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    ctx.addIssue({ code: 'custom', params: { key: 'validation.required' } });
    return z.NEVER;
  }
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 365) {
    ctx.addIssue({ code: 'custom', params: { key: 'pairs.followUp.validation.days' } });
    return z.NEVER;
  }
  return n;
});

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
