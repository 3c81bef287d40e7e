/**
 * Following the pairs (issue 6) seeded through its services, for the pages the accessibility check looks at.
 *
 * - The self-service volunteer's pair (the 'volunteer' viewer), followed by the administrator as its coordinator and by
 *   the social worker as the mentee's case staff: three meetings logged by the volunteer (one with a worry, which opens
 *   a concern), a staff comment, a check-in with each side, and an introduction scheduled (the volunteer's dashboard).
 * - A quiet pair with nothing logged for months (overdue and quiet lists, the closing form), whose coordinator is
 *   away: the administrator covers for them now; an older cover is over.
 * - A concern raised by staff, assigned, with a note and an action, in progress.
 * - Supervision: a past session for volunteers with attendance and a record, an upcoming one for coordinators online.
 * - The family programme with a follow-up schedule of its own.
 *
 * The pairs are inserted directly (making matches belongs to matching; e2e/support/matching.ts seeds that).
 */
import { and, asc, eq } from 'drizzle-orm';
import { withSystem } from '../../src/core/db/tx.js';
import { instantDaysAgo } from '../../src/core/testing/clock.js';
import { programmes } from '../../src/core/tenancy/tenancy.table.js';
import type { RequestActor } from '../../src/core/tenancy/actor.js';
import { actorFor } from '../../src/core/testing/actor.js';
import { introductionInput } from '../../src/modules/matching/introductions/introductions.schemas.js';
import { scheduleIntroduction } from '../../src/modules/matching/introductions/introductions.service.js';
import { matches, venues } from '../../src/modules/matching/matching.table.js';
import { createMentee, createVolunteer } from '../../src/modules/matching/testing.js';
import { menteeCaseStaff } from '../../src/modules/mentees/mentees.table.js';
import { coverInput } from '../../src/modules/pairs/check-ins/check-ins.schemas.js';
import { recordCheckIn } from '../../src/modules/pairs/check-ins/check-ins.service.js';
import { createCover } from '../../src/modules/pairs/check-ins/covers.service.js';
import { followUpInput } from '../../src/modules/pairs/check-ins/follow-up.js';
import { saveFollowUpSettings } from '../../src/modules/pairs/check-ins/settings.service.js';
import { ActionInput, AssignInput, RaiseInput, StatusInput } from '../../src/modules/pairs/concerns/concerns.schemas.js';
import { raiseConcern } from '../../src/modules/pairs/concerns/concerns.service.js';
import { addAction, assignConcern, changeConcernStatus } from '../../src/modules/pairs/concerns/handling.service.js';
import { CommentInput } from '../../src/modules/pairs/meetings/meetings.schemas.js';
import { logMeeting } from '../../src/modules/pairs/meetings/meetings.service.js';
import { commentOnMeeting } from '../../src/modules/pairs/meetings/pairs.service.js';
import { concerns } from '../../src/modules/pairs/pairs.table.js';
import { AttendanceInput, SessionInput } from '../../src/modules/pairs/supervision/supervision.schemas.js';
import { createSession, recordAttendance } from '../../src/modules/pairs/supervision/supervision.service.js';
import { addDays, todayIn } from '../../src/core/i18n/time-zone.js';
import { volunteers } from '../../src/modules/volunteers/volunteers.table.js';
import type { E2EServer, Organisation, SeededUser } from './server.js';

export interface PairsSeed {
  /** The self-service volunteer's pair: meetings with a comment, check-ins, a concern from the log; coordinator = the administrator. */
  matchId: string;
  /** A pair with nothing logged since it began long ago (overdue, quiet); its coordinator is away and covered by the administrator. */
  quietMatchId: string;
  /** Raised by staff about `matchId`: assigned, with a note and an action, in progress. */
  concernId: string;
  /** A session that has taken place (the attendance form), and one still to come. */
  pastSessionId: string;
  upcomingSessionId: string;
  /** The programme with a follow-up schedule of its own. */
  programmeId: string;
}

export interface PairsPeople {
  admin: SeededUser;
  /** The 'volunteer' viewer: their person already has a volunteers row (e2e/support/volunteers.ts). */
  volunteer: SeededUser;
  /** A coordinator who is away now (their pairs covered by the administrator). */
  coordinator: SeededUser;
  /** Another coordinator, away last month. */
  otherCoordinator: SeededUser;
  /** Case staff of the volunteer's pair's mentee. */
  socialWorker: SeededUser;
}

