import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { parseInput } from '../../../core/http/validation.js';
import { formatDate, translator } from '../../../core/i18n/index.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import { DOCUMENT_LOCALES, type DocumentLocale, renderPdf } from '../../volunteers/index.js';
import { isolateIn } from '../../../core/pdf/index.js';
import { volunteerOfUser } from '../access.js';
import { formatHours } from './format-hours.js';
import { meetingTotals, trainingMinutes } from './hours.js';
import { findVolunteerPerson, firstActivityDate } from './meetings.repository.js';
import { meetingsPolicy } from './meetings.policy.js';
import { CertificateQuery } from './meetings.schemas.js';
import { assertAllowed } from '../../../core/policy.js';
import { isOneOf } from '../../../core/one-of.js';

export interface PdfFile {
  bytes: Buffer;
  fileName: string;
}

/**
 * The hours certificate of one volunteer as an A4 PDF in the volunteer's language: name, organisation, period,
 * meeting hours, number of meetings, training hours (group supervision, counted separately) and the date of issue.
 * Printed with the documents module's renderer (core PDF writer: any script, Arabic shaped and right to left).
 * Without `from`, the period starts on the first meeting or supervision; without `to`, it ends today (org zone).
 */
async function certificate(tx: Tx, actor: RequestActor, volunteerId: string, query: CertificateQuery, now: Date): Promise<PdfFile> {
  const { organisationId, org } = actor;
  const v = await findVolunteerPerson(tx, organisationId, volunteerId);
  if (!v) throw new AppError('NOT_FOUND');
  const today = clockOf(actor, now).today;
  const to = query.to ?? today;
  const from = query.from ?? (await firstActivityDate(tx, organisationId, v, org.timeZone)) ?? to;
  const range = { from: query.from, to };
  const meetings = await meetingTotals(tx, organisationId, { volunteerIds: [v.id], ...range });
  const training = (await trainingMinutes(tx, organisationId, [v.personId], range, org.timeZone)).get(v.personId)?.minutes ?? 0;

  const locale: DocumentLocale = isOneOf(DOCUMENT_LOCALES, v.locale) ? v.locale : 'en';
  const t = translator(locale);
  const date = (d: string) => formatDate(d, locale, org.timeZone);
  const paragraphs = [
    t('pairs.meetings.certificate.intro', { name: isolateIn(locale, `${v.givenName} ${v.familyName}`), organisation: isolateIn(locale, org.name), from: date(from), to: date(to) }),
    t('pairs.meetings.certificate.meetingHours', { hours: formatHours(meetings.minutes, locale) }),
    t('pairs.meetings.certificate.meetingCount', { count: meetings.meetings }),
    t('pairs.meetings.certificate.trainingHours', { hours: formatHours(training, locale) }),
    t('pairs.meetings.certificate.issued', { date: date(today) }),
  ];
  const bytes = await renderPdf({
    kind: 'certificate',
    locale,
    title: t('pairs.meetings.certificate.title'),
    body: paragraphs.join('\n\n'),
    organisation: { name: org.name, city: org.city, country: org.country },
    issuedAt: now,
    acceptedHow: null,
    acceptedAt: null,
    revoked: false,
    verificationUrl: null,
  });
  return { bytes, fileName: `hours-certificate-${today}.pdf` };
}

/** The signed-in volunteer's own certificate; NOT_FOUND without a volunteer record. */
export async function myCertificate(db: Db, actor: RequestActor, rawQuery: unknown, now = actor.clock.now): Promise<PdfFile> {
  assertAllowed(actor, meetingsPolicy, 'self');
  const query = parseInput(CertificateQuery, rawQuery);
  return withTenant(db, actor, async (tx) => {
    const v = await volunteerOfUser(tx, actor.organisationId, actor.userId);
    if (!v) throw new AppError('NOT_FOUND');
    const file = await certificate(tx, actor, v.id, query, now);
    await audit(tx, actor, { action: 'volunteer.hours_certificate', entity: 'volunteer', entityId: v.id });
    return file;
  });
}

/** Any volunteer's certificate, for administrators and coordinators; audited. NOT_FOUND for another organisation's. */
export async function staffCertificate(db: Db, actor: RequestActor, volunteerId: string, rawQuery: unknown, now = actor.clock.now): Promise<PdfFile> {
  assertAllowed(actor, meetingsPolicy, 'certificate');
  const query = parseInput(CertificateQuery, rawQuery);
  return withTenant(db, actor, async (tx) => {
    const file = await certificate(tx, actor, volunteerId, query, now);
    await audit(tx, actor, { action: 'volunteer.hours_certificate', entity: 'volunteer', entityId: volunteerId });
    return file;
  });
}
