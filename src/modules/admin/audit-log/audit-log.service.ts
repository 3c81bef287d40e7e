import type { Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { compareNames, type Locale } from '../../../core/i18n/index.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { countAuditEntries, findAuditEntries, findOrganisationAccounts } from './audit-log.repository.js';
import { PAGE_SIZE, type AuditActor, type AuditEntryOutput, type AuditQuery } from './audit-log.schemas.js';

/** The organisation's accounts for the actor filter, by family then given name in the viewer's language. */
export async function listAuditActors(db: Db, actor: Actor, locale: Locale): Promise<AuditActor[]> {
  const rows = await withTenant(db, actor, (tx) => findOrganisationAccounts(tx, actor.organisationId));
  const compare = compareNames(locale);
  rows.sort((a, b) => compare(a.familyName, b.familyName) || compare(a.givenName, b.givenName));
  return rows.map((r) => ({ userId: r.userId, name: `${r.familyName} ${r.givenName}` }));
}

/**
 * One page (PAGE_SIZE entries) of the organisation's audit log, newest first. Reading the log is not itself
 * audited. An actor who is not an account of the organisation is refused as a field error on `actor`.
 */
export async function listAuditEntries(db: Db, actor: Actor, query: AuditQuery, actors: AuditActor[]) {
  if (query.actor && !actors.some((a) => a.userId === query.actor)) throw invalid('actor', 'validation.choice');
  const { page, ...filter } = query;
  return withTenant(db, actor, async (tx) => {
    const total = await countAuditEntries(tx, actor.organisationId, filter);
    const rows = await findAuditEntries(tx, actor.organisationId, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const items: AuditEntryOutput[] = rows.map((r) => ({ ...r, at: r.at.toISOString(), fields: r.fields ?? [] }));
    return { items, total, page, pageSize: PAGE_SIZE };
  });
}
