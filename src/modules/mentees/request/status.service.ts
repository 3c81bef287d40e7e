import { and, desc, eq } from 'drizzle-orm';
import { tokenHash } from '../../../core/auth/tokens.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { daysSince } from '../../../core/i18n/time-zone.js';
import { clockAt } from '../../../core/tenancy/org-clock.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import type { PublicOrganisation } from '../../volunteers/index.js';
import { menteeEvents, mentees } from '../mentees.table.js';
import type { Status } from '../mentees.schemas.js';

/** The shape of a status link's token (`randomToken()`: 32 bytes, base64url); anything else is not looked up. */
export const STATUS_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Where a request from the public form stands, as its sender may see it: dates and the stage only. Nothing about
 * volunteers, social workers or notes (the link may be forwarded, or found on a shared computer).
 */
export interface RequestStatus {
  status: Status;
  receivedAt: Date;
  reviewedAt: Date | null;
  waitingSince: Date | null;
  /** Calendar days on the waiting list in the organisation's zone, while waiting. */
  daysWaiting: number | null;
  matchedAt: Date | null;
  timeZone: string;
  /** Whether a confirmation went to an e-mail address (the page then says the link is in that mail). */
  mailed: boolean;
}

/** The request behind a status link of this organisation, or NOT_FOUND (the same answer for any wrong link). */
export async function requestStatus(db: Db, org: PublicOrganisation, token: string, now = new Date()): Promise<RequestStatus> {
  if (!STATUS_TOKEN.test(token)) throw new AppError('NOT_FOUND', 'mentees.request.status.invalid');
  return withTenant(db, { organisationId: org.id, userId: null }, async (tx) => {
    const [m] = await tx
      .select({ id: mentees.id, status: mentees.status, createdAt: mentees.createdAt, reviewedAt: mentees.reviewedAt, waitingSince: mentees.waitingSince, email: people.email })
      .from(mentees)
      .innerJoin(people, eq(people.id, mentees.personId))
      .where(and(eq(mentees.organisationId, org.id), eq(mentees.statusTokenHash, tokenHash(token))));
    if (!m) throw new AppError('NOT_FOUND', 'mentees.request.status.invalid');
    const status = m.status;
    const clock = clockAt(now, org.timeZone);
    let matchedAt: Date | null = null;
    if (status === 'matched') {
      const [e] = await tx
        .select({ at: menteeEvents.at })
        .from(menteeEvents)
        .where(and(eq(menteeEvents.organisationId, org.id), eq(menteeEvents.menteeId, m.id), eq(menteeEvents.kind, 'match'), eq(menteeEvents.toStatus, 'matched')))
        .orderBy(desc(menteeEvents.at))
        .limit(1);
      matchedAt = e?.at ?? null;
    }
    return {
      status,
      receivedAt: m.createdAt,
      reviewedAt: m.reviewedAt,
      waitingSince: m.waitingSince,
      daysWaiting: status === 'waiting' && m.waitingSince ? daysSince(m.waitingSince, clock.now, clock.timeZone) : null,
      matchedAt,
      timeZone: clock.timeZone,
      mailed: m.email !== null,
    };
  });
}
