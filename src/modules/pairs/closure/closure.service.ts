import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError, type FieldErrors } from '../../../core/http/errors.js';
import { isLocale } from '../../../core/i18n/index.js';
import { queueMail } from '../../../core/mail/outbox.js';
import { authorize } from '../../../core/policy.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf, type OrgClock } from '../../../core/tenancy/org-clock.js';
import { utcToZoned } from '../../../core/i18n/time-zone.js';
import { pairsPolicy } from '../pairs.policy.js';
import { thankYouMail } from './closure.mails.js';
import {
  closeMatchRow,
  findMatchToClose,
  hasOtherCurrentMatch,
  insertClosingCheckIn,
  insertMenteeEvent,
  lockMentee,
  setMenteeStatus,
  type MatchToClose,
} from './closure.repository.js';
import type { CloseInput } from './closure.schemas.js';
import { encodeEndReason, resolveReturn } from './reasons.js';
import { cancelUpcomingIntroductions } from '../../matching/index.js';

export interface ClosureDeps {
  db: Db;
  baseUrl: string;
  /** For the calendar cancellations of an introduction still to come. */
  mailFrom: string;
}

/**
 * The match, if the actor may end it: administrators always, other staff when they follow the pair today (as its
 * coordinator, their cover, or the mentee's case staff). NOT_FOUND for another organisation's id, FORBIDDEN for a
 * pair the actor does not follow.
 */
async function allowedMatch(tx: Tx, actor: RequestActor, matchId: string, clock: OrgClock, lock = false): Promise<MatchToClose> {
  const match = await findMatchToClose(tx, actor.organisationId, matchId, lock);
  if (!match) throw new AppError('NOT_FOUND');
  await authorize(tx, { ...actor, clock }, pairsPolicy, 'close', matchId);
  return match;
}

/** What the form shows: both people, the match's start and today in the organisation's zone. Audited `match.view`. */
export async function closeFormData(db: Db, actor: RequestActor, matchId: string, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const org = actor.org;
    const clock = clockOf(actor, now);
    const today = clock.today;
    const match = await allowedMatch(tx, actor, matchId, clock);
    if (match.status === 'closed') throw new AppError('CONFLICT', 'pairs.closure.alreadyClosed');
    await audit(tx, actor, { action: 'match.view', entity: 'match', entityId: matchId, fields: ['volunteer.name', 'mentee.name'] });
    return { match, today, startedOn: utcToZoned(match.startedAt, org.timeZone).date, timeZone: org.timeZone };
  });
}
export type CloseFormData = Awaited<ReturnType<typeof closeFormData>>;

/** Closing conversations cannot be in the future or before the pair began (days in the organisation's zone). */
function dateErrors(input: CloseInput, today: string, startedOn: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const side of ['volunteer', 'mentee'] as const) {
    const c = input[side];
    if (!c) continue;
    if (c.heldOn > today) errors[`${side}HeldOn`] = { key: 'pairs.closure.validation.future' };
    else if (c.heldOn < startedOn) errors[`${side}HeldOn`] = { key: 'pairs.closure.validation.beforeStart' };
  }
  return errors;
}

export interface Closed {
  /** The match's version after closing (the one the form showed, plus one) and when it ended. */
  version: number;
  endedAt: Date;
  /** The mentee's status afterwards (unchanged when another of their pairs still runs). */
  menteeStatus: string;
  returned: boolean;
  /** Whether the thank-you was queued (asked for, and the volunteer has an e-mail address). */
  thanked: boolean;
}

/**
 * Ends a pair in ONE transaction: the match becomes closed (ended now, with its reason) if it still has the version
 * the user saw (else CONFLICT); the mentee goes back to the waiting list — keeping `waiting_since`, so nobody loses
 * their place — when the reason (or the user) says so and no other pair of theirs runs, or is closed when none runs
 * and they are not returned; a `match` event on their timeline either way; the closing conversations become check-ins
 * of kind `closing`; the thank-you mail is queued to the volunteer in their language. Bad dates are VALIDATION and
 * nothing is written. Audited `match.close`, `mentee.status` (when it changed) and `check_in.create`.
 */
