import { audit, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { compareNames, foldForSearch, type Locale } from '../../../core/i18n/index.js';
import { countByStatus, findMentees, type MenteeRow } from '../mentees.repository.js';
import type { MenteePage, MenteeQuery, MenteeSummary } from '../mentees.schemas.js';
import { findDistrictNames, findProgrammes } from '../options.repository.js';
import { daysSince } from '../../../core/i18n/time-zone.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf, type OrgClock } from '../../../core/tenancy/org-clock.js';

export const PAGE_SIZE = 25;

/** When the wait counted on the list began: the submission for a request, else the place on the waiting list. */
const waitStart = (m: MenteeRow): Date => (m.status === 'requested' ? m.createdAt : (m.waitingSince ?? m.createdAt));

/**
 * Days waiting: for a request since it was sent; for waiting, on-hold and matched people since `waiting_since`; else
 * none. Calendar days in the organisation's zone, as the matching pages count them.
 */
export function daysWaiting(m: MenteeRow, clock: Pick<OrgClock, 'now' | 'timeZone'>): number | null {
  if (m.status === 'requested') return daysSince(m.createdAt, clock.now, clock.timeZone);
  if (['waiting', 'on_hold', 'matched'].includes(m.status) && m.waitingSince) return daysSince(m.waitingSince, clock.now, clock.timeZone);
  return null;
}

/** Keeps database rows out of responses: only these fields leave the service. */
export function presentSummary(m: MenteeRow, clock: Pick<OrgClock, 'now' | 'timeZone'>): MenteeSummary {
  return {
    id: m.id,
    givenName: m.givenName,
    familyName: m.familyName,
    status: m.status,
    source: m.source,
    needs: m.needs,
    languages: m.languages.map((l) => ({ code: l.code, level: l.level })),
    district: m.district,
    programmeId: m.programmeId,
    minor: m.minor,
    vulnerableAdult: m.vulnerableAdult,
    duplicateOf: m.duplicateOf,
    waitingSince: m.waitingSince?.toISOString() ?? null,
    daysWaiting: daysWaiting(m, clock),
    socialWorker: m.socialWorkerName,
    version: m.version,
  };
}

/**
 * The waiting list of one tab (a status, or all) with search and filters, longest waiting first; ties by name in the
 * viewer's collation (done here, not in SQL, whose collations differ between PGlite and PostgreSQL).
 */
async function currentView(tx: Tx, actor: Actor, query: MenteeQuery, locale: Locale): Promise<MenteeRow[]> {
  let rows = await findMentees(tx, actor.organisationId, {
    statuses: query.status === 'all' ? undefined : [query.status],
    q: query.q,
    programmeId: query.programme,
    need: query.need,
  });
  if (query.district) {
    const wanted = foldForSearch(query.district);
    rows = rows.filter((r) => r.district !== null && foldForSearch(r.district).includes(wanted));
  }
  const compare = compareNames(locale);
  rows.sort((a, b) => waitStart(a).getTime() - waitStart(b).getTime() || compare(a.familyName, b.familyName) || compare(a.givenName, b.givenName) || a.id.localeCompare(b.id));
  return rows;
}

/** A page of the list, the counts per tab and the filters' choices; listing personal data is audited (`mentee.list`). */
export async function listMentees(db: Db, actor: RequestActor, query: MenteeQuery, locale: Locale, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const rows = await currentView(tx, actor, query, locale);
    const start = (query.page - 1) * PAGE_SIZE;
    const clock = clockOf(actor, now);
    const items = rows.slice(start, start + PAGE_SIZE).map((r) => presentSummary(r, clock));
    await audit(tx, actor, { action: 'mentee.list', entity: 'mentee', fields: items.length ? ['name', 'needs', 'languages', 'district'] : [] });
    const page: MenteePage = { items, total: rows.length, page: query.page, pageSize: PAGE_SIZE };
    return {
      ...page,
      counts: await countByStatus(tx, actor.organisationId),
      programmes: await findProgrammes(tx, actor.organisationId, false),
      districts: await findDistrictNames(tx, actor.organisationId),
    };
  });
}
export type ListView = Awaited<ReturnType<typeof listMentees>>;
