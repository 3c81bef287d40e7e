import type { Tx } from '../../../core/db/tx.js';
import { Slot, type Slots } from '../../../core/module.js';

/** A current match (active or paused) of a mentee, as the case page lists it. */
export interface CurrentMatch {
  id: string;
  volunteerId: string;
  paused: boolean;
  needs: string[];
  startedAt: Date;
  /** The volunteer's name. */
  givenName: string;
  familyName: string;
}

/**
 * Reads a mentee's current matches in the case's own tenant transaction (so closing a case checks them under its lock).
 * Matches belong to matching, which comes after mentees in the module order: matching adds its reader to
 * `currentMatchesOfMentee` while it registers, so mentees never imports it.
 */
export type CurrentMatchesReader = (tx: Tx, organisationId: string, menteeId: string) => Promise<CurrentMatch[]>;

/** The readers of a mentee's current matches (matching adds one). */
export const currentMatchesOfMentee = new Slot<CurrentMatchesReader>('mentees.current-matches');

/**
 * One reader over what the slot holds when a request comes (modules after mentees register later): every reader's
 * matches, oldest first; none when no module added a reader.
 */
export function currentMatchesFrom(slots: Slots): CurrentMatchesReader {
  return async (tx, organisationId, menteeId) => {
    const found: CurrentMatch[] = [];
    // One after another: they share the transaction.
    for (const read of slots.get(currentMatchesOfMentee)) found.push(...(await read(tx, organisationId, menteeId)));
    return found.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  };
}
