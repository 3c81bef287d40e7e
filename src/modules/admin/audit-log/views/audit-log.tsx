import { formatDateTime, formatNumber } from '../../../../core/i18n/index.js';
import { ErrorSummary, SelectField, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { Pagination } from '../../views/pagination.js';
import type { AuditActor, AuditEntryOutput } from '../audit-log.schemas.js';

interface Props {
  ctx: PageContext;
  result: { items: AuditEntryOutput[]; total: number; page: number; pageSize: number };
  form: FormState;
  actors: AuditActor[];
}

const FILTERS = ['action', 'entity', 'actor', 'from', 'to'] as const;

export function AuditLogView({ ctx, result, form, actors }: Props) {
  const { t } = ctx;
  const labels = { action: t('admin.audit.action'), entity: t('admin.audit.entity'), actor: t('admin.audit.actor'), from: t('admin.audit.from'), to: t('admin.audit.to') };
  const filtered = FILTERS.some((f) => form.values[f]);
  const link = (page: number) => {
    const params = new URLSearchParams();
    for (const f of FILTERS) if (typeof form.values[f] === 'string' && form.values[f]) params.set(f, form.values[f] as string);
    params.set('page', String(page));
    return `/admin/audit?${params}`;
  };
  return (
    <>
      <h1>{t('admin.audit.title')}</h1>
      <p>{t('admin.audit.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="get" action="/admin/audit" class="filters" role="search">
        <TextField ctx={ctx} form={form} name="action" label={labels.action} hint={t('admin.audit.actionHint')} maxLength={100} dir="ltr" />
        <TextField ctx={ctx} form={form} name="entity" label={labels.entity} hint={t('admin.audit.entityHint')} maxLength={50} dir="ltr" />
        <SelectField ctx={ctx} form={form} name="actor" label={labels.actor} options={actors.map((a) => ({ value: a.userId, label: a.name }))} />
        <TextField ctx={ctx} form={form} name="from" type="date" label={labels.from} />
        <TextField ctx={ctx} form={form} name="to" type="date" label={labels.to} />
        <div class="actions">
          <button type="submit" class="button button-secondary">
            {t('admin.audit.filter')}
          </button>
        </div>
      </form>
      <p class="muted" role="status">
        {t('admin.audit.found', { count: result.total, formatted: formatNumber(result.total, ctx.locale) })}
      </p>
      {result.items.length === 0 ? (
        <p class="empty">{filtered ? t('admin.audit.noMatches') : t('admin.audit.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('admin.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.time')}</th>
                <th scope="col">{labels.actor}</th>
                <th scope="col">{labels.action}</th>
                <th scope="col">{labels.entity}</th>
                <th scope="col">{t('admin.audit.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((e) => (
                <tr>
                  <td>
                    <time datetime={e.at}>{formatDateTime(new Date(e.at), ctx.locale)}</time>
                  </td>
                  <td>{e.actorName ?? t(e.actorUserId ? 'admin.audit.formerAccount' : 'admin.audit.system')}</td>
                  <td dir="ltr">
                    <code>{e.action}</code>
                  </td>
                  <td dir="ltr">
                    {e.entity}
                    {e.entityId && (
                      <>
                        {' '}
                        <code class="muted">{e.entityId}</code>
                      </>
                    )}
                  </td>
                  <td dir="ltr">{e.fields.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} page={result.page} total={result.total} pageSize={result.pageSize} link={link} />
    </>
  );
}
