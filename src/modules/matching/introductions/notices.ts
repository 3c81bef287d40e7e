import type { Tx } from '../../../core/db/tx.js';
import { isLocale, type Locale } from '../../../core/i18n/index.js';
import { queueMail } from '../../../core/mail/outbox.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import type { VenueRow } from '../venues/venues.repository.js';
import { addressOf } from '../../../core/mail/calendar.js';
import { introductionMail, type Change, type IntroductionMailParams } from './introductions.mails.js';
import { findStaffUser, type IntroductionRow, type MatchParties } from './introductions.repository.js';

/** Who was told by e-mail, and who could not be (no address): the page tells the staff member. */
export interface Notified {
  mailed: number;
  /** First names of the two people who have no e-mail address. */
  unreachable: string[];
  /** Whether the staff notice went to the case's social worker (false: to the actor, as no social worker is set). */
  toSocialWorker: boolean;
}

const localeOr = (value: string | null | undefined, fallback: Locale): Locale => (isLocale(value) ? value : fallback);

/**
 * Queues the notices of an introduction in the caller's transaction: to the volunteer and to the mentee (each in
 * their own language, when they have an e-mail address) and to the responsible social worker — or, when the
 * case has none, to the staff member who made the change — who is also told whom the mail could not reach.
 */
export async function sendNotices(
  tx: Tx,
  deps: { baseUrl: string; mailFrom: string },
  actor: RequestActor,
  c: { parties: MatchParties; introduction: IntroductionRow; venue: VenueRow; change: Change },
): Promise<Notified> {
  const { parties, introduction: row, venue, change } = c;
  const { org } = actor;
  const fallback = org.locale;
  const { volunteer, mentee } = parties;
  const base: Omit<IntroductionMailParams, 'recipient' | 'locale' | 'attendee' | 'other'> = {
    change,
    timeZone: org.timeZone,
    organisation: org.name,
    organizerEmail: addressOf(deps.mailFrom),
    volunteer: volunteer.givenName,
    mentee: mentee.givenName,
    unreachable: [volunteer, mentee].filter((p) => !p.email).map((p) => p.givenName),
    venue: { name: venue.name, address: venue.address, openingHours: venue.openingHours, stepFree: venue.stepFree },
    startsAt: row.startsAt.toISOString(),
    minutes: row.minutes,
    note: row.note,
    uid: row.icsUid,
    sequence: row.sequence,
    url: `${deps.baseUrl}/matching/matches/${parties.id}/introduction`,
  };
  let mailed = 0;
  const send = async (to: string, name: string, locale: Locale, recipient: IntroductionMailParams['recipient'], other: string) => {
    await queueMail(tx, { organisationId: actor.organisationId, to, locale, template: introductionMail, params: { ...base, recipient, locale, other, attendee: { name, email: to } } });
    mailed += 1;
  };
  if (volunteer.email) await send(volunteer.email, `${volunteer.givenName} ${volunteer.familyName}`, localeOr(volunteer.locale, fallback), 'volunteer', mentee.givenName);
  if (mentee.email) await send(mentee.email, `${mentee.givenName} ${mentee.familyName}`, localeOr(mentee.locale, fallback), 'mentee', volunteer.givenName);
  const socialWorker = mentee.socialWorkerUserId ? await findStaffUser(tx, mentee.socialWorkerUserId) : undefined;
  const staff = socialWorker ?? (await findStaffUser(tx, actor.userId));
  if (staff) await send(staff.email, staff.displayName, localeOr(staff.locale, fallback), 'staff', '');
  return { mailed, unreachable: base.unreachable, toSocialWorker: Boolean(socialWorker) };
}
