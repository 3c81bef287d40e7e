import type { ComponentChildren } from 'preact';
import { direction, dynamicKey, formatDate, formatDateTime, formatList, isLocale, LANGUAGE_NAME } from '../../../../core/i18n/index.js';
import { DefinitionList, type Definition, type PageContext } from '../../../../core/ui/index.js';
import { AvailabilityTable } from '../../../volunteers/index.js';
import { languageList, needList } from '../../views/labels.js';
import type { CaseView } from '../case.service.js';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** Whole years on `today` (YYYY-MM-DD in the organisation's zone), for showing an age next to a date of birth. */
export function ageOn(birthDate: string, today: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

export function Details({ rows }: { rows: Definition[] }) {
  return (
    // Answers may be in the person's language and script: let the browser find their direction.
    <DefinitionList items={rows} dir="auto" />
  );
}

/** The person and what they need: contact, languages, time, place, preferences (everything but notes). */
export function ProfileSection({ ctx, view }: { ctx: PageContext; view: CaseView }) {
  const { t, locale } = ctx;
  const m = view.mentee;
  const personal: [string, ComponentChildren][] = [
    [t('field.givenName'), m.givenName],
    [t('field.familyName'), m.familyName],
    [t('field.email'), m.email ? <span dir="ltr">{m.email}</span> : '—'],
    [t('field.phone'), m.phone ? <span dir="ltr">{m.phone}</span> : '—'],
    [t('field.birthDate'), m.birthDate ? t('mentees.case.birthDateWithAge', { date: formatDate(m.birthDate, locale), age: ageOn(m.birthDate, view.clock.today) }) : view.request.statedAge !== null ? t('mentees.case.statedAge', { age: view.request.statedAge }) : '—'],
    // dynamicKey (gender, source): people.gender and mentees.source are text columns without a typed list yet.
    [t('mentees.field.gender'), m.gender ? t(dynamicKey(`mentees.gender.${m.gender}`)) : '—'],
    [t('mentees.field.locale'), isLocale(m.locale) ? LANGUAGE_NAME[m.locale] : m.locale],
  ];
  if (view.request.carerName) personal.push([t('mentees.case.carer'), view.request.carerName]);
  const ageRange =
    m.preferredVolunteerAgeMin !== null || m.preferredVolunteerAgeMax !== null
      ? t('mentees.case.ageRange', { min: m.preferredVolunteerAgeMin ?? 16, max: m.preferredVolunteerAgeMax ?? 120 })
      : '—';
  const support: Definition[] = [
    [t('mentees.case.source'), t(dynamicKey(`mentees.source.${m.source}`))],
    [m.source === 'form' ? t('mentees.case.submitted') : t('mentees.case.recorded'), formatDateTime(m.createdAt, locale)],
    [t('mentees.field.programme'), dash(view.programme)],
    [t('mentees.field.needs'), dash(needList(t, locale, m.needs))],
    [t('mentees.field.summary'), dash(m.summary)],
    [t('mentees.field.languages'), dash(languageList(t, locale, m.languages))],
    [t('mentees.field.district'), dash(m.district)],
    // A list in the page's language (its commas and "and"), each item isolated by formatList: the page's direction.
    [t('mentees.field.interests'), dash(formatList(m.interests, locale)), { dir: direction(locale) }],
    [t('mentees.field.preferredVolunteerGender'), m.preferredVolunteerGender ? t(`mentees.preferredGender.${m.preferredVolunteerGender}`) : '—'],
    [t('mentees.case.preferredAge'), ageRange],
    [t('mentees.field.socialWorker'), dash(m.socialWorkerName)],
  ];
  return (
    <>
      <h2 id="profile-heading">{t('mentees.case.personal')}</h2>
      <Details rows={personal} />
      <h2>{t('mentees.case.support')}</h2>
      <Details rows={support} />
      <h3 id="availability-heading">{t('mentees.field.availability')}</h3>
      {m.availability.length === 0 ? (
        <p class="muted">{t('mentees.case.noAvailability')}</p>
      ) : (
        <AvailabilityTable ctx={ctx} chosen={m.availability} labelledBy="availability-heading" slotLabel={(s) => t(`volunteers.application.slot.${s}`)} free={t('mentees.case.free')} notFree={t('mentees.case.notFree')} />
      )}
    </>
  );
}
