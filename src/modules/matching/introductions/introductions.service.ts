import { randomUUID } from 'node:crypto';
import { audit, changedFields, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError, found } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { translator, weekdayName, type Locale } from '../../../core/i18n/index.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { dayHoursText } from '../venues/hours-text.js';
import { outsideHours } from '../venues/opening-hours.js';
import { findVenueById, type VenueRow } from '../venues/venues.repository.js';
import { presentVenue, sortedVenues } from '../venues/venues.service.js';
import type { IntroductionInput } from './introductions.schemas.js';
import {
  findIntroduction,
  findIntroductions,
  findMatchParties,
  findStaffUser,
  insertIntroduction,
  lockMatch,
  updateIntroduction,
  type IntroductionRow,
  type MatchParties,
} from './introductions.repository.js';
import { sendNotices, type Notified } from './notices.js';

/** What the services need from the configuration: the public address (UIDs, links) and the sender. */
export interface IntroductionDeps {
  db: Db;
  baseUrl: string;
  mailFrom: string;
}

const partiesOf = async (tx: Tx, organisationId: string, matchId: string): Promise<MatchParties> => found(await findMatchParties(tx, organisationId, matchId));

const lockedIntroduction = async (tx: Tx, organisationId: string, id: string): Promise<IntroductionRow> => found(await findIntroduction(tx, organisationId, id, true));

/** The venue chosen on the form: one of the organisation's active venues (or the one the introduction already has). */
async function chosenVenue(tx: Tx, organisationId: string, venueId: string, current?: string) {
  const venue = await findVenueById(tx, organisationId, venueId);
  if (!venue || (!venue.active && venue.id !== current)) throw invalid('venueId', 'matching.introductions.validation.venueGone');
  return venue;
}

/**
 * The reason to store when the meeting lies outside the venue's recorded opening hours (in the organisation's zone,
 * with its length; see venues/opening-hours.ts): the form's "schedule anyway" reason, or a refusal on `time` that
 * names the venue's hours that day in the viewer's language. Null when it fits or the hours are unknown.
 */
function outsideHoursReason(venue: VenueRow, input: IntroductionInput, timeZone: string, locale: Locale): string | null {
  const outside = outsideHours(venue.weeklyHours ?? null, input.startsAt, input.minutes, timeZone);
  if (!outside) return null;
  if (input.outsideHoursReason) return input.outsideHoursReason;
  const t = translator(locale);
  throw invalid('time', 'matching.introductions.validation.outsideHours', {
    venue: venue.name,
    weekday: weekdayName(locale, outside.weekday),
    times: dayHoursText(t, locale, outside.intervals),
    start: outside.start,
    end: outside.end,
  });
}

/**
 * Everything the introduction page shows: both people, the social worker, the introductions so far and the
 * active venues. Names are personal data: the read is audited (`match.view`). NOT_FOUND for another
 * organisation's match.
 */
export async function introductionPage(db: Db, actor: RequestActor, matchId: string, locale: Locale) {
  return withTenant(db, actor, async (tx) => {
    const parties = await partiesOf(tx, actor.organisationId, matchId);
    const socialWorker = parties.mentee.socialWorkerUserId ? await findStaffUser(tx, parties.mentee.socialWorkerUserId) : undefined;
    const items = await findIntroductions(tx, actor.organisationId, matchId);
    const venues = await sortedVenues(tx, actor.organisationId, locale, { activeOnly: true });
    await audit(tx, actor, { action: 'match.view', entity: 'match', entityId: matchId, fields: ['volunteer.name', 'mentee.name', 'introductions'] });
    return { parties, socialWorker: socialWorker ? { name: socialWorker.displayName } : null, timeZone: actor.org.timeZone, items, venues };
  });
}

/** One introduction with its match, for the reschedule form (audited like the page). */
export async function introductionForForm(db: Db, actor: RequestActor, introductionId: string, locale: Locale) {
  return withTenant(db, actor, async (tx) => {
    const row = await findIntroduction(tx, actor.organisationId, introductionId);
    if (!row) throw new AppError('NOT_FOUND');
    const parties = await partiesOf(tx, actor.organisationId, row.matchId);
    const venues = await sortedVenues(tx, actor.organisationId, locale, { activeOnly: true });
    // A venue deactivated after scheduling stays choosable for this introduction.
    const kept = venues.some((v) => v.id === row.venueId) ? undefined : await findVenueById(tx, actor.organisationId, row.venueId);
    await audit(tx, actor, { action: 'match.view', entity: 'match', entityId: row.matchId, fields: ['volunteer.name', 'mentee.name', 'introductions'] });
    return { introduction: row, parties, timeZone: actor.org.timeZone, venues: kept ? [...venues, presentVenue(kept)] : venues };
  });
}

/**
 * Schedules the first meeting of an active match: the introduction (new iCalendar UID, SEQUENCE 0) and the notices
 * to the volunteer, the mentee and the social worker are written in one transaction (audited
 * `introduction.schedule`). CONFLICT while another introduction of the pair is still scheduled, or for a match
 * that is not active. A time outside the venue's opening hours is refused on `time` (message in `locale`) unless
 * the input carries a reason: then it is stored and the audit entry lists `outsideHours` and `outsideHoursReason`.
 */
