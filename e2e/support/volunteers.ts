/**
 * Volunteers (issue 4) seeded through the services, for the pages the accessibility and layout checks look at:
 * applicants at several stages, one with every panel of the volunteer page filled, an applicant under 18
 * awaiting the guardian, and (optionally) a volunteer with an account and an agreement to accept.
 * The acceptance test (e2e/volunteers.test.ts) does not use this: it goes through the pages only.
 */
import { withSystem } from '../../src/core/db/tx.js';
import { actorFor } from '../../src/core/testing/actor.js';
import { appSecret } from '../../src/core/http/secrets.js';
import type { Locale } from '../../src/core/i18n/index.js';
import { submitApplication, getPublicForm } from '../../src/modules/volunteers/application/application.service.js';
import { ApplicationInput } from '../../src/modules/volunteers/application/application.schemas.js';
import { issueFormToken } from '../../src/modules/volunteers/application/form-token.js';
import { issueDocument, listDocuments } from '../../src/modules/volunteers/documents/documents.service.js';
import { IssueInput } from '../../src/modules/volunteers/documents/documents.schemas.js';
import type { MoveInput } from '../../src/modules/volunteers/pipeline/pipeline.schemas.js';
import { moveVolunteer, viewVolunteer } from '../../src/modules/volunteers/pipeline/pipeline.service.js';
import { recordInsurance } from '../../src/modules/volunteers/screening/insurance.service.js';
import { recordInterview, scheduleInterviews } from '../../src/modules/volunteers/screening/interviews.service.js';
import type { ScreeningPanelData } from '../../src/modules/volunteers/screening/panel-data.js';
import { recordCheck } from '../../src/modules/volunteers/screening/safeguarding.service.js';
import { InsuranceInput, RecordInput, SafeguardingInput, ScheduleInput } from '../../src/modules/volunteers/screening/screening.schemas.js';
import { addDays, todayIn } from '../../src/core/i18n/time-zone.js';
import { volunteers } from '../../src/modules/volunteers/volunteers.table.js';
import { linkIn } from './smtp.js';
import type { E2EServer, Organisation, SeededUser } from './server.js';

/** What the volunteers pages need: an organisation's applicants at several stages, screening records and documents. */
export interface VolunteerSeed {
  /** A volunteer at "interviewed" with a recorded and a scheduled interview, a safeguarding check, insurance, an agreement and a certificate. */
  mainId: string;
  scheduledInterviewId: string;
  /** An applicant under 18 awaiting the guardian, with two interview slots offered. */
  offeredId: string;
  guardianPath: string;
  certificateCode: string;
  /** The agreement of the self-service volunteer (`self`), not yet accepted; '' without one. */
  ownAgreementId: string;
  /** A genuine application-form token issued 10 s ago (see "volunteer application form with errors"). */
  formToken: string;
}