const daysAgo = (days: number) => instantDaysAgo(days);

export async function seedPairs(server: E2EServer, org: Organisation, who: PairsPeople): Promise<PairsSeed> {
  const db = server.db;
  const w = { t: server.t, db, org, other: org };
  const staff = (u: SeededUser, roles: RequestActor['roles']): Promise<RequestActor> => actorFor(db, { organisationId: org.id, userId: u.userId, requestId: 'e2e-seed', roles });
  const admin = await staff(who.admin, ['administrator', 'coordinator']);
  const volunteer = await staff(who.volunteer, ['volunteer']);
  const today = todayIn('Europe/Warsaw');

  const [family] = await withSystem(db, (tx) => tx.select({ id: programmes.id }).from(programmes).where(and(eq(programmes.organisationId, org.id), eq(programmes.name, 'Mentoring dla rodzin'))));
  if (!family) throw new Error('seedPairs needs the programme "Mentoring dla rodzin" of the a11y seed');
  const [own] = await withSystem(db, (tx) => tx.select({ id: volunteers.id }).from(volunteers).where(and(eq(volunteers.organisationId, org.id), eq(volunteers.personId, who.volunteer.personId))));
  if (!own) throw new Error('seedPairs needs the volunteer viewer linked to a volunteers row (seedVolunteers with `self`)');

  // The pairs: inserted as matching would have made them, started weeks (and months) ago.
  const pair = async (menteeId: string, volunteerId: string, coordinator: SeededUser, startedDaysAgo: number) => {
    const [m] = await withSystem(db, (tx) =>
      tx
        .insert(matches)
        .values({ organisationId: org.id, menteeId, volunteerId, programmeId: family.id, coordinatorUserId: coordinator.userId, createdByUserId: coordinator.userId, startedAt: daysAgo(startedDaysAgo), needs: ['language_practice'] })
        .returning({ id: matches.id }),
    );
    return m!.id;
  };
  const amina = await createMentee(w, org.id, { givenName: 'أمينة', familyName: 'الحداد', status: 'matched', programmeId: family.id, needs: ['language_practice', 'official_matters'], languages: [{ code: 'ar', level: 'native' }, { code: 'pl', level: 'A2' }], daysWaiting: 120 });
  const matchId = await pair(amina, own.id, who.admin, 60);
  await withSystem(db, (tx) => tx.insert(menteeCaseStaff).values({ organisationId: org.id, menteeId: amina, userId: who.socialWorker.userId }));

  const piotr = await createVolunteer(w, org.id, { givenName: 'Piotr', familyName: 'Grabowski-Dąbrowski', gender: 'male', stage: 'active', languages: [{ code: 'pl', level: 'native' }, { code: 'uk', level: 'B1' }] });
  await createVolunteer(w, org.id, { givenName: 'Joanna', familyName: 'Szymańska', stage: 'active', languages: [{ code: 'pl', level: 'native' }] });
  const taras = await createMentee(w, org.id, { givenName: 'Тарас', familyName: 'Гнатюк-Кравченко', gender: 'male', status: 'matched', programmeId: family.id, needs: ['job_search'], daysWaiting: 200 });
  const quietMatchId = await pair(taras, piotr, who.coordinator, 100);

  // The volunteer's meeting log, through the same use case as the form; one meeting raises a worry.
  const log = (fields: Record<string, string>) => logMeeting(db, volunteer, { matchId, duration: '60', activity: 'conversation', ...fields }, 'uk');
  const first = await log({ meetingDate: addDays(today, -40), activity: 'office_visit', duration: '120', place: 'Urząd Wojewódzki, ul. Długa 5', note: 'Złożyliśmy wniosek o kartę pobytu. / قدمنا طلب بطاقة الإقامة.' });
  await log({ meetingDate: addDays(today, -20), activity: 'language_practice', minutes: '45', note: 'Розмовляли польською в кав’ярні.' });
  await log({ meetingDate: addDays(today, -6), activity: 'leisure', note: 'Amina była smutna, mówi o problemach z mieszkaniem.', worry: 'on', worrySeverity: 'medium', worrySummary: 'Amina martwi się o mieszkanie.' });
  await commentOnMeeting(db, admin, matchId, first.meetingId, CommentInput.parse({ body: 'Dziękuję! Proszę dać znać, gdy przyjdzie decyzja.' }));

  // Check-ins with both sides of the volunteer's pair.
  await recordCheckIn(db, admin, matchId, { side: 'volunteer', heldOn: addDays(today, -30), rating: '4', howItGoes: 'Spotykają się co tydzień, dobra atmosfera.', notes: 'Wolontariusz prosi o materiały do nauki polskiego.' });
  await recordCheckIn(db, admin, matchId, { side: 'mentee', heldOn: addDays(today, -25), rating: '5', howItGoes: 'Bardzo zadowolona z pomocy w urzędzie.' });

  // The volunteer's next introduction (their dashboard shows it).
  const [venue] = await withSystem(db, (tx) => tx.select({ id: venues.id }).from(venues).where(and(eq(venues.organisationId, org.id), eq(venues.active, true))).orderBy(asc(venues.name)).limit(1));
  if (!venue) throw new Error('seedPairs needs the venues of seedMatching');
  await scheduleIntroduction({ db, baseUrl: server.baseUrl, mailFrom: server.t.config.mailFrom }, admin, matchId, introductionInput('Europe/Warsaw').parse({ venueId: venue.id, date: addDays(today, 5), time: '17:00', minutes: '60' }));

  // A concern raised by staff, worked on: assigned to the administrator, a note and an action, in progress.
  const concernId = await raiseConcern(db, admin, 'staff', RaiseInput.parse({ matchId, severity: 'high', summary: 'Rodzina może stracić mieszkanie', description: 'Właściciel wypowiedział umowę najmu.\nTermin: koniec miesiąca.' }));
  const version = async () => (await withSystem(db, (tx) => tx.select({ version: concerns.version }).from(concerns).where(eq(concerns.id, concernId))))[0]!.version;
  await assignConcern(db, admin, concernId, AssignInput.parse({ version: String(await version()), assigneeUserId: who.admin.userId }));
  await addAction(db, admin, concernId, ActionInput.parse({ kind: 'note', text: 'Rozmowa z Aminą: potrzebuje pomocy prawnej.' }));
  await addAction(db, admin, concernId, ActionInput.parse({ kind: 'action', text: 'Umówiono wizytę w poradni prawnej na czwartek.' }));
  await changeConcernStatus(db, admin, concernId, StatusInput.parse({ version: String(await version()), status: 'in_progress' }));

  // Covers: the quiet pair's coordinator is away now (the administrator covers); another absence is over.
  await createCover(db, admin, coverInput.parse({ absentUserId: who.coordinator.userId, coverUserId: who.admin.userId, startsOn: addDays(today, -2), endsOn: addDays(today, 12), note: 'Urlop — pilne sprawy proszę kierować do Małgorzaty.' }));
  await createCover(db, admin, coverInput.parse({ absentUserId: who.otherCoordinator.userId, coverUserId: who.coordinator.userId, startsOn: addDays(today, -40), endsOn: addDays(today, -30) }));

  // Supervision: one held last week (attendance recorded), one to come online.
  const session = (fields: Record<string, unknown>) => createSession(db, admin, SessionInput.parse({ minutes: '90', facilitator: 'dr Ewa Kowalska-Nowak', ...fields }));
  const pastSessionId = await session({ audience: 'volunteers', date: addDays(today, -7), time: '17:30', place: 'Sala 2, ul. Ogrodowa 12', topics: 'Granice w relacji z rodziną.\nJak rozmawiać o trudnych sprawach.' });
  const [attendee] = await withSystem(db, (tx) => tx.select({ personId: volunteers.personId }).from(volunteers).where(eq(volunteers.id, piotr)));
  await recordAttendance(db, admin, pastSessionId, AttendanceInput.parse({ attendees: [attendee!.personId], record: 'Omówiliśmy dwa przypadki; kolejne spotkanie za miesiąc.' }));
  const upcomingSessionId = await session({ audience: 'coordinators', date: addDays(today, 10), time: '10:00', minutes: '60', onlineLink: 'https://meet.example.org/superwizja-koordynatorow' });

  await saveFollowUpSettings(db, admin, family.id, followUpInput.parse({ firstCheckInDays: '10', everyDays: '21', quietAfterDays: '14' }));

  await server.deliverMail();
  return { matchId, quietMatchId, concernId, pastSessionId, upcomingSessionId, programmeId: family.id };
}
