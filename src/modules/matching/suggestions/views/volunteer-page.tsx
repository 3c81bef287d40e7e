import type { ComponentChildren } from 'preact';
import { formatList, formatNumber } from '../../../../core/i18n/index.js';
import { DefinitionList, ErrorSummary, Form, ItemList, PageHead, SelectField, SubmitButton, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { codeLabel } from '../../../volunteers/index.js';
import type { VolunteerSuggestions } from '../suggestions.service.js';
import { GENDERS } from '../suggestions.schemas.js';
import { fullName, label, languageList, slotList } from './labels.js';
import { ActiveMatches, ExclusionsTable, FoundStatus, PageNotices, SuggestionCard, type RefusedPost } from './parts.js';

export interface VolunteerPageProps extends RefusedPost {
  ctx: PageContext;
  view: VolunteerSuggestions;
  /** The matching-profile form (values shown, errors after a refused save). */
  profile: FormState;
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
          <FoundStatus ctx={ctx} found={t('matching.suggestions.foundMentees', { count: view.eligible, shown: view.items.length, formatted: formatNumber(view.eligible, locale) })} leftOut={view.leftOut} side="mentees" />
          <ItemList
            items={view.items}
            empty={view.candidates === 0 ? t('matching.suggestions.nobodyWaiting') : t('matching.suggestions.noMenteeFits')}
            ordered
            class="suggestions"
            render={(s) => <SuggestionCard ctx={ctx} from="volunteer" ownId={v.id} s={s} facts={t('matching.summary.days', { count: s.person.daysWaiting })} summary={s.person.summary} exclusion={exclusion} />}
          />
        </>
      )}
      <ExclusionsTable ctx={ctx} rows={view.exclusions} from="volunteer" timeZone={view.timeZone} />
    </>
  );
}