export async function seedVolunteers(server: E2EServer, org: Organisation, admin: SeededUser, self?: SeededUser): Promise<VolunteerSeed> {
  const db = server.db;
  const baseUrl = server.baseUrl;
  const actor = await actorFor(db, { organisationId: org.id, userId: admin.userId, requestId: 'e2e-seed', roles: ['administrator', 'coordinator'] });
  const deps = { db, baseUrl, mailFrom: server.t.config.mailFrom };
  const { org: publicOrg } = await getPublicForm(db, org.slug);
  const apply = (locale: Locale, fields: Record<string, unknown>) =>
    submitApplication(
      db,
      publicOrg,
      ApplicationInput.parse({ activities: ['mentoring'], plannedLength: 'over_30', consents: { application: true, newsletter: false }, ...fields }),
      locale,
      { source: 'form', userId: null, baseUrl },
    );
  const move = async (id: string, stage: MoveInput['stage'], reason?: string) => {
    const { volunteer } = await viewVolunteer(db, actor, id);
    await moveVolunteer(db, actor, id, { stage, reason, version: volunteer.version }, baseUrl);
  };
  const interviewsOf = async (id: string) => ((await viewVolunteer(db, actor, id)).screening as ScreeningPanelData).interviews;
  const inDays = (days: number) => addDays(todayIn(), days);

  // The main volunteer, with every panel filled.
  const main = await apply('uk', {
    givenName: 'Оксана',
    familyName: 'Мельник',
    email: 'oksana.melnyk@example.org',
    phone: '+48 600 100 200',
    birthDate: '1988-02-29',
    profession: 'Вчителька <b>початкових</b> класів',
    interests: ['шахи', 'кулінарія'],
    languages: [
      { code: 'uk', level: 'native' },
      { code: 'pl', level: 'B2' },
    ],
    availability: ['mon-morning', 'thu-evening'],
    hoursPerMonth: 12,
    district: 'Praga-Północ',
    travelKm: 5,
    activities: ['mentoring', 'language_help'],
    preferredAgeGroups: ['children'],
    preferredGender: 'female',
    worksWithMinors: true,
    motivation: 'Хочу допомагати родинам.',
    heardFrom: 'social_media',
    consents: { application: true, newsletter: true },
  });
  await move(main.id, 'contacted');
  await scheduleInterviews(deps, actor, main.id, ScheduleInput.parse({ date1: inDays(1), time1: '10:00', minutes: '45', mode: 'in_person', address: 'ul. Marszałkowska 1, Warszawa' }));
  const [first] = await interviewsOf(main.id);
  await recordInterview(deps, actor, first!.id, RecordInput.parse({ outcome: 'held', recommendation: 'recommend_with_conditions', motivation: 'Zmotywowana, zna dzielnicę.', concerns: 'Mało czasu w tygodniu.' }));
  await scheduleInterviews(deps, actor, main.id, ScheduleInput.parse({ date1: inDays(8), time1: '16:30', minutes: '30', mode: 'video', link: 'https://meet.example.org/abc-def' }));
  const scheduled = (await interviewsOf(main.id)).find((i) => i.status === 'scheduled')!;
  await recordCheck(db, actor, main.id, SafeguardingInput.parse({ kind: 'pl_sex_offenders_register', seenOn: todayIn() }));
  await recordInsurance(db, actor, main.id, InsuranceInput.parse({ insurer: 'PZU SA', policyNumber: 'NNW/2025/0042', validFrom: todayIn(), validTo: inDays(365) }));
  const period = { periodFrom: todayIn(), periodTo: inDays(180) };
  await issueDocument(db, actor, main.id, IssueInput.parse({ kind: 'agreement', locale: 'uk', scope: 'наставництво', place: 'Warszawa', termination: 'z zachowaniem 14-dniowego okresu wypowiedzenia', ...period }));
  await issueDocument(db, actor, main.id, IssueInput.parse({ kind: 'certificate', locale: 'pl', scope: 'mentoring rodzin', hours: '42', ...period }));
  const certificate = (await listDocuments(db, actor, main.id, baseUrl)).find((d) => d.kind === 'certificate')!;

  // An applicant under 18: the guardian's link, and two interview slots offered.
  const minor = await apply('pl', {
    givenName: 'Zofia',
    familyName: 'Wiśniewska-Żak',
    email: 'zofia.zak@example.org',
    birthDate: `${new Date().getUTCFullYear() - 16}-06-15`,
    guardianName: 'Ewa Wiśniewska',
    guardianEmail: 'ewa.wisniewska@example.org',
    worksWithMinors: true,
  });
  await scheduleInterviews(deps, actor, minor.id, ScheduleInput.parse({ date1: inDays(3), time1: '09:00', date2: inDays(4), time2: '17:15', minutes: '45', mode: 'phone' }));

  // More applicants, at other stages (list, board, filters).
  await apply('pl', { givenName: 'Grzegorz', familyName: 'Brzęczyszczykiewicz', email: 'grzegorz@example.org', district: 'Zielonka' });
  const fatima = await apply('ar', { givenName: 'فاطمة', familyName: 'الحسيني', email: 'fatima@example.org', languages: [{ code: 'ar', level: 'native' }] });
  await move(fatima.id, 'contacted');
  const hans = await apply('de', { givenName: 'Hans-Joachim', familyName: 'Schmidt-Rottluff', email: 'hans@example.org', plannedLength: 'up_to_30' });
  await move(hans.id, 'withdrawn', 'Przeprowadzka do Berlina.');

  // The self-service volunteer: an account linked to an approved volunteer record with an open agreement.
  let ownAgreementId = '';
  if (self) {
    const ownId = await withSystem(db, async (tx) => {
      const [v] = await tx.insert(volunteers).values({ organisationId: org.id, personId: self.personId, stage: 'approved', locale: 'uk', plannedDays: 180 }).returning({ id: volunteers.id });
      return v!.id;
    });
    const own = await issueDocument(db, actor, ownId, IssueInput.parse({ kind: 'agreement', locale: 'pl', scope: 'pomoc w nauce', place: 'Zielonka', termination: 'w każdej chwili', ...period }));
    ownAgreementId = own.id;
  }

  await server.deliverMail();
  const guardianMail = await server.smtp.nextMail('ewa.wisniewska@example.org');
  return {
    mainId: main.id,
    scheduledInterviewId: scheduled.id,
    offeredId: minor.id,
    guardianPath: new URL(linkIn(guardianMail, `${baseUrl}/o/${org.slug}/apply/guardian/`)).pathname,
    certificateCode: new URL(certificate.verificationUrl!).pathname.split('/').pop()!,
    ownAgreementId,
    formToken: issueFormToken(await appSecret(db, 'form-hmac'), org.id, Date.now() - 10_000),
  };
}

