import { addDays, daysBetween } from '../../../core/i18n/time-zone.js';
import type { FollowUpSettings } from './follow-up.js';

/**
 * The follow-up rules as pure functions over calendar dates (YYYY-MM-DD in the organisation's zone), so they hold
 * whatever the server's zone or the clocks do. Only active pairs are followed: paused and closed ones are never
 * overdue or quiet.
 */
export interface FollowedMatch {
  status: string;
  /** The day the match started, in the organisation's zone. */
  startedOn: string;
}

export interface CheckInDay {
  heldOn: string;
}

const latest = (dates: string[]): string | null => dates.reduce<string | null>((a, d) => (a === null || d > a ? d : a), null);

/**
 * When the next check-in with one side of the pair is due. `checkIns` are that side's check-ins (any order).
 * Without one yet: `firstCheckInDays` after the first meeting, or after the start while no meeting is logged; after
 * that: `everyDays` after the latest. Null for a pair that is not active.
 */
export function nextCheckInDue(match: FollowedMatch, checkIns: readonly CheckInDay[], firstMeetingDate: string | null, settings: FollowUpSettings): string | null {
  if (match.status !== 'active') return null;
  const last = latest(checkIns.map((c) => c.heldOn));
  if (last !== null) return addDays(last, settings.everyDays);
  // A meeting logged before the recorded start (data typed late) must not pull the first check-in earlier.
  const anchor = firstMeetingDate !== null && firstMeetingDate > match.startedOn ? firstMeetingDate : match.startedOn;
  return addDays(anchor, settings.firstCheckInDays);
}

/** Whole days a check-in is overdue on `today` (0 or less: not overdue; the due day itself is still in time). */
export function daysOverdue(match: FollowedMatch, checkIns: readonly CheckInDay[], firstMeetingDate: string | null, settings: FollowUpSettings, today: string): number {
  const due = nextCheckInDue(match, checkIns, firstMeetingDate, settings);
  return due === null ? 0 : daysBetween(due, today);
}

export function isOverdue(match: FollowedMatch, checkIns: readonly CheckInDay[], firstMeetingDate: string | null, settings: FollowUpSettings, today: string): boolean {
  return daysOverdue(match, checkIns, firstMeetingDate, settings, today) > 0;
}

/**
 * Whole days without a meeting on `today`: since the last meeting, or since the start while none is logged.
 * A pair is quiet once this exceeds `quietAfterDays`.
 */
export function daysQuiet(lastMeetingDate: string | null, startedOn: string, today: string): number {
  const since = lastMeetingDate !== null && lastMeetingDate > startedOn ? lastMeetingDate : startedOn;
  return Math.max(0, daysBetween(since, today));
}

/** Whether an active pair has gone quiet: no meeting for more than `quietAfterDays` (paused/closed: never). */
export function isQuiet(lastMeetingDate: string | null, match: FollowedMatch, settings: FollowUpSettings, today: string): boolean {
  return match.status === 'active' && daysQuiet(lastMeetingDate, match.startedOn, today) > settings.quietAfterDays;
}
