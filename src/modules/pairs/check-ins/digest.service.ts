import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { isLocale, type Locale } from '../../../core/i18n/index.js';
import { enqueue } from '../../../core/jobs/queue.js';
import { queueMail } from '../../../core/mail/outbox.js';
import { addDays, addMonths, utcToZoned, zonedToUtc } from '../../../core/i18n/time-zone.js';
import { clockAt } from '../../../core/tenancy/org-clock.js';
import { allOrgFacts, orgFacts, type OrgFacts } from '../../../core/tenancy/org-facts.js';
import { responsibleUsers } from '../access.js';
import { findPair } from './check-ins.repository.js';
import type { Side } from './check-ins.schemas.js';
import { findUsers } from './covers.repository.js';
import { findVolunteerContact, findVolunteersToRemind } from './digest.repository.js';
import { digestMail, reminderMail } from './digest.mails.js';
import { followUpLists } from './overdue.service.js';

export const JOB = {
  hourly: 'pairs.follow-up.hourly',
  digest: 'pairs.digest.weekly',
  digestSend: 'pairs.digest.send',
  reminder: 'pairs.reminder.monthly',
  reminderSend: 'pairs.reminder.send',
} as const;

/** When the digest goes out (Monday, from this local time) and the reminder (the 1st, from this local time). */
export const DIGEST_FROM = '07:00';
export const REMINDER_FROM = '09:00';

/** ISO 8601 week of a calendar date: "2026-W09" (the week belongs to the year of its Thursday). */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** What is due in one organisation at `now`: the week's digest and the month's reminder, as unique job keys. */
export function dueInZone(organisationId: string, timeZone: string, now: Date) {
  const local = utcToZoned(now, timeZone);
  const due: { kind: string; payload: Record<string, unknown>; uniqueKey: string }[] = [];
  if (weekday(local.date) === 1 && local.time >= DIGEST_FROM) {
    const week = isoWeek(local.date);
    due.push({ kind: JOB.digest, payload: { organisationId, week }, uniqueKey: `pairs-digest:${organisationId}:${week}` });
  }
  if (local.date.endsWith('-01') && local.time >= REMINDER_FROM) {
    const month = addMonths(local.date, -1).slice(0, 7);
    due.push({ kind: JOB.reminder, payload: { organisationId, month }, uniqueKey: `pairs-reminder:${organisationId}:${month}` });
  }
  return due;
}

/** The recipient's language, else the organisation's. */
const localeOf = (org: OrgFacts, preferred: string | null | undefined): Locale => (isLocale(preferred) ? preferred : org.locale);

type DigestItems = { overdue: { matchId: string; side: Side; days: number }[]; quiet: { matchId: string; days: number; lastMeetingOn: string | null }[] };

/**
 * The week's digest of one organisation: overdue check-ins and quiet pairs, each given to the users responsible for
 * the pair today (its coordinator — or their cover while they are away — and the mentee's case staff). One send job
 * per recipient with a unique key per week, so a repeated or concurrent run sends nobody a second digest; someone
 * with nothing to report gets no job and no mail.
 */
export async function planDigest(db: Db, organisationId: string, week: string, now: Date): Promise<number> {
  return withTenant(db, { organisationId, userId: null }, async (tx) => {
    const clock = clockAt(now, (await orgFacts(tx, organisationId)).timeZone);
    const today = clock.today;
    const lists = await followUpLists(tx, organisationId, null, clock);
    const byUser = new Map<string, DigestItems>();
    const responsible = new Map<string, string[]>();
    const usersOf = async (matchId: string) => {
      let found = responsible.get(matchId);
      if (!found) responsible.set(matchId, (found = await responsibleUsers(tx, organisationId, matchId, today)));
      return found;
    };
    const itemsOf = (userId: string) => {
      let items = byUser.get(userId);
      if (!items) byUser.set(userId, (items = { overdue: [], quiet: [] }));
      return items;
    };
    for (const o of lists.overdue) for (const u of await usersOf(o.matchId)) itemsOf(u).overdue.push({ matchId: o.matchId, side: o.side, days: o.days });
    for (const q of lists.quiet) for (const u of await usersOf(q.matchId)) itemsOf(u).quiet.push({ matchId: q.matchId, days: q.days, lastMeetingOn: q.lastMeetingOn });
    for (const [userId, items] of byUser) {
      await enqueue(tx, JOB.digestSend, { organisationId, userId, week, ...items }, { uniqueKey: `pairs-digest:${organisationId}:${week}:${userId}` });
    }
    return byUser.size;
  });
}

