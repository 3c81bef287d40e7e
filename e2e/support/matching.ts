/**
 * Mentees and matching (issue 5) seeded through their services, for the pages the accessibility check looks at:
 * the organisation's districts and venues (the demo's), volunteers ready to be matched, mentees in every state of
 * the waiting list (a rich case with notes, staff and consents; a request to review; held, closed, declined, matched),
 * two pairs (one with an introduction scheduled), an exclusion, custom weights, and two batch runs — one untouched,
 * one with an accepted, a rejected, a stale and a still open proposal. Volunteers are inserted directly with
 * matching's test helpers (the volunteer pipeline is seeded by ./volunteers.ts).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { withSystem } from '../../src/core/db/tx.js';
import { instantDaysAgo } from '../../src/core/testing/clock.js';
import { appSecret } from '../../src/core/http/secrets.js';
import { programmes } from '../../src/core/tenancy/tenancy.table.js';
import { actorFor } from '../../src/core/testing/actor.js';
import { acceptProposal, rejectProposal, runBatch } from '../../src/modules/matching/batch/batch.service.js';
import { RejectInput, RunInput } from '../../src/modules/matching/batch/batch.schemas.js';
import { introductionInput } from '../../src/modules/matching/introductions/introductions.schemas.js';
import { scheduleIntroduction } from '../../src/modules/matching/introductions/introductions.service.js';
import { createMatch } from '../../src/modules/matching/matches.service.js';
import { findCurrentMatchesOfMentee } from '../../src/modules/matching/suggestions/mentee-current-matches.js';
import { introductions, matchProposals, venues } from '../../src/modules/matching/matching.table.js';
import { districts } from '../../src/core/tenancy/districts.table.js';
import { excludePair } from '../../src/modules/matching/suggestions/exclusions.service.js';
import { addSafeguardingCheck, createVolunteer, type VolunteerSeed as MatchingVolunteer } from '../../src/modules/matching/testing.js';
import { saveWeights } from '../../src/modules/matching/venues/weights.service.js';
import { addNote, addStaff, withdrawConsent } from '../../src/modules/mentees/cases/case-parts.service.js';
import { changeStatus } from '../../src/modules/mentees/cases/case.service.js';
import { createMentee } from '../../src/modules/mentees/intake/intake.service.js';
import { MenteeInput, StatusInput } from '../../src/modules/mentees/mentees.schemas.js';
import { menteeConsents, mentees } from '../../src/modules/mentees/mentees.table.js';
import { RequestInput } from '../../src/modules/mentees/request/request.schemas.js';
import { getRequestForm, submitRequest } from '../../src/modules/mentees/request/request.service.js';
import { declineRequest } from '../../src/modules/mentees/review/review.service.js';
import { issueFormToken } from '../../src/modules/volunteers/application/form-token.js';
import { addDays, todayIn } from '../../src/core/i18n/time-zone.js';
import { seedMatchingSettings } from '../../src/seed/matching.js';
import type { E2EServer, Organisation, SeededUser } from './server.js';

export interface MatchingSeed {
  /** Waiting, with notes, two case staff, consents (one withdrawn), a hold and resume, an exclusion: case and suggestions pages. */
  caseId: string;
  /** A request from the public form, to review. */
  requestId: string;
  /** The private status link's token of that request. */
  requestStatusToken: string;
  /** Matched, with an introduction scheduled. */
  matchedMenteeId: string;
  /** A volunteer with an active match and places left. */
  volunteerId: string;
  /** The pair with an introduction scheduled, and that introduction. */
  introducedMatchId: string;
  introductionId: string;
  /** A pair without an introduction yet (the scheduling form). */
  newMatchId: string;
  /** A run nobody has decided on yet. */
  openRunId: string;
  /** A run with one proposal accepted, one rejected, one stale and one still open. */
  decidedRunId: string;
  districtId: string;
  venueId: string;
  /** A programme with weights of its own. */
  programmeId: string;
  /** A genuine request-form token issued 10 s ago (the form refuses what is sent within 3 s). */
  requestFormToken: string;
}

const LONG_AGO = (days: number) => instantDaysAgo(days);

