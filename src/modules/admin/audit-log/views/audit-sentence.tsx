import { isAuditAction, type AuditAction } from '../../../../core/audit/actions.js';
import { dynamicKey, formatList, hasMessage } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';
import type { TargetLabel } from '../audit-targets.repository.js';
import type { AuditEntryView } from '../audit-log.service.js';

/** Stand-ins for the two names inside a translated sentence: control characters no message or name contains. */
const ACTOR = '\u0001a\u0001';
const TARGET = '\u0001b\u0001';

/**
 * An entry as a sentence in the viewer's language — "Anna Nowak viewed the volunteer Jan Kowalski" — with the record
 * linked when the viewer may open it. The sentence is translated whole (`audit.action.<action>`) and the names are
 * put into it as elements, isolated with <bdi> so a Latin name keeps its place in Arabic.
 */
export function AuditSentence({ ctx, entry }: { ctx: PageContext; entry: AuditEntryView }) {
  const { t } = ctx;
  const actor = <bdi class="audit-actor">{entry.actorName ?? t(entry.actorUserId ? 'admin.audit.formerAccount' : 'admin.audit.system')}</bdi>;
  const label = entry.target ? targetLabel(ctx, entry.target.label) : null;
  // dynamicKey: the entity is stored text, and an entry written under an older entity name keeps it.
  const target = entry.target?.href ? (
    <a href={entry.target.href}>
      <bdi>{label}</bdi>
    </a>
  ) : (
    <bdi>{label ?? t(dynamicKey(`audit.entity.${entry.entity}`))}</bdi>
  );
  const message = isAuditAction(entry.action)
    ? t(`audit.action.${entry.action}`, { actor: ACTOR, target: TARGET })
    : t('admin.audit.otherAction', { actor: ACTOR, target: TARGET, action: entry.action });
  const parts = message.split(/(\u0001[ab]\u0001)/).map((part) => (part === ACTOR ? actor : part === TARGET ? target : part));
  return <>{parts}</>;
}

export function targetLabel(ctx: PageContext, label: TargetLabel): string {
  if ('name' in label) return label.name;
  if ('pair' in label) return ctx.t('admin.audit.pair', label.pair);
  if ('ref' in label) return ctx.t('admin.audit.ref', { ref: label.ref });
  return ctx.t('admin.audit.gone');
}

/** The label of a field named in an audit entry; `roles.<role>` names the role; an unknown name is shown as it is. */
export function fieldLabel(ctx: PageContext, name: string): string {
  const field = `audit.field.${name}`;
  if (hasMessage(field)) return ctx.t(field);
  const role = `role.${name.slice(6)}`;
  if (name.startsWith('roles.') && hasMessage(role)) return ctx.t('admin.audit.roleField', { role: ctx.t(role) });
  return name;
}

/** "Fields: phone number, district" in the viewer's language, or nothing for an entry without fields. */
export function AuditFields({ ctx, fields }: { ctx: PageContext; fields: string[] }) {
  if (fields.length === 0) return null;
  return <p class="muted audit-fields">{ctx.t('admin.audit.fieldsList', { fields: formatList(fields.map((f) => fieldLabel(ctx, f)), ctx.locale) })}</p>;
}

/** The name of an action in a filter list: its sentence with stand-ins for the names. */
export function actionName(ctx: PageContext, action: AuditAction): string {
  return ctx.t(`audit.action.${action}`, { actor: '…', target: '…' });
}