/** Writes one digest to the outbox in the recipient's account language (organisation's language without one). */
export async function sendDigest(db: Db, baseUrl: string, payload: { organisationId: string; userId: string } & DigestItems): Promise<'sent' | 'skipped'> {
  const { organisationId, userId } = payload;
  return withTenant(db, { organisationId, userId: null }, async (tx) => {
    const [user] = await findUsers(tx, [userId]);
    if (!user || user.disabled || payload.overdue.length + payload.quiet.length === 0) return 'skipped';
    const org = await orgFacts(tx, organisationId);
    const locale = localeOf(org, user.locale);
    const names = new Map<string, { volunteer: string; mentee: string }>();
    for (const id of new Set([...payload.overdue, ...payload.quiet].map((i) => i.matchId))) {
      const pair = await findPair(tx, organisationId, id);
      if (pair) names.set(id, { volunteer: pair.volunteer.givenName, mentee: pair.mentee.givenName });
    }
    const overdue = payload.overdue.flatMap((o) => (names.has(o.matchId) ? [{ ...names.get(o.matchId)!, side: o.side, days: o.days }] : []));
    const quiet = payload.quiet.flatMap((q) => (names.has(q.matchId) ? [{ ...names.get(q.matchId)!, days: q.days, lastMeetingOn: q.lastMeetingOn }] : []));
    if (overdue.length + quiet.length === 0) return 'skipped';
    await queueMail(tx, { organisationId, to: user.email, locale, template: digestMail, params: { locale, organisation: org.name, overdue, quiet, url: `${baseUrl}/pairs/overdue` } });
    await audit(tx, { organisationId, userId: null }, { action: 'pairs.digest.send', entity: 'user', entityId: userId, fields: ['volunteer.givenName', 'mentee.givenName'] });
    return 'sent';
  });
}

/** The first and last day of a month (YYYY-MM) and the instant its successor starts in the zone. */
function monthBounds(month: string, timeZone: string) {
  const from = `${month}-01`;
  const next = addMonths(from, 1);
  return { from, to: addDays(next, -1), nextStarts: zonedToUtc(next, '00:00', timeZone) ?? new Date(`${next}T00:00:00Z`) };
}

/**
 * The month's reminder of one organisation: one send job per volunteer with an active pair (started before the
 * month ended) and no meeting logged in that month, with a unique key per month and volunteer.
 */
export async function planReminders(db: Db, organisationId: string, month: string): Promise<number> {
  return withTenant(db, { organisationId, userId: null }, async (tx) => {
    const { timeZone } = await orgFacts(tx, organisationId);
    const b = monthBounds(month, timeZone);
    const ids = await findVolunteersToRemind(tx, organisationId, b, b.nextStarts);
    for (const volunteerId of ids) await enqueue(tx, JOB.reminderSend, { organisationId, volunteerId, month }, { uniqueKey: `pairs-reminder:${organisationId}:${month}:${volunteerId}` });
    return ids.length;
  });
}

/** Writes one reminder in the volunteer's language, after checking it still applies (a late log cancels it). */
export async function sendReminder(db: Db, baseUrl: string, payload: { organisationId: string; volunteerId: string; month: string }): Promise<'sent' | 'skipped'> {
  const { organisationId, volunteerId, month } = payload;
  return withTenant(db, { organisationId, userId: null }, async (tx) => {
    const org = await orgFacts(tx, organisationId);
    const b = monthBounds(month, org.timeZone);
    if ((await findVolunteersToRemind(tx, organisationId, b, b.nextStarts, volunteerId)).length === 0) return 'skipped';
    const v = await findVolunteerContact(tx, organisationId, volunteerId);
    if (!v?.email) return 'skipped';
    const locale = localeOf(org, v.locale);
    await queueMail(tx, { organisationId, to: v.email, locale, template: reminderMail, params: { locale, organisation: org.name, name: v.givenName, month, url: `${baseUrl}/me/meetings/new` } });
    await audit(tx, { organisationId, userId: null }, { action: 'pairs.reminder.send', entity: 'volunteer', entityId: volunteerId, fields: ['email', 'givenName'] });
    return 'sent';
  });
}

/** Enqueues what is due now in every organisation, each under its unique key (so any number of runs enqueue it once). */
export async function planDue(db: Db, now: Date): Promise<void> {
  const orgs = await withSystem(db, (tx) => allOrgFacts(tx));
  await withSystem(db, async (tx) => {
    for (const o of orgs) for (const d of dueInZone(o.id, o.timeZone, now)) await enqueue(tx, d.kind, d.payload, { uniqueKey: d.uniqueKey });
  });
}
