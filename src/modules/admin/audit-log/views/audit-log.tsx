import { actionsOfGroup, AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_GROUPS, type AuditGroup } from '../../../../core/audit/actions.js';
import { compareNames, formatDateTime, formatNumber } from '../../../../core/i18n/index.js';
import { ErrorSummary, Pagination, SelectField, SubmitButton, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { AuditActor } from '../audit-log.schemas.js';
import type { AuditEntryView } from '../audit-log.service.js';
import { actionName, AuditFields, AuditSentence } from './audit-sentence.js';

interface Props {
  ctx: PageContext;
  result: { items: AuditEntryView[]; total: number; page: number; pageSize: number };
  form: FormState;
  actors: AuditActor[];
}

const FILTERS = ['group', 'action', 'entity', 'actor', 'from', 'to'] as const;

/** The audit log: filters chosen from lists (a GET form, kept in the address and in the page links), entries as sentences. */
export function AuditLogView({ ctx, result, form, actors }: Props) {
  const { t } = ctx;
  const labels = { group: t('admin.audit.group'), action: t('admin.audit.action'), entity: t('admin.audit.entity'), actor: t('admin.audit.actor'), from: t('admin.audit.from'), to: t('admin.audit.to') };
  const filtered = FILTERS.some((f) => form.values[f]);
  const link = (page: number) => {
    const params = new URLSearchParams();
    for (const f of FILTERS) if (typeof form.values[f] === 'string' && form.values[f]) params.set(f, form.values[f] as string);
    params.set('page', String(page));
    return `/admin/audit?${params}`;
  };
  const compare = compareNames(ctx.locale);
  const groupName = (g: AuditGroup) => t(`audit.group.${g}`);
  const actionOptions = AUDIT_GROUPS.flatMap((g) => actionsOfGroup(g)).map((a) => ({ value: a, label: actionName(ctx, a), group: groupName(AUDIT_ACTIONS[a]) }));
  const kindOptions = AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) })).sort((a, b) => compare(a.label, b.label));
  return (
    <>
      <h1>{t('admin.audit.title')}</h1>
      <p>{t('admin.audit.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="get" action="/admin/audit" class="filters" role="search">
        <SelectField ctx={ctx} form={form} name="group" label={labels.group} emptyLabel={t('admin.audit.allGroups')} options={AUDIT_GROUPS.map((g) => ({ value: g, label: groupName(g) }))} />
        <SelectField ctx={ctx} form={form} name="action" label={labels.action} emptyLabel={t('admin.audit.allActions')} options={actionOptions} />
        <SelectField ctx={ctx} form={form} name="entity" label={labels.entity} emptyLabel={t('admin.audit.allKinds')} options={kindOptions} />
        <SelectField ctx={ctx} form={form} name="actor" label={labels.actor} emptyLabel={t('admin.audit.allActors')} options={actors.map((a) => ({ value: a.userId, label: a.name }))} />
        <TextField ctx={ctx} form={form} name="from" type="date" label={labels.from} />
        <TextField ctx={ctx} form={form} name="to" type="date" label={labels.to} />
        <SubmitButton secondary>{t('admin.audit.filter')}</SubmitButton>
      </form>
      <p class="muted" role="status">
        {t('admin.audit.found', { count: result.total, formatted: formatNumber(result.total, ctx.locale) })}
      </p>
      {result.items.length === 0 ? (
        <p class="empty">{filtered ? t('admin.audit.noMatches') : t('admin.audit.empty')}</p>
      ) : (
        <ol class="audit-entries">
          {result.items.map((e) => (
            <li class="card audit-entry" data-action={e.action}>
              <p class="audit-sentence">
                <AuditSentence ctx={ctx} entry={e} />
              </p>
              <p class="muted audit-time">
                <time datetime={e.at}>{formatDateTime(new Date(e.at), ctx.locale)}</time>
              </p>
              <AuditFields ctx={ctx} fields={e.fields} />
            </li>
          ))}
        </ol>
      )}
      <Pagination ctx={ctx} page={result.page} total={result.total} pageSize={result.pageSize} link={link} />
    </>
  );
}
