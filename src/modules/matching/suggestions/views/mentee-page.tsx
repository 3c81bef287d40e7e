import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../../core/i18n/index.js';
import { DefinitionList, ItemList, PageHead, type PageContext } from '../../../../core/ui/index.js';
import { LanguageFilter } from '../../../volunteers/index.js';
import type { MenteeSuggestions } from '../suggestions.service.js';
import { WEEKDAYS, type SuggestionQuery } from '../suggestions.schemas.js';
import { fullName, label, languageList, needList, slotList, weekdayName } from './labels.js';
import { ActiveMatches, ExclusionsTable, FoundStatus, PageNotices, SuggestionCard, type RefusedPost } from './parts.js';

export interface MenteePageProps extends RefusedPost {
  ctx: PageContext;
  view: MenteeSuggestions;
  query: SuggestionQuery;
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
          <FoundStatus ctx={ctx} found={t('matching.suggestions.found', { count: view.eligible, shown: view.items.length, formatted: formatNumber(view.eligible, locale) })} leftOut={view.leftOut} side="volunteers" />
          <GenderUnknownNotice ctx={ctx} view={view} />
          <ItemList
            items={view.items}
            empty={view.candidates === 0 ? t('matching.suggestions.noCandidates') : filtered ? t('matching.suggestions.noneFiltered') : t('matching.suggestions.noneFit')}
            ordered
            class="suggestions"
            render={(s) => {
              const places = { taken: s.person.activeMatches, capacity: s.person.capacity };
              const full = s.full && t('matching.suggestions.full', { name: fullName(s.person), ...places });
              return <SuggestionCard ctx={ctx} from="mentee" ownId={m.id} s={s} facts={t('matching.places', places)} full={full} exclusion={exclusion} />;
            }}
          />
        </>
      )}
      <ExclusionsTable ctx={ctx} rows={view.exclusions} from="mentee" timeZone={view.timeZone} />
    </>
  );
}
