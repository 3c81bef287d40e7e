import { ACTIVITIES, SORTS, type VolunteerQuery } from '../pipeline.schemas.js';
import { STAGES } from '../stages.js';
import { LanguageFilter } from '../../application/views/controls.js';
import { FilterForm, FilterSearch, FilterSelect, type PageContext } from '../../../../core/ui/index.js';
import { codeLabel, stageName } from './labels.js';

/**
 * The filters of the volunteer list (a GET form, so a view can be bookmarked). `ignored` holds what was typed into a
 * filter that is not a valid value; it is said at the field and the filter is left out.
 */
export function VolunteerFilters({ ctx, query, languages, ignored, filtered }: { ctx: PageContext; query: VolunteerQuery; languages: string[]; ignored?: Record<string, string>; filtered: boolean }) {
  const { t } = ctx;
  return (
    <FilterForm action="/volunteers" label={t('volunteers.pipeline.filtersLabel')} apply={t('volunteers.pipeline.apply')} clear={t('volunteers.pipeline.clearFilters')} filtered={filtered}>
      <FilterSearch label={t('volunteers.pipeline.search')} value={query.q} />
      <FilterSelect name="stage" label={t('volunteers.pipeline.stage')} any={t('volunteers.pipeline.anyStage')} options={STAGES.map((s) => ({ value: s, label: stageName(t, s) }))} selected={query.stage} />
      <LanguageFilter ctx={ctx} codes={languages} selected={query.language} label={t('volunteers.pipeline.language')} anyLabel={t('volunteers.pipeline.anyLanguage')} />
      <div class="field">
        <label for="district">{t('volunteers.pipeline.district')}</label>
        <input id="district" name="district" type="text" value={query.district ?? ''} maxLength={100} />
      </div>
      <FilterSelect name="activity" label={t('volunteers.pipeline.activity')} any={t('volunteers.pipeline.anyActivity')} options={ACTIVITIES.map((a) => ({ value: a, label: codeLabel(t, 'activity', a) }))} selected={query.activity} />
      <div class={ignored?.waitingMin !== undefined ? 'field field-invalid' : 'field'}>
        <label for="waitingMin">{t('volunteers.pipeline.waitingMin')}</label>
        {ignored?.waitingMin !== undefined && (
          <p class="field-error" id="waitingMin-error">
            <span class="visually-hidden">{t('form.errorPrefix')} </span>
            {t('volunteers.pipeline.waitingMinIgnored')}
          </p>
        )}
        <input
          id="waitingMin"
          name="waitingMin"
          type="text"
          inputMode="numeric"
          maxLength={4}
          value={ignored?.waitingMin ?? query.waitingMin ?? ''}
          aria-invalid={ignored?.waitingMin !== undefined ? 'true' : undefined}
          aria-describedby={ignored?.waitingMin !== undefined ? 'waitingMin-error' : undefined}
        />
      </div>
      <FilterSelect name="sort" label={t('volunteers.pipeline.sortBy')} options={SORTS.map((s) => ({ value: s, label: t(`volunteers.pipeline.sort.${s}`) }))} selected={query.sort} />
      <FilterSelect
        name="dir"
        label={t('volunteers.pipeline.direction')}
        any={t('volunteers.pipeline.dir.default')}
        options={[
          { value: 'asc', label: t('volunteers.pipeline.dir.asc') },
          { value: 'desc', label: t('volunteers.pipeline.dir.desc') },
        ]}
        selected={query.dir}
      />
    </FilterForm>
  );
}
