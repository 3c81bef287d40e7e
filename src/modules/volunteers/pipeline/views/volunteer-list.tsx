import type { ComponentChildren } from 'preact';
import { formatDate, formatList, formatNumber } from '../../../../core/i18n/index.js';
import { ErrorSummary, Pagination, RequiredMark, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { ACTIVITIES, SORTS, type Sort, type VolunteerQuery, type VolunteerSummary } from '../pipeline.schemas.js';
import { STAGES } from '../stages.js';
import { LanguageFilter } from '../../application/views/controls.js';
import { codeLabel, languageLabel, listName, stageName } from './labels.js';
import { PipelineTabs } from './tabs.js';
import { PersonName } from '../../../../core/ui/index.js';

interface Props {
  ctx: PageContext;
  page: { items: VolunteerSummary[]; total: number; page: number; pageSize: number; languages: string[] };
  query: VolunteerQuery;
  /** Filters left out because what was typed is not a valid value (the field, what was typed): said at the field. */
  ignored?: Record<string, string>;
  canManage: boolean;
  /** Errors of a refused bulk move (re-rendered list). */
  bulk?: FormState;
}

/** The query string of a view, without defaults, with some keys changed. */
export function viewQuery(query: VolunteerQuery, change: Partial<Record<keyof VolunteerQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of ['q', 'stage', 'language', 'district', 'activity', 'waitingMin', 'sort', 'dir', 'page'] as const) {
    const v = merged[key];
    if (v === undefined || v === null || v === '') continue;
    if ((key === 'page' && Number(v) === 1) || (key === 'sort' && v === 'waiting')) continue; // defaults
    params.set(key, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function SortHeader({ ctx, query, sort, label }: { ctx: PageContext; query: VolunteerQuery; sort: Sort; label: string }) {
  const current = query.sort === sort;
  const defaultDir = sort === 'waiting' || sort === 'applied' ? 'desc' : 'asc';
  const dir = query.dir ?? defaultDir;
  const nextDir = current ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir;
  return (
    <th scope="col" aria-sort={current ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={`/volunteers${viewQuery(query, { sort, dir: nextDir, page: 1 })}`}>
        {label}
        {current && <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        <span class="visually-hidden"> ({ctx.t(nextDir === 'asc' ? 'volunteers.pipeline.sortAscending' : 'volunteers.pipeline.sortDescending')})</span>
      </a>
    </th>
  );
}

export function VolunteerListView({ ctx, page, query, ignored, canManage, bulk }: Props) {
  const { t, locale } = ctx;
  const filtered = Boolean(query.q || query.stage || query.language || query.district || query.activity || query.waitingMin !== undefined);
  const form = bulk ?? { values: {}, errors: {} };
  const selected = new Set([form.values.ids ?? []].flat().map(String));
  return (
    <>
      <div class="page-head">
        <h1>{t('volunteers.pipeline.title')}</h1>
      </div>
      <PipelineTabs ctx={ctx} current="list" />
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
        <LanguageFilter ctx={ctx} codes={page.languages} selected={query.language} label={t('volunteers.pipeline.language')} anyLabel={t('volunteers.pipeline.anyLanguage')} />
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
      <p class="muted" role="status">
        {t('volunteers.pipeline.found', { count: page.total, formatted: formatNumber(page.total, locale) })}
      </p>
      {canManage && page.total > 0 && (
        <p>
          <a href={`/volunteers/export.csv${viewQuery(query, { page: undefined })}`} download>
            {t('volunteers.pipeline.exportCsv')}
          </a>
          {' · '}
          <a href={`/volunteers/export.xlsx${viewQuery(query, { page: undefined })}`} download>
            {t('volunteers.pipeline.exportXlsx')}
          </a>
        </p>
      )}
      {page.items.length === 0 ? (
        <p class="empty">{filtered ? t('volunteers.pipeline.noMatches') : t('volunteers.pipeline.empty')}</p>
      ) : (
        <BulkWrapper ctx={ctx} query={query} canManage={canManage} form={form}>
          <div class="table-wrap">
            <table class="table-cards">
              <caption class="visually-hidden">{t('volunteers.pipeline.tableCaption')}</caption>
              <thead>
                <tr>
                  {canManage && (
                    <th scope="col">
                      <span class="visually-hidden">{t('volunteers.pipeline.selectColumn')}</span>
                    </th>
                  )}
                  <SortHeader ctx={ctx} query={query} sort="name" label={t('field.name')} />
                  <SortHeader ctx={ctx} query={query} sort="stage" label={t('volunteers.pipeline.stage')} />
                  <th scope="col">{t('volunteers.pipeline.languages')}</th>
                  <th scope="col">{t('volunteers.pipeline.district')}</th>
                  <th scope="col">{t('volunteers.pipeline.activities')}</th>
                  <SortHeader ctx={ctx} query={query} sort="waiting" label={t('volunteers.pipeline.daysWaiting')} />
                  <SortHeader ctx={ctx} query={query} sort="applied" label={t('volunteers.pipeline.applied')} />
                </tr>
              </thead>
              <tbody>
                {page.items.map((v) => (
                  <tr>
                    {canManage && (
                      <td>
                        <input
                          type="checkbox"
                          id={`select-${v.id}`}
                          name="ids"
                          value={`${v.id}:${v.version}`}
                          checked={selected.has(`${v.id}:${v.version}`)}
                          aria-label={t('volunteers.pipeline.selectOne', { name: listName(v) })}
                        />
                      </td>
                    )}
                    <th scope="row">
                      <PersonName href={`/volunteers/${v.id}`} name={listName(v)} />
                      {v.duplicateOf && (
                        <>
                          <br />
                          <span class="muted">{t('volunteers.pipeline.possibleDuplicate')}</span>
                        </>
                      )}
                      {v.awaitingGuardian && (
                        <>
                          <br />
                          <span class="muted">{t('volunteers.pipeline.awaitingGuardian')}</span>
                        </>
                      )}
                    </th>
                    <td data-label={t('volunteers.pipeline.stage')}>{stageName(t, v.stage)}</td>
                    <td data-label={t('volunteers.pipeline.languages')}>{formatList(v.languages.map((l) => languageLabel(t, locale, l)), locale)}</td>
                    <td data-label={t('volunteers.pipeline.district')}>{v.district ?? ''}</td>
                    <td data-label={t('volunteers.pipeline.activities')}>{formatList(v.activities.map((a) => codeLabel(t, 'activity', a)), locale)}</td>
                    <td class="numeric" data-label={t('volunteers.pipeline.daysWaiting')}>{t('volunteers.pipeline.days', { count: v.daysWaiting })}</td>
                    <td data-label={t('volunteers.pipeline.applied')}>{formatDate(new Date(v.appliedAt), locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </BulkWrapper>
      )}
      <Pagination ctx={ctx} page={page.page} total={page.total} pageSize={page.pageSize} link={(p) => `/volunteers${viewQuery(query, { page: p })}`} />
    </>
  );
}

/** For coordinators the table sits in the bulk-move form (a checkbox per row, the move controls below it). */
function BulkWrapper({ ctx, query, canManage, form, children }: { ctx: PageContext; query: VolunteerQuery; canManage: boolean; form: FormState; children: ComponentChildren }) {
  if (!canManage) return <>{children}</>;
  const { t } = ctx;
  const stageError = form.errors.stage;
  const reasonError = form.errors.reason;
  return (
    <form method="post" action={`/volunteers/bulk${viewQuery(query)}`} noValidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <ErrorSummary ctx={ctx} form={form} labels={{ ids: t('volunteers.pipeline.bulk.selected'), stage: t('volunteers.pipeline.bulk.target'), reason: t('volunteers.pipeline.reason') }} />
      {form.errors.ids && (
        <p class="field-error" id="f-ids">
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {t(form.errors.ids.key, form.errors.ids.params)}
        </p>
      )}
      {children}
      <fieldset class="field">
        <legend>{t('volunteers.pipeline.bulk.legend')}</legend>
        <div class={`field${stageError ? ' field-invalid' : ''}`}>
          <label for="f-stage">{t('volunteers.pipeline.bulk.target')}</label>
          {stageError && (
            <p class="field-error" id="f-stage-error">
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {t(stageError.key, stageError.params)}
            </p>
          )}
          <select id="f-stage" name="stage" aria-invalid={stageError ? 'true' : undefined} aria-describedby={stageError ? 'f-stage-error' : undefined}>
            <option value="">{t('form.choose')}</option>
            {STAGES.filter((s) => s !== 'applied').map((s) => (
              <option value={s} selected={form.values.stage === s}>
                {stageName(t, s)}
              </option>
            ))}
          </select>
        </div>
        <div class={`field${reasonError ? ' field-invalid' : ''}`}>
          <label for="f-reason">
            {t('volunteers.pipeline.reason')}
            <RequiredMark ctx={ctx} requiredIf={t('volunteers.pipeline.reasonRequiredIf')} />
          </label>
          <p class="hint" id="f-reason-hint">
            {t('volunteers.pipeline.reasonHint')}
          </p>
          {reasonError && (
            <p class="field-error" id="f-reason-error">
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {t(reasonError.key, reasonError.params)}
            </p>
          )}
          <textarea id="f-reason" name="reason" rows={2} maxLength={500} aria-describedby={`f-reason-hint${reasonError ? ' f-reason-error' : ''}`} aria-invalid={reasonError ? 'true' : undefined}>
            {String(form.values.reason ?? '')}
          </textarea>
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {t('volunteers.pipeline.bulk.submit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
