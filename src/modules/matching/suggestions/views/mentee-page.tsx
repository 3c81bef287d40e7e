import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../../core/i18n/index.js';
import { DefinitionList, PageHead, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { LanguageFilter } from '../../../volunteers/index.js';
import type { Refusal } from '../../refusals.js';
import { explainLeftOut } from '../../scoring/index.js';
import type { MenteeSuggestions } from '../suggestions.service.js';
import { WEEKDAYS, type SuggestionQuery } from '../suggestions.schemas.js';
import { fullName, label, languageList, needList, slotList, weekdayName } from './labels.js';
import { ActiveMatches, ExcludeForm, ExclusionsTable, Fit, MatchButton, PageNotices, ReasonsBlock } from './parts.js';

export interface MenteePageProps {
  ctx: PageContext;
  view: MenteeSuggestions;
  query: SuggestionQuery;
  /** A match just refused on re-check (status 409 page). */
  refusal?: { refusals: Refusal[]; names: { mentee: string; volunteer: string } };
  /** An exclusion form refused (422): which row, and its state. */
  exclusion?: { otherId: string; form: FormState };
  /** A tampered form (a hidden id that is not an id): 422 with one message for the whole form. */
  problem?: FormState;
}

const dash = (s: string) => (s === '' ? '—' : s);

/** The query string of the filters (defaults left out). */
export function filterQuery(q: SuggestionQuery): string {
  const p = new URLSearchParams();
  if (q.district) p.set('district', q.district);
  if (q.language) p.set('language', q.language);
  if (q.weekday) p.set('weekday', q.weekday);
  if (q.includeFull) p.set('includeFull', 'true');
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The mentee's matching profile as a definition list. */
function MenteeSummary({ ctx, view }: { ctx: PageContext; view: MenteeSuggestions }) {
  const { t, locale } = ctx;
  const m = view.mentee;
  const covered = new Set(m.coveredNeeds);
  const open = m.needs.filter((n) => !covered.has(n));
  const preferences = [
    m.preferredVolunteerGender === 'female' ? t('matching.summary.prefersFemale') : m.preferredVolunteerGender === 'male' ? t('matching.summary.prefersMale') : '',
    m.preferredVolunteerAgeMin !== null || m.preferredVolunteerAgeMax !== null ? t('matching.summary.prefersAge', { min: m.preferredVolunteerAgeMin ?? 16, max: m.preferredVolunteerAgeMax ?? 120 }) : '',
  ].filter(Boolean);
  const rows: [string, ComponentChildren][] = [
    [t('matching.summary.status'), label(t, 'menteeStatus', m.status)],
    [t('matching.summary.needsOpen'), dash(needList(t, locale, open))],
    [t('matching.summary.needsCovered'), dash(needList(t, locale, m.coveredNeeds))],
    [t('matching.summary.languages'), dash(languageList(t, locale, m.languages))],
    [t('matching.summary.availability'), dash(slotList(t, locale, m.availability))],
    [t('matching.summary.district'), m.district ?? '—'],
    [t('matching.summary.age'), m.age === null ? '—' : t('matching.summary.years', { count: m.age })],
    [t('matching.summary.waiting'), m.waitingSince ? t('matching.summary.days', { count: m.daysWaiting }) : '—'],
    [t('matching.summary.preferences'), preferences.length ? preferences.join(' ') : t('matching.summary.noPreferences')],
  ];
  if (m.summary) rows.unshift([t('matching.summary.request'), m.summary]);
  return (
    <>
      {(m.minor || m.vulnerableAdult) && (
        <div class="notice notice-warning">
          {m.minor && <p>{t('matching.summary.minor')}</p>}
          {m.vulnerableAdult && <p>{t('matching.summary.vulnerable')}</p>}
        </div>
      )}
      <DefinitionList items={rows} />
    </>
  );
}

function Filters({ ctx, view, query, action }: { ctx: PageContext; view: MenteeSuggestions; query: SuggestionQuery; action: string }) {
  const { t, locale } = ctx;
  const filtered = Boolean(query.district || query.language || query.weekday || query.includeFull);
  return (
    <form method="get" action={action} class="filters" aria-label={t('matching.filters.label')}>
      <div class="field">
        <label for="district">{t('matching.filters.district')}</label>
        <select id="district" name="district">
          <option value="">{t('matching.filters.anyDistrict')}</option>
          {view.options.districts.map((d) => (
            <option value={d} selected={query.district === d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <LanguageFilter ctx={ctx} codes={view.options.languages} selected={query.language} label={t('matching.filters.language')} anyLabel={t('matching.filters.anyLanguage')} />
      <div class="field">
        <label for="weekday">{t('matching.filters.weekday')}</label>
        <select id="weekday" name="weekday">
          <option value="">{t('matching.filters.anyWeekday')}</option>
          {WEEKDAYS.map((d, i) => (
            <option value={d} selected={query.weekday === d}>
              {weekdayName(locale, i)}
            </option>
          ))}
        </select>
      </div>
      <div class="field field-checkbox">
        <label class="checkbox" for="includeFull">
          <input id="includeFull" type="checkbox" name="includeFull" value="true" checked={query.includeFull} /> {t('matching.filters.includeFull')}
        </label>
      </div>
      <div class="actions">
        <button type="submit" class="button button-secondary">
          {t('matching.filters.apply')}
        </button>
        {filtered && <a href={action}>{t('matching.filters.clear')}</a>}
      </div>
    </form>
  );
}

/** Volunteers left out only because their gender is unknown, each with a link to where it is recorded. */
function GenderUnknownNotice({ ctx, view }: { ctx: PageContext; view: MenteeSuggestions }) {
  const { t } = ctx;
  const wanted = view.mentee.preferredVolunteerGender;
  if (view.genderUnknown.length === 0 || (wanted !== 'female' && wanted !== 'male')) return null;
  return (
    <div class="notice notice-warning" id="gender-unknown">
      <p>{t(`matching.suggestions.genderUnknown.${wanted}`, { count: view.genderUnknown.length })}</p>
      <ul>
        {view.genderUnknown.map((v) => (
          <li>
            <a href={`/matching/volunteers/${v.id}#profile`}>{t('matching.suggestions.genderUnknown.record', { name: fullName(v) })}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MenteePageView({ ctx, view, query, refusal, exclusion, problem }: MenteePageProps) {
  const { t, locale } = ctx;
  const m = view.mentee;
  const name = fullName(m);
  const filtered = Boolean(query.district || query.language || query.weekday);
  return (
    <>
      <p class="actions-row">
        <a href={`/mentees/${m.id}`}>{t('matching.links.case', { name })}</a>
        <a href="/matching">{t('matching.links.overview')}</a>
      </p>
      <PageHead title={t('matching.suggestions.menteeTitle', { name })} />
      <PageNotices ctx={ctx} refusal={refusal} problem={problem} exclusion={exclusion} />
      <MenteeSummary ctx={ctx} view={view} />
      <ActiveMatches ctx={ctx} matches={view.activeMatches} other={(a) => fullName(a.volunteer)} timeZone={view.timeZone} />
      <h2 id="suggestions">{t('matching.suggestions.heading')}</h2>
      {!view.matchable ? (
        <p class="empty">{t('matching.suggestions.notWaiting', { name, status: label(t, 'menteeStatus', m.status) })}</p>
      ) : (
        <>
          <Filters ctx={ctx} view={view} query={query} action={`/matching/mentees/${m.id}`} />
          <div role="status">
            <p>{t('matching.suggestions.found', { count: view.eligible, shown: view.items.length, formatted: formatNumber(view.eligible, locale) })}</p>
            {view.leftOut.count > 0 && <p class="muted">{explainLeftOut(view.leftOut, 'volunteers', t, locale)}</p>}
          </div>
          <GenderUnknownNotice ctx={ctx} view={view} />
          {view.items.length === 0 ? (
            <p class="empty">
              {view.candidates === 0 ? t('matching.suggestions.noCandidates') : filtered ? t('matching.suggestions.noneFiltered') : t('matching.suggestions.noneFit')}
            </p>
          ) : (
            <ol class="suggestions">
              {view.items.map((s) => {
                const v = s.person;
                const vName = fullName(v);
                return (
                  <li class="card">
                    <h3>
                      <a href={`/matching/volunteers/${v.id}`}>{vName}</a> <Fit ctx={ctx} percent={s.percent} />
                    </h3>
                    <p class="muted">
                      {t('matching.places', { taken: v.activeMatches, capacity: v.capacity })}
                      {v.district ? ` · ${v.district}` : ''}
                    </p>
                    <ReasonsBlock ctx={ctx} r={s} />
                    {s.full ? (
                      <p>
                        <strong>{t('matching.suggestions.full', { name: vName, taken: v.activeMatches, capacity: v.capacity })}</strong>
                      </p>
                    ) : (
                      <MatchButton ctx={ctx} action={`/matching/mentees/${m.id}/match`} field="volunteerId" id={v.id} name={vName} />
                    )}
                    <ExcludeForm ctx={ctx} menteeId={m.id} volunteerId={v.id} from="mentee" name={vName} form={exclusion?.otherId === v.id ? exclusion.form : undefined} />
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
      <h2>{t('matching.exclusions.heading')}</h2>
      <ExclusionsTable ctx={ctx} rows={view.exclusions} from="mentee" timeZone={view.timeZone} />
    </>
  );
}