export async function scheduleIntroduction(deps: IntroductionDeps, actor: RequestActor, matchId: string, input: IntroductionInput, locale: Locale = 'en'): Promise<Notified> {
  return withTenant(deps.db, actor, async (tx) => {
    await lockMatch(tx, actor.organisationId, matchId);
    const parties = await partiesOf(tx, actor.organisationId, matchId);
    if (parties.status !== 'active') throw new AppError('CONFLICT', 'matching.introductions.matchNotActive');
    const existing = await findIntroductions(tx, actor.organisationId, matchId);
    if (existing.some((e) => e.introduction.status === 'scheduled')) throw new AppError('CONFLICT', 'matching.introductions.alreadyScheduled');
    const venue = await chosenVenue(tx, actor.organisationId, input.venueId);
    const reason = outsideHoursReason(venue, input, actor.org.timeZone, locale);
    const host = new URL(deps.baseUrl).hostname;
    const row = await insertIntroduction(tx, actor.organisationId, {
      matchId,
      venueId: venue.id,
      startsAt: input.startsAt,
      minutes: input.minutes,
      note: input.note,
      outsideHoursReason: reason,
      icsUid: `${randomUUID()}@${host}`,
      sequence: 0,
      createdByUserId: actor.userId,
    });
    await audit(tx, actor, { action: 'introduction.schedule', entity: 'introduction', entityId: row.id, fields: ['venueId', 'startsAt', 'minutes', ...(input.note ? ['note'] : []), ...(reason ? ['outsideHours', 'outsideHoursReason'] : [])] });
    return sendNotices(tx, deps, actor, { parties, introduction: row, venue, change: 'new' });
  });
}

/**
 * Moves a scheduled introduction (time, place, length or note): same UID, SEQUENCE + 1, "updated" notices. The
 * opening hours are checked as when scheduling; a move back inside them clears the stored reason.
 */
export async function rescheduleIntroduction(deps: IntroductionDeps, actor: RequestActor, introductionId: string, input: IntroductionInput, locale: Locale = 'en'): Promise<Notified & { matchId: string }> {
  return withTenant(deps.db, actor, async (tx) => {
    const before = await lockedIntroduction(tx, actor.organisationId, introductionId);
    if (before.status !== 'scheduled') throw new AppError('CONFLICT', 'matching.introductions.notScheduled');
    const parties = await partiesOf(tx, actor.organisationId, before.matchId);
    const venue = await chosenVenue(tx, actor.organisationId, input.venueId, before.venueId);
    const reason = outsideHoursReason(venue, input, actor.org.timeZone, locale);
    const next = { venueId: venue.id, startsAt: input.startsAt, minutes: input.minutes, note: input.note, outsideHoursReason: reason };
    const fields = changedFields(before as unknown as Record<string, unknown>, next);
    if (reason) fields.push('outsideHours');
    const row = await updateIntroduction(tx, actor.organisationId, before.id, { ...next, sequence: before.sequence + 1 });
    await audit(tx, actor, { action: 'introduction.reschedule', entity: 'introduction', entityId: row.id, fields });
    return { matchId: row.matchId, ...(await sendNotices(tx, deps, actor, { parties, introduction: row, venue, change: 'updated' })) };
  });
}

/** Cancels a scheduled introduction; everyone gets a cancellation (METHOD:CANCEL, SEQUENCE + 1). */
export async function cancelIntroduction(deps: IntroductionDeps, actor: RequestActor, introductionId: string): Promise<Notified & { matchId: string }> {
  return withTenant(deps.db, actor, (tx) => cancelIntroductionInTx(tx, deps, actor, introductionId));
}

/** The cancellation inside the caller's transaction (ending a match cancels its introduction in the same one). */
export async function cancelIntroductionInTx(tx: Tx, deps: Omit<IntroductionDeps, 'db'>, actor: RequestActor, introductionId: string): Promise<Notified & { matchId: string }> {
  const before = await lockedIntroduction(tx, actor.organisationId, introductionId);
  if (before.status !== 'scheduled') throw new AppError('CONFLICT', 'matching.introductions.notScheduled');
  const parties = await partiesOf(tx, actor.organisationId, before.matchId);
  const venue = (await findVenueById(tx, actor.organisationId, before.venueId))!;
  const row = await updateIntroduction(tx, actor.organisationId, before.id, { status: 'cancelled', sequence: before.sequence + 1 });
  await audit(tx, actor, { action: 'introduction.cancel', entity: 'introduction', entityId: row.id, fields: ['status'] });
  return { matchId: row.matchId, ...(await sendNotices(tx, deps, actor, { parties, introduction: row, venue, change: 'cancelled' })) };
}

/** Cancels every introduction of a match that is still scheduled to happen after `now` (the pair is ending). */
export async function cancelUpcomingIntroductions(tx: Tx, deps: Omit<IntroductionDeps, 'db'>, actor: RequestActor, matchId: string, now: Date): Promise<number> {
  const upcoming = (await findIntroductions(tx, actor.organisationId, matchId)).filter((r) => r.introduction.status === 'scheduled' && r.introduction.startsAt > now);
  for (const r of upcoming) await cancelIntroductionInTx(tx, deps, actor, r.introduction.id);
  return upcoming.length;
}

/** Records that the meeting took place; only once its start time has passed. No notices. */
export async function markHeld(db: Db, actor: Actor, introductionId: string, now = new Date()): Promise<{ matchId: string }> {
  return withTenant(db, actor, async (tx) => {
    const before = await lockedIntroduction(tx, actor.organisationId, introductionId);
    if (before.status !== 'scheduled') throw new AppError('CONFLICT', 'matching.introductions.notScheduled');
    if (before.startsAt.getTime() > now.getTime()) throw new AppError('CONFLICT', 'matching.introductions.notYet');
    await updateIntroduction(tx, actor.organisationId, before.id, { status: 'held' });
    await audit(tx, actor, { action: 'introduction.held', entity: 'introduction', entityId: before.id, fields: ['status'] });
    return { matchId: before.matchId };
  });
}
