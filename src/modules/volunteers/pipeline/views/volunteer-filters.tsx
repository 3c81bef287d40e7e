import { ACTIVITIES, SORTS, type VolunteerQuery } from '../pipeline.schemas.js';
import { STAGES } from '../stages.js';
import { LanguageFilter } from '../../application/views/controls.js';
import type { PageContext } from '../../../../core/ui/index.js';
import { codeLabel, stageName } from './labels.js';

/**
 * The filters of the volunteer list (a GET form, so a view can be bookmarked). `ignored` holds what was typed into a
 * filter that is not a valid value; it is said at the field and the filter is left out.
 */
export function VolunteerFilters({ ctx, query, languages, ignored, filtered }: { ctx: PageContext; query: VolunteerQuery; languages: string[]; ignored?: Record<string, string>; filtered: boolean }) {
  const { t } = ctx;
  return (
    <form method="get" action="/volunteers" class="filters" role="search" aria-label={t('volunteers.pipeline.filtersLabel')}>
      <div class="field">
        <label for="q">{t('volunteers.pipeline.search')}</label>
        <input id="q" name="q" type="search" value={query.q ?? ''} maxLength={100} />
      </div>
      <div class="field">
        <label for="stage">{t('volunteers.pipeline.stage')}</label>
        <select id="stage" name="stage">
          <option value="">{t('volunteers.pipeline.anyStage')}</option>
          {STAGES.map((s) => (
            <option value={s} selected={query.stage === s}>
              {stageName(t, s)}
            </option>
          ))}
        </select>
      </div>
      <LanguageFilter ctx={ctx} codes={languages} selected={query.language} label={t('volunteers.pipeline.language')} anyLabel={t('volunteers.pipeline.anyLanguage')} />
      <div class="field">
        <label for="district">{t('volunteers.pipeline.district')}</label>
        <input id="district" name="district" type="text" value={query.district ?? ''} maxLength={100} />
      </div>
      <div class="field">
        <label for="activity">{t('volunteers.pipeline.activity')}</label>
        <select id="activity" name="activity">
          <option value="">{t('volunteers.pipeline.anyActivity')}</option>
          {ACTIVITIES.map((a) => (
            <option value={a} selected={query.activity === a}>
              {codeLabel(t, 'activity', a)}
            </option>
          ))}
        </select>
      </div>
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
      <div class="field">
        <label for="sort">{t('volunteers.pipeline.sortBy')}</label>
        <select id="sort" name="sort">
          {SORTS.map((s) => (
            <option value={s} selected={query.sort === s}>
              {t(`volunteers.pipeline.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="dir">{t('volunteers.pipeline.direction')}</label>
        <select id="dir" name="dir">
          <option value="">{t('volunteers.pipeline.dir.default')}</option>
          <option value="asc" selected={query.dir === 'asc'}>
            {t('volunteers.pipeline.dir.asc')}
          </option>
          <option value="desc" selected={query.dir === 'desc'}>
            {t('volunteers.pipeline.dir.desc')}
          </option>
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="button button-secondary">
          {t('volunteers.pipeline.apply')}
        </button>
        {filtered && <a href="/volunteers">{t('volunteers.pipeline.clearFilters')}</a>}
      </div>
    </form>
  );
}
