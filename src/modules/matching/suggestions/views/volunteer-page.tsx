import type { ComponentChildren } from 'preact';
import { formatList, formatNumber } from '../../../../core/i18n/index.js';
import { DefinitionList, ErrorSummary, Form, PageHead, SelectField, SubmitButton, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { codeLabel } from '../../../volunteers/index.js';
import type { Refusal } from '../../refusals.js';
import { explainLeftOut } from '../../scoring/index.js';
import type { VolunteerSuggestions } from '../suggestions.service.js';
import { GENDERS } from '../suggestions.schemas.js';
import { fullName, label, languageList, slotList } from './labels.js';
import { ActiveMatches, ExcludeForm, ExclusionsTable, Fit, MatchButton, PageNotices, ReasonsBlock } from './parts.js';

export interface VolunteerPageProps {
  ctx: PageContext;
  view: VolunteerSuggestions;
  /** The matching-profile form (values shown, errors after a refused save). */
  profile: FormState;
  refusal?: { refusals: Refusal[]; names: { mentee: string; volunteer: string } };
  exclusion?: { otherId: string; form: FormState };
  /** A tampered form (a hidden id that is not an id): 422 with one message for the whole form. */
  problem?: FormState;
}

const dash = (s: string) => (s === '' ? '—' : s);

export function VolunteerPageView({ ctx, view, profile, refusal, exclusion, problem }: VolunteerPageProps) {
  const { t, locale } = ctx;
  const v = view.volunteer;
  const name = fullName(v);
  const rows: [string, ComponentChildren][] = [
    [t('matching.summary.stage'), t(`volunteers.stage.${v.stage}`)],
    [t('matching.summary.places'), t('matching.places', { taken: v.activeMatches, capacity: v.capacity })],
    [t('matching.summary.languages'), dash(languageList(t, locale, v.languages))],
    [t('matching.summary.availability'), dash(slotList(t, locale, v.availability))],
    [t('matching.summary.district'), v.district ?? '—'],
    [t('matching.summary.offers'), dash(formatList(v.activities.map((a) => codeLabel(t, 'activity', a)), locale))],
    [t('matching.summary.interests'), dash(formatList(v.interests, locale))],
    [t('matching.summary.safeguarding'), t(v.safeguardingCleared ? 'matching.summary.safeguardingValid' : 'matching.summary.safeguardingMissing')],
  ];
  return (
    <>
      <p class="actions-row">
        <a href="/matching">{t('matching.links.overview')}</a>
      </p>
      <PageHead title={t('matching.suggestions.volunteerTitle', { name })} />
      <PageNotices ctx={ctx} refusal={refusal} problem={problem} exclusion={exclusion} />
      <DefinitionList items={rows} />

      <h2 id="profile">{t('matching.profile.heading')}</h2>
      <p class="hint">{t('matching.profile.hint')}</p>
      <Form ctx={ctx} action={`/matching/volunteers/${v.id}/profile`} novalidate>
        <ErrorSummary ctx={ctx} form={profile} labels={{ capacity: t('matching.profile.capacity'), gender: t('matching.profile.gender') }} />
        <TextField ctx={ctx} form={profile} name="capacity" inputMode="numeric" maxLength={2} label={t('matching.profile.capacity')} hint={t('matching.profile.capacityHint')} required />
        <SelectField ctx={ctx} form={profile} name="gender" label={t('matching.profile.gender')} hint={t('matching.profile.genderHint')} options={GENDERS.map((g) => ({ value: g, label: label(t, 'gender', g) }))} />
        <SubmitButton>{t('matching.profile.save')}</SubmitButton>
      </Form>

      <ActiveMatches ctx={ctx} matches={view.activeMatches} other={(a) => fullName(a.mentee)} timeZone={view.timeZone} />

      <h2 id="suggestions">{t('matching.suggestions.menteesHeading')}</h2>
      {!view.available ? (
        <p class="empty">{t('matching.suggestions.notAvailable', { name, stage: t(`volunteers.stage.${v.stage}`) })}</p>
      ) : (
        <>
          <div role="status">
            <p>{t('matching.suggestions.foundMentees', { count: view.eligible, shown: view.items.length, formatted: formatNumber(view.eligible, locale) })}</p>
            {view.leftOut.count > 0 && <p class="muted">{explainLeftOut(view.leftOut, 'mentees', t, locale)}</p>}
          </div>
          {view.items.length === 0 ? (
            <p class="empty">{view.candidates === 0 ? t('matching.suggestions.nobodyWaiting') : t('matching.suggestions.noMenteeFits')}</p>
          ) : (
            <ol class="suggestions">
              {view.items.map((s) => {
                const m = s.person;
                const mName = fullName(m);
                return (
                  <li class="card">
                    <h3>
                      <a href={`/matching/mentees/${m.id}`}>{mName}</a> <Fit ctx={ctx} percent={s.percent} />
                    </h3>
                    <p class="muted">
                      {t('matching.summary.days', { count: m.daysWaiting })}
                      {m.district ? ` · ${m.district}` : ''}
                    </p>
                    {m.summary && <p>{m.summary}</p>}
                    <ReasonsBlock ctx={ctx} r={s} />
                    <MatchButton ctx={ctx} action={`/matching/volunteers/${v.id}/match`} field="menteeId" id={m.id} name={mName} />
                    <ExcludeForm ctx={ctx} menteeId={m.id} volunteerId={v.id} from="volunteer" name={mName} form={exclusion?.otherId === m.id ? exclusion.form : undefined} />
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
      <h2>{t('matching.exclusions.heading')}</h2>
      <ExclusionsTable ctx={ctx} rows={view.exclusions} from="volunteer" timeZone={view.timeZone} />
    </>
  );
}
