import { formatNumber } from '../../../../core/i18n/index.js';
import { DataTable, ErrorSummary, FieldError, Form, MutedLine, PageHead, SubmitButton, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { RunRow } from '../batch.repository.js';
import { runTitle } from './labels.js';

interface Props {
  ctx: PageContext;
  programmes: { id: string; name: string; active: boolean }[];
  runs: RunRow[];
  timeZone: string;
  form: FormState;
}

/** `/matching/batch`: run batch matching over a waiting list, and the runs so far. */
export function BatchHomeView({ ctx, programmes, runs, timeZone, form }: Props) {
  const { t, locale } = ctx;
  const error = form.errors.programmeId;
  const current = String(form.values.programmeId ?? 'all');
  return (
    <>
      <p class="actions-row">
        <a href="/matching">{t('matching.links.overview')}</a>
      </p>
      <PageHead title={t('matching.batch.title')} />
      <p class="lead">{t('matching.batch.intro')}</p>
      <Form ctx={ctx} action="/matching/batch" novalidate>
        <ErrorSummary ctx={ctx} form={form} labels={{ programmeId: t('matching.batch.waitingList') }} />
        <div class={`field${error ? ' field-invalid' : ''}`}>
          <label for="f-programmeId">{t('matching.batch.waitingList')}</label>
          <FieldError ctx={ctx} form={form} name="programmeId" />
          <select id="f-programmeId" name="programmeId" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'f-programmeId-error' : undefined}>
            <option value="all" selected={current === 'all'}>
              {t('matching.batch.allWaiting')}
            </option>
            {programmes.map((p) => (
              <option value={p.id} selected={current === p.id}>
                {p.active ? p.name : t('matching.batch.inactiveProgramme', { name: p.name })}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton>{t('matching.batch.run')}</SubmitButton>
      </Form>

      <h2>{t('matching.batch.pastRuns')}</h2>
      <DataTable
        caption={t('matching.batch.pastRuns')}
        rows={runs}
        empty={t('matching.batch.noRuns')}
        columns={[
          {
            header: t('matching.batch.runColumn'),
            rowHeader: true,
            cell: (r) => (
              <>
                <a href={`/matching/batch/${r.id}`}>{runTitle(ctx, r, timeZone)}</a>
                {r.createdBy && <MutedLine>{t('matching.batch.runBy', { name: r.createdBy })}</MutedLine>}
              </>
            ),
          },
          { header: t('matching.batch.figures.mentees'), headerClass: 'numeric', cellClass: 'numeric', cell: (r) => formatNumber(r.mentees, locale) },
          { header: t('matching.batch.figures.matched'), headerClass: 'numeric', cellClass: 'numeric', cell: (r) => formatNumber(r.matched, locale) },
          { header: t('matching.batch.state'), cell: (r) => (r.status === 'open' ? t('matching.batch.toDecide', { count: r.proposed }) : t('matching.batch.closed')) },
        ]}
      />
    </>
  );
}
