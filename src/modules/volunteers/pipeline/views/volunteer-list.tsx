import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../../core/i18n/index.js';
import { ErrorSummary, FieldError, LabelledField, PageHead, Pagination, SubmitButton, type FormState, type PageContext, viewQueryString } from '../../../../core/ui/index.js';
import type { VolunteerQuery, VolunteerSummary } from '../pipeline.schemas.js';
import { STAGES } from '../stages.js';
import { stageName } from './labels.js';
import { PipelineTabs } from './tabs.js';
import { VolunteerFilters } from './volunteer-filters.js';
import { VolunteerTable } from './volunteer-table.js';

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
  const keys = ['q', 'stage', 'language', 'district', 'activity', 'waitingMin', 'sort', 'dir', 'page'] as const;
  return viewQueryString(query, change, keys, (key, v) => (key === 'page' && Number(v) === 1) || (key === 'sort' && v === 'waiting'));
}

export function VolunteerListView({ ctx, page, query, ignored, canManage, bulk }: Props) {
  const { t, locale } = ctx;
  const filtered = Boolean(query.q || query.stage || query.language || query.district || query.activity || query.waitingMin !== undefined);
  const form = bulk ?? { values: {}, errors: {} };
  const selected = new Set([form.values.ids ?? []].flat().map(String));
  return (
    <>
      <PageHead title={t('volunteers.pipeline.title')} />
      <PipelineTabs ctx={ctx} current="list" />
      <VolunteerFilters ctx={ctx} query={query} languages={page.languages} ignored={ignored} filtered={filtered} />
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
          <VolunteerTable ctx={ctx} query={query} items={page.items} canManage={canManage} selected={selected} sortLink={(sort, dir) => `/volunteers${viewQuery(query, { sort, dir, page: 1 })}`} />
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
          <FieldError ctx={ctx} form={form} name="stage" />
          <select id="f-stage" name="stage" aria-invalid={stageError ? 'true' : undefined} aria-describedby={stageError ? 'f-stage-error' : undefined}>
            <option value="">{t('form.choose')}</option>
            {STAGES.filter((s) => s !== 'applied').map((s) => (
              <option value={s} selected={form.values.stage === s}>
                {stageName(t, s)}
              </option>
            ))}
          </select>
        </div>
        <LabelledField ctx={ctx} form={form} name="reason" label={t('volunteers.pipeline.reason')} hint={t('volunteers.pipeline.reasonHint')} requiredIf={t('volunteers.pipeline.reasonRequiredIf')}>
          <textarea id="f-reason" name="reason" rows={2} maxLength={500} aria-describedby={`f-reason-hint${reasonError ? ' f-reason-error' : ''}`} aria-invalid={reasonError ? 'true' : undefined}>
            {String(form.values.reason ?? '')}
          </textarea>
        </LabelledField>
        <SubmitButton>{t('volunteers.pipeline.bulk.submit')}</SubmitButton>
      </fieldset>
    </form>
  );
}