export async function closeMatch(deps: ClosureDeps, actor: RequestActor, matchId: string, input: CloseInput, now = actor.clock.now): Promise<Closed> {
  return withTenant(deps.db, actor, async (tx) => {
    const org = actor.org;
    const clock = clockOf(actor, now);
    const today = clock.today;
    const match = await allowedMatch(tx, actor, matchId, clock, true);
    if (match.status === 'closed') throw new AppError('CONFLICT', 'pairs.closure.alreadyClosed');
    if (match.version !== input.version) throw new AppError('CONFLICT', 'pairs.closure.conflict');
    const errors = dateErrors(input, today, utcToZoned(match.startedAt, org.timeZone).date);
    if (Object.keys(errors).length > 0) throw new AppError('VALIDATION', 'error.validation', errors);

    const endReason = encodeEndReason(input.reason, input.reasonText ?? undefined);
    if (!(await closeMatchRow(tx, actor.organisationId, matchId, input.version, { endReason, endedAt: now }))) throw new AppError('CONFLICT', 'pairs.closure.conflict');
    await audit(tx, actor, { action: 'match.close', entity: 'match', entityId: matchId, fields: ['status', 'endedAt', 'endReason'] });
    // A first meeting still to come would otherwise stay in three calendars: everyone gets the cancellation.
    await cancelUpcomingIntroductions(tx, deps, actor, matchId, now);

    const returned = resolveReturn(input.reason, input.returnChoice);
    const mentee = await lockMentee(tx, actor.organisationId, match.menteeId);
    const othersRun = await hasOtherCurrentMatch(tx, actor.organisationId, match.menteeId, matchId);
    const to = othersRun ? mentee.status : returned ? 'waiting' : 'closed';
    if (to !== mentee.status) {
      // A person who never had a waiting date (recorded straight into a match) starts waiting now.
      await setMenteeStatus(tx, actor.organisationId, match.menteeId, { status: to, statusReason: to === 'closed' ? endReason : null, waitingSince: to === 'waiting' && !mentee.waitingSince ? now : undefined, at: now });
      await audit(tx, actor, { action: 'mentee.status', entity: 'mentee', entityId: match.menteeId, fields: ['status', ...(to === 'closed' ? ['statusReason'] : [])] });
    }
    await insertMenteeEvent(tx, actor.organisationId, {
      menteeId: match.menteeId,
      at: now,
      actorUserId: actor.userId,
      kind: 'match',
      fromStatus: mentee.status,
      toStatus: to,
      // `reason` is what the case timeline prints as typed; the code stays in `endReason`.
      detail: { action: 'ended', matchId, volunteerId: match.volunteerId, endReason: input.reason, returned, ...(input.reasonText ? { reason: input.reasonText } : {}) },
    });

    for (const side of ['volunteer', 'mentee'] as const) {
      const c = input[side];
      if (!c) continue;
      const id = await insertClosingCheckIn(tx, actor.organisationId, { matchId, side, heldOn: c.heldOn, rating: c.rating, notes: c.notes, recordedByUserId: actor.userId });
      await audit(tx, actor, { action: 'check_in.create', entity: 'check_in', entityId: id, fields: ['side', 'kind', 'heldOn', ...(c.rating !== null ? ['rating'] : []), ...(c.notes !== null ? ['notes'] : [])] });
    }

    const thanked = input.sendThanks && Boolean(match.volunteer.email);
    if (thanked) {
      const fallback = org.locale;
      await queueMail(tx, {
        organisationId: actor.organisationId,
        to: match.volunteer.email!,
        locale: isLocale(match.volunteer.locale) ? match.volunteer.locale : fallback,
        template: thankYouMail,
        params: {
          organisation: org.name,
          volunteer: match.volunteer.givenName,
          mentee: match.mentee.givenName,
          volunteerPageUrl: `${deps.baseUrl}/me/volunteer`,
          certificateUrl: `${deps.baseUrl}/me/meetings/certificate.pdf`,
        },
      });
    }
    return { version: input.version + 1, endedAt: now, menteeStatus: to, returned, thanked };
  });
}
