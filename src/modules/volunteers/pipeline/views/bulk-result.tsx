import { DataTable, type PageContext } from '../../../../core/ui/index.js';
import type { BulkResult } from '../pipeline.service.js';
import { listName, stageName } from './labels.js';
import { fixHref } from '../../fix-links.js';

/** What a bulk move did: who moved, and who was refused and why. */
export function BulkResultView({ ctx, result, back }: { ctx: PageContext; result: BulkResult; back: string }) {
  const { t } = ctx;
  return (
    <>
      <p>
        <a href={back}>{t('volunteers.pipeline.back')}</a>
      </p>
      <h1>{t('volunteers.pipeline.bulk.resultTitle', { stage: stageName(t, result.stage) })}</h1>
      <p role="status" class={`flash ${result.refused.length ? 'flash-error' : 'flash-success'}`}>
        {t('volunteers.pipeline.bulk.summary', { moved: result.moved.length, refused: result.refused.length })}
      </p>
      <h2>{t('volunteers.pipeline.bulk.moved', { count: result.moved.length })}</h2>
      {result.moved.length === 0 ? (
        <p class="muted">{t('volunteers.pipeline.bulk.none')}</p>
      ) : (
        <ul>
          {result.moved.map((m) => (
            <li>
              <a href={`/volunteers/${m.id}`}>{listName(m)}</a>{' '}
              <span class="muted">{t('volunteers.pipeline.event.moved', { from: stageName(t, m.from), to: stageName(t, result.stage) })}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('volunteers.pipeline.bulk.refused', { count: result.refused.length })}</h2>
      <DataTable
        caption={t('volunteers.pipeline.bulk.refused', { count: result.refused.length })}
        rows={result.refused}
        empty={t('volunteers.pipeline.bulk.none')}
        emptyClass="muted"
        columns={[
          {
            header: t('field.name'),
            rowHeader: true,
            cell: (r) => (r.familyName !== null ? <a href={`/volunteers/${r.id}`}>{listName({ givenName: r.givenName ?? '', familyName: r.familyName })}</a> : t('volunteers.pipeline.bulk.unknown')),
          },
          {
            header: t('volunteers.pipeline.bulk.why'),
            cell: (r) =>
              r.missing.length === 0 ? (
                t(r.key)
              ) : (
                <ul>
                  {r.missing.map((m) => (
                    <li>
                      <a href={fixHref(r.id, m)}>{t(`volunteers.missing.${m}`)}</a>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </>
  );
}