export async function seedMatching(server: E2EServer, org: Organisation, admin: SeededUser, socialWorker: SeededUser): Promise<MatchingSeed> {
  const db = server.db;
  const actor = await actorFor(db, { organisationId: org.id, userId: admin.userId, requestId: 'e2e-seed', roles: ['administrator', 'coordinator'] });
  const world = { t: server.t, db, org, other: org };

  await withSystem(db, (tx) => seedMatchingSettings(tx, org.id, 'Zielona Dolina'));
  const [family, learning] = await withSystem(db, (tx) => tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.organisationId, org.id)).orderBy(asc(programmes.name)));
  if (!family || !learning) throw new Error('seedMatching needs the two programmes of the a11y seed');

  const volunteer = async (s: MatchingVolunteer, cleared = true) => {
    const id = await createVolunteer(world, org.id, s);
    if (cleared) await addSafeguardingCheck(world, org.id, id, admin.userId);
    return id;
  };
  const anna = await volunteer({ givenName: 'Anna', familyName: 'Nowak', capacity: 3, languages: [{ code: 'pl', level: 'native' }, { code: 'uk', level: 'B2' }], availability: ['tue-afternoon', 'thu-afternoon', 'sat-morning'], district: 'Śródmieście', interests: ['piłka nożna', 'gotowanie'], activities: ['mentoring', 'language_help', 'school_help'] });
  const beata = await volunteer({ givenName: 'Beata', familyName: 'Zielińska-Wróbel', capacity: 1, languages: [{ code: 'pl', level: 'native' }, { code: 'ru', level: 'C1' }], availability: ['mon-evening', 'wed-evening'], district: 'Zatorze', activities: ['leisure', 'errands'] });
  await volunteer({ givenName: 'Celina', familyName: 'Bąk', capacity: 1, languages: [{ code: 'pl', level: 'native' }], district: 'Lipki', activities: ['institution_assistance'] }, false);
  const dariusz = await volunteer({ givenName: 'Dariusz', familyName: 'Kowalczyk', gender: 'male', capacity: 1, languages: [{ code: 'pl', level: 'native' }, { code: 'en', level: 'B1' }], availability: ['fri-afternoon'], district: 'Stare Miasto', activities: ['mentoring'] });
  await volunteer({ givenName: 'Ewa', familyName: 'Pawłowska', capacity: 2, languages: [{ code: 'pl', level: 'native' }, { code: 'ar', level: 'A2' }], availability: ['tue-afternoon', 'sun-morning'], district: 'Osiedle Słoneczne', activities: ['school_help', 'leisure'] });

  const intake = (fields: Record<string, unknown>, daysAgo: number) =>
    createMentee(db, actor, MenteeInput.parse({ locale: 'uk', needs: ['language_practice'], consents: { support: 'public_task', contactEmail: false, contactPhone: false }, ...fields }), LONG_AGO(daysAgo));
  const versionOf = async (id: string) => (await withSystem(db, (tx) => tx.select({ version: mentees.version }).from(mentees).where(eq(mentees.id, id))))[0]!.version;
  const status = async (id: string, action: StatusInput['action'], reason?: string) => changeStatus(db, actor, id, StatusInput.parse({ action, reason, version: await versionOf(id) }), findCurrentMatchesOfMentee);

  // Two pairs made by hand: one gets its introduction, the other waits for the scheduling form.
  const matchedMenteeId = await intake({ givenName: 'Омар', familyName: 'Хаддад', email: 'omar.haddad@example.org', locale: 'ar', needs: ['official_matters', 'job_search'], languages: [{ code: 'ar', level: 'native' }, { code: 'en', level: 'B1' }], district: 'Stare Miasto', programmeId: family.id }, 90);
  const introduced = await createMatch(db, actor, { menteeId: matchedMenteeId, volunteerId: dariusz });
  const [venue] = await withSystem(db, (tx) => tx.select({ id: venues.id }).from(venues).where(and(eq(venues.organisationId, org.id), eq(venues.active, true))).orderBy(asc(venues.name)).limit(1));
  // Its opening hours are recorded (the venue form and the introduction form show them; 22:00 is refused).
  const day = [{ from: '08:00', to: '20:00' }];
  const weekend = [{ from: '10:00', to: '20:00' }];
  await withSystem(db, (tx) => tx.update(venues).set({ weeklyHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: weekend, sun: weekend } }).where(eq(venues.id, venue!.id)));
  await scheduleIntroduction({ db, baseUrl: server.baseUrl, mailFrom: server.t.config.mailFrom }, actor, introduced.id, introductionInput('Europe/Warsaw').parse({ venueId: venue!.id, date: addDays(todayIn(), 7), time: '16:30', minutes: '60', note: 'Proszę zabrać dokumenty z urzędu. / يرجى إحضار المستندات.' }));
  const [introduction] = await withSystem(db, (tx) => tx.select({ id: introductions.id }).from(introductions).where(eq(introductions.matchId, introduced.id)));
  const secondMentee = await intake({ givenName: 'Марія', familyName: 'Ткаченко', needs: ['language_practice', 'school_help'], languages: [{ code: 'uk', level: 'native' }, { code: 'pl', level: 'A2' }], availability: ['tue-afternoon'], district: 'Śródmieście', programmeId: learning.id, minor: true, birthDate: `${new Date().getUTCFullYear() - 14}-09-01` }, 60);
  const newMatch = await createMatch(db, actor, { menteeId: secondMentee, volunteerId: anna });

  // The waiting list the batch runs see: four people, enough places for each.
  await intake({ givenName: 'Fatima', familyName: 'Al-Sayed', locale: 'ar', needs: ['leisure', 'companionship'], languages: [{ code: 'ar', level: 'native' }], availability: ['mon-evening', 'sun-morning'], district: 'Zatorze', vulnerableAdult: true, summary: 'Chce poznać miasto i ludzi.' }, 120);
  await intake({ givenName: 'Ihor', familyName: 'Bondarenko', gender: 'male', needs: ['everyday_matters', 'official_matters'], languages: [{ code: 'uk', level: 'native' }, { code: 'ru', level: 'C1' }], district: 'Lipki' }, 45);
  await intake({ givenName: 'Nadia', familyName: 'Rahimi', locale: 'en', needs: ['school_help'], languages: [{ code: 'fa', level: 'native' }, { code: 'en', level: 'B2' }], availability: ['tue-afternoon'], district: 'Osiedle Słoneczne' }, 30);
  await intake({ givenName: 'Giorgi', familyName: 'Beridze', gender: 'male', needs: ['job_search'], languages: [{ code: 'ka', level: 'native' }, { code: 'ru', level: 'B2' }], availability: ['fri-afternoon', 'sat-morning'] }, 12);
  const openRun = await runBatch(db, actor, RunInput.parse({ programmeId: 'all' }));
  const decidedRun = await runBatch(db, actor, RunInput.parse({ programmeId: 'all' }));
  const proposals = await withSystem(db, (tx) => tx.select().from(matchProposals).where(eq(matchProposals.runId, decidedRun.id)).orderBy(asc(matchProposals.score), asc(matchProposals.id)));
  if (proposals.length < 4) throw new Error(`the batch run proposed ${proposals.length} pairs; the review page needs four (accepted, rejected, stale, open)`);
  const [accepted, rejected, stale] = proposals as [typeof proposals[number], typeof proposals[number], typeof proposals[number]];
  const decisions = [
    await acceptProposal(db, actor, accepted.id, { runId: decidedRun.id }),
    await rejectProposal(db, actor, rejected.id, RejectInput.parse({ reason: 'Mieszkają za daleko od siebie.', exclude: 'true' }), { runId: decidedRun.id }),
  ];
  // Held before the decision: accepting it now is refused, and the proposal turns stale with the reason.
  await status(stale.menteeId, 'hold', 'Wyjazd do rodziny na dwa miesiące.');
  decisions.push(await acceptProposal(db, actor, stale.id, { runId: decidedRun.id }));
  const kinds = decisions.map((d) => d.kind).join(', ');
  if (kinds !== 'accepted, rejected, stale') throw new Error(`the decided run's proposals became ${kinds}, not accepted, rejected, stale`);

  // A volunteer whose gender was never recorded (after the runs): the rich case asks for a woman, so its suggestions
  // page names her with a link to complete it (issue 11).
  await volunteer({ givenName: 'Daria', familyName: 'Lis', gender: null, capacity: 1, languages: [{ code: 'pl', level: 'native' }], district: 'Stare Miasto', activities: ['mentoring'] });

  // The rich case: on the waiting list (also after the runs, so it has suggestions), with everything the case page shows.
  const caseId = await intake(
    {
      givenName: 'Олена',
      familyName: 'Коваленко-Шевчук',
      email: 'olena.kovalenko@example.org',
      phone: '+48 600 100 200',
      birthDate: '1985-03-14',
      gender: 'female',
      programmeId: family.id,
      needs: ['language_practice', 'official_matters', 'everyday_matters'],
      summary: 'Rozmowy po polsku i pomoc w urzędzie.',
      languages: [{ code: 'uk', level: 'native' }, { code: 'ru', level: 'C2' }, { code: 'pl', level: 'A2' }],
      availability: ['tue-afternoon', 'thu-afternoon', 'sat-morning'],
      district: 'Śródmieście',
      interests: ['gotowanie', 'szachy', 'spacery'],
      preferredVolunteerGender: 'female',
      preferredVolunteerAgeMin: 25,
      preferredVolunteerAgeMax: 65,
      vulnerableAdult: true,
      consents: { support: 'consent', contactEmail: true, contactPhone: true },
    },
    75,
  );
  await addStaff(db, actor, caseId, socialWorker.userId);
  await addNote(db, actor, caseId, 'Pierwsza rozmowa: potrzebuje pomocy przy karcie pobytu.\nWoli spotkania po południu.');
  await addNote(db, actor, caseId, 'Дзвонила з питанням про школу для сина.');
  const [phoneConsent] = await withSystem(db, (tx) => tx.select({ id: menteeConsents.id }).from(menteeConsents).where(and(eq(menteeConsents.menteeId, caseId), eq(menteeConsents.purpose, 'contact_phone'))));
  await withdrawConsent(db, actor, caseId, phoneConsent!.id);
  await status(caseId, 'hold', 'Choroba w rodzinie.');
  await status(caseId, 'resume');
  await excludePair(db, actor, { menteeId: caseId, volunteerId: beata, reason: 'Znają się prywatnie — konflikt interesów.' });

  // Requests from the public form: one to review, one declined; and a closed case.
  const { org: publicOrg } = await getRequestForm(db, org.slug);
  const request = (fields: Record<string, unknown>) =>
    submitRequest(db, publicOrg, RequestInput.parse({ locale: 'ar', needs: ['leisure'], consents: { support: true, contactEmail: true, contactPhone: false }, ...fields }), 'ar', randomUUID(), { requestId: 'e2e-seed', baseUrl: server.baseUrl });
  const sentRequest = await request({ givenName: 'ليلى', familyName: 'حسن', email: 'layla.hassan@example.org', age: 15, forSomeoneElse: true, carerName: 'سمير حسن', needs: ['school_help', 'leisure'], languages: [{ code: 'ar', level: 'native' }], availability: ['sat-morning'], district: 'Zatorze' });
  const requestId = sentRequest.id;
  const { id: declined } = await request({ givenName: 'Yusuf', familyName: 'Demir', phone: '+48 500 600 700', age: 34 });
  await declineRequest(db, actor, declined, { reason: 'Poza naszym miastem — przekazano do organizacji w Lublinie.', version: await versionOf(declined) }, server.baseUrl);
  const closed = await intake({ givenName: 'Ahmad', familyName: 'Karimi', needs: ['job_search'] }, 200);
  await status(closed, 'close', 'Znalazł pracę i nie potrzebuje już wsparcia.');

  await saveWeights(db, actor, family.id, { language: 40, needs: 30, availability: 20, distance: 10, interests: 5, waiting: 15 });
  const [district] = await withSystem(db, (tx) => tx.select({ id: districts.id }).from(districts).where(and(eq(districts.organisationId, org.id), eq(districts.name, 'Śródmieście'))));

  await server.deliverMail();
  return {
    caseId,
    requestId,
    requestStatusToken: sentRequest.statusToken,
    matchedMenteeId,
    volunteerId: anna,
    introducedMatchId: introduced.id,
    introductionId: introduction!.id,
    newMatchId: newMatch.id,
    openRunId: openRun.id,
    decidedRunId: decidedRun.id,
    districtId: district!.id,
    venueId: venue!.id,
    programmeId: family.id,
    requestFormToken: issueFormToken(await appSecret(db, 'mentee-request-hmac'), org.id, Date.now() - 10_000),
  };
}
