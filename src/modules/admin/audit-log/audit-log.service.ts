import type { Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { compareNames, type Locale } from '../../../core/i18n/index.js';
import { invalid } from '../../../core/http/route-helpers.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { linkFor } from './audit-links.js';
import { findAuditTargets, type TargetLabel } from './audit-targets.repository.js';
import { countAuditEntries, findAuditEntries, findOrganisationAccounts } from './audit-log.repository.js';
import { PAGE_SIZE, type AuditActor, type AuditEntryOutput, type AuditQuery } from './audit-log.schemas.js';

/** An entry as the page shows it: what it is about, linked when the viewer may open it. */
export type AuditEntryView = AuditEntryOutput & { target: { label: TargetLabel; href: string | null } | null };

/** The organisation's accounts for the actor filter, by family then given name in the viewer's language. */
export async function listAuditActors(db: Db, actor: Actor, locale: Locale): Promise<AuditActor[]> {
  const rows = await withTenant(db, actor, (tx) => findOrganisationAccounts(tx, actor.organisationId));
  const compare = compareNames(locale);
  rows.sort((a, b) => compare(a.familyName, b.familyName) || compare(a.givenName, b.givenName));
  return rows.map((r) => ({ userId: r.userId, name: `${r.familyName} ${r.givenName}` }));
}

/**
 * One page (PAGE_SIZE entries) of the organisation's audit log, newest first, each with what it is about (a name,
 * a pair, a short reference or "gone") and a link when the viewer's roles open that record's page. Reading the log
 * is not itself audited. An actor who is not an account of the organisation is refused as a field error on `actor`.
 */
export async function listAuditEntries(db: Db, actor: RequestActor, query: AuditQuery, actors: AuditActor[]) {
  if (query.actor && !actors.some((a) => a.userId === query.actor)) throw invalid('actor', 'validation.choice');
  const { page, ...filter } = query;
  return withTenant(db, actor, async (tx) => {
    const scope = { organisationId: actor.organisationId, timeZone: actor.clock.timeZone };
    const total = await countAuditEntries(tx, scope, filter);
    const rows = await findAuditEntries(tx, scope, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const targets = await findAuditTargets(tx, actor.organisationId, rows);
    const items: AuditEntryView[] = rows.map((r) => {
      const found = r.entityId ? targets.get(`${r.entity}:${r.entityId}`) : undefined;
      return { ...r, at: r.at.toISOString(), fields: r.fields ?? [], target: found ? { label: found.label, href: linkFor(found.open, actor.roles) } : null };
    });
    return { items, total, page, pageSize: PAGE_SIZE };
  });
}
