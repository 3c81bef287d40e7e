/**
 * Why a pair ends, and whether the person supported goes back to the waiting list by default. Pure, so the form,
 * the service and the tests share one rule.
 */
import { isOneOf } from '../../../core/one-of.js';
export const END_REASONS = ['goal_reached', 'moved_away', 'no_contact', 'conflict', 'safeguarding', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** The choices for "return the person to the waiting list": follow the reason, or an explicit yes or no. */
export const RETURN_CHOICES = ['auto', 'yes', 'no'] as const;
export type ReturnChoice = (typeof RETURN_CHOICES)[number];

/**
 * A pair that did its work, or a person who left the area, does not need another volunteer; a pair that broke
 * down (no contact, a conflict, a safeguarding matter, anything else) leaves a need still open.
 */
export const returnsByDefault = (reason: EndReason): boolean => !(reason === 'goal_reached' || reason === 'moved_away');

export const resolveReturn = (reason: EndReason, choice: ReturnChoice): boolean => (choice === 'auto' ? returnsByDefault(reason) : choice === 'yes');

/**
 * `matches.end_reason` holds the reason's code; for `other` it holds `other:` and the words typed (the table has one
 * column for both), so reports can still group by code.
 */
export function encodeEndReason(reason: EndReason, text?: string): string {
  return reason === 'other' ? `other:${text ?? ''}` : reason;
}

/** The code and, for `other`, the words of a stored end reason; unknown values read as `other` with the value as text. */
export function decodeEndReason(stored: string): { reason: EndReason; text: string | null } {
  if (stored.startsWith('other:')) return { reason: 'other', text: stored.slice('other:'.length) };
  if (isOneOf(END_REASONS, stored)) return { reason: stored, text: null };
  return { reason: 'other', text: stored };
}
