import type { Status, StatusInput } from '../mentees.schemas.js';
import { isOneOf } from '../../../core/one-of.js';

export type StatusAction = StatusInput['action'];

/**
 * The status changes staff make on a case page (requests are decided by review, matches by the matching pages):
 * put a waiting person on hold and back (keeping the place on the waiting list), close a case with a reason, and
 * reopen a closed one. Pure, so the page offers exactly the moves the service accepts.
 */
const MOVES = {
  hold: { from: ['waiting'], to: 'on_hold' },
  resume: { from: ['on_hold'], to: 'waiting' },
  close: { from: ['waiting', 'on_hold', 'matched'], to: 'closed' },
  reopen: { from: ['closed'], to: 'waiting' },
} as const satisfies Record<StatusAction, { from: readonly Status[]; to: Status }>;
/** A status a staff action leads to (each has its flash message, `mentees.flash.status.<status>`). */
export type MoveTarget = (typeof MOVES)[StatusAction]['to'];

/** The status after `action`, or null when the action is not possible from `status`. */
export function nextStatus(status: string, action: StatusAction): MoveTarget | null {
  const move = MOVES[action];
  return isOneOf(move.from, status) ? move.to : null;
}

/** The actions possible from a status, in the order the page shows them. */
export function actionsFrom(status: string): StatusAction[] {
  return (Object.keys(MOVES) as StatusAction[]).filter((a) => nextStatus(status, a) !== null);
}

/** Closing needs a reason (it is shown on the case and kept for reports). */
export const reasonRequired = (action: StatusAction) => action === 'close';
