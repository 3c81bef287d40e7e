import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { AuditEntity } from '../../../core/audit/actions.js';
import type { Tx } from '../../../core/db/tx.js';
import * as core from '../../../core/db/schema.js';
import { introductions, joinPairPeople, matches, matchExclusions, matchProposals, matchRuns, menteePerson, venues, volunteerPerson } from '../../matching/index.js';
import { menteeConsents, menteeNotes, mentees } from '../../mentees/index.js';
import { checkIns, concerns, meetings, supervisionSessions } from '../../pairs/index.js';
import { insuranceRecords, interviews, safeguardingChecks, volunteerDocuments, volunteers } from '../../volunteers/index.js';

/**
 * What the audit log shows for an entry's record: a person's name, a pair's two names, a short reference for records
 * without a name, or "gone" when the record no longer exists in this organisation (deleted, or an id that was never
 * the organisation's: RLS hides it). `open` is where the record is seen, before the viewer's roles are checked.
 */
export type TargetLabel = { name: string } | { pair: { volunteer: string; mentee: string } } | { ref: string } | { gone: true };
export interface FoundTarget {
  label: TargetLabel;
  open: { kind: OpenKind; id: string } | null;
}
/** The pages a target can link to; the service decides by the viewer's roles whether to link. */
export type OpenKind = 'person' | 'volunteer' | 'mentee' | 'pair' | 'concern' | 'venue' | 'programme' | 'batch' | 'mail' | 'supervision';

/**
 * Reads the names and labels of the records the given entries are about, in one query per kind of record, under the
 * caller's tenant transaction (this module reads other features' tables here, through the tables their index.ts offers, only to
 * label audit entries — it never writes them). Keys of the result: `<entity>:<id>`.
 */
export async function findAuditTargets(tx: Tx, organisationId: string, entries: { entity: string; entityId: string | null }[]): Promise<Map<string, FoundTarget>> {
  const byEntity = new Map<string, string[]>();
  for (const e of entries) {
    if (!e.entityId) continue;
    const ids = byEntity.get(e.entity) ?? [];
    if (!ids.includes(e.entityId)) ids.push(e.entityId);
    byEntity.set(e.entity, ids);
  }
  const found = new Map<string, FoundTarget>();
  for (const [entity, allIds] of byEntity) {
    const ids = allIds.filter(isUuid);
    const resolve = RESOLVERS[entity as AuditEntity];
    const rows = resolve && ids.length ? await resolve(tx, organisationId, ids) : new Map<string, FoundTarget>();
    for (const id of allIds) {
      const ref = { label: { ref: id.slice(0, 8) }, open: null };
      found.set(`${entity}:${id}`, rows.get(id) ?? (resolve === undefined ? ref : { label: { gone: true }, open: null }));
    }
  }
  return found;
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
type Resolver = (tx: Tx, organisationId: string, ids: string[]) => Promise<Map<string, FoundTarget>>;

/** Core's tables and the tables the modules offer for joins (their index.ts): this module only reads them. */
const t = { ...core, introductions, matches, matchExclusions, matchProposals, matchRuns, venues, menteeConsents, menteeNotes, mentees, checkIns, concerns, meetings, supervisionSessions, insuranceRecords, interviews, safeguardingChecks, volunteerDocuments, volunteers };

const fullName = (p: { givenName: PgColumn; familyName: PgColumn }) => sql<string>`${p.givenName} || ' ' || ${p.familyName}`;
// Aliased: a record may be a volunteer or mentee itself (or a match), joined again to reach the name.
const volunteerSide = { kind: 'volunteer', row: alias(t.volunteers, 'audit_volunteer'), person: alias(t.people, 'audit_volunteer_person') } as const;
const menteeSide = { kind: 'mentee', row: alias(t.mentees, 'audit_mentee'), person: alias(t.people, 'audit_mentee_person') } as const;
const amatch = alias(t.matches, 'audit_match');

/** Rows with an id and the name of the volunteer or mentee (`side`) that the table's `ref` column points at. */
async function personNamed(tx: Tx, org: string, table: PgTable & { id: PgColumn; organisationId: PgColumn }, side: typeof volunteerSide | typeof menteeSide, ref: PgColumn, ids: string[], extra?: SQL<string>) {
  const { row, person } = side;
  return tx
    .select({ id: sql<string>`${table.id}`, personOf: sql<string>`${row.id}`, name: fullName(person), extra: extra ?? sql<string>`null` })
    .from(table)
    .innerJoin(row, eq(row.id, ref))
    .innerJoin(person, eq(person.id, row.personId))
    .where(and(eq(table.organisationId, org), inArray(table.id, ids)));
}

/** The two names of a pair, for a table with a match id (or the matches table itself). */
async function pairOf(tx: Tx, org: string, table: PgTable & { id: PgColumn; organisationId: PgColumn }, matchId: PgColumn, ids: string[]) {
  const query = tx
    .select({ id: sql<string>`${table.id}`, matchId: sql<string>`${amatch.id}`, volunteer: fullName(volunteerPerson), mentee: fullName(menteePerson) })
    .from(table)
    .innerJoin(amatch, eq(amatch.id, matchId))
    .$dynamic();
  return joinPairPeople(query, amatch).where(and(eq(table.organisationId, org), inArray(table.id, ids)));
}

const map = <R extends { id: string }>(rows: R[], f: (r: R) => FoundTarget) => new Map(rows.map((r) => [r.id, f(r)]));
const pairRows = (rows: Awaited<ReturnType<typeof pairOf>>) => map(rows, (r) => ({ label: { pair: { volunteer: r.volunteer, mentee: r.mentee } }, open: { kind: 'pair', id: r.matchId } }));
/** The resolver of records named by their volunteer or mentee (the table's `ref` points at them), linking to that person's page. */
const byPerson =
  (side: typeof volunteerSide | typeof menteeSide, table: PgTable & { id: PgColumn; organisationId: PgColumn }, ref: PgColumn): Resolver =>
  async (tx, org, ids) =>
    map(await personNamed(tx, org, table, side, ref, ids), (r) => ({ label: { name: r.name }, open: { kind: side.kind, id: r.personOf } }));
/** Records with no name of their own: a short reference, and a link when they still exist. */
const existing = async (tx: Tx, org: string, table: PgTable & { id: PgColumn; organisationId: PgColumn }, ids: string[], kind: OpenKind | null) => {
  const rows = await tx.select({ id: sql<string>`${table.id}` }).from(table).where(and(eq(table.organisationId, org), inArray(table.id, ids)));
  return map(rows, (r) => ({ label: { ref: r.id.slice(0, 8) }, open: kind ? { kind, id: r.id } : null }));
};
const named = async (tx: Tx, org: string, table: PgTable & { id: PgColumn; organisationId: PgColumn }, name: PgColumn, ids: string[], kind: OpenKind | null) => {
  const rows = await tx.select({ id: sql<string>`${table.id}`, name: sql<string>`${name}` }).from(table).where(and(eq(table.organisationId, org), inArray(table.id, ids)));
  return map(rows, (r) => ({ label: { name: r.name }, open: kind ? { kind, id: r.id } : null }));
};

/** One resolver per kind of record; a kind without one is shown by a short reference. */
const RESOLVERS: Partial<Record<AuditEntity, Resolver>> = {
  person: (tx, org, ids) => named(tx, org, t.people, fullName(t.people) as unknown as PgColumn, ids, 'person'),
  volunteer: byPerson(volunteerSide, t.volunteers, t.volunteers.id),
  mentee: byPerson(menteeSide, t.mentees, t.mentees.id),
  match: async (tx, org, ids) => pairRows(await pairOf(tx, org, t.matches, t.matches.id, ids)),
  introduction: async (tx, org, ids) => pairRows(await pairOf(tx, org, t.introductions, t.introductions.matchId, ids)),
  check_in: async (tx, org, ids) => pairRows(await pairOf(tx, org, t.checkIns, t.checkIns.matchId, ids)),
  meeting: async (tx, org, ids) => pairRows(await pairOf(tx, org, t.meetings, t.meetings.matchId, ids)),
  concern: async (tx, org, ids) => {
    const pairs = await pairOf(tx, org, t.concerns, t.concerns.matchId, ids);
    const rows = map(pairs, (r) => ({ label: { pair: { volunteer: r.volunteer, mentee: r.mentee } }, open: { kind: 'concern', id: r.id } }) as FoundTarget);
    for (const [id, v] of await existing(tx, org, t.concerns, ids.filter((id) => !rows.has(id)), 'concern')) rows.set(id, v);
    return rows;
  },
  match_proposal: async (tx, org, ids) => {
    const query = tx.select({ id: sql<string>`${t.matchProposals.id}`, runId: t.matchProposals.runId, volunteer: fullName(volunteerPerson), mentee: fullName(menteePerson) }).from(t.matchProposals).$dynamic();
    const rows = await joinPairPeople(query, t.matchProposals).where(and(eq(t.matchProposals.organisationId, org), inArray(t.matchProposals.id, ids)));
    return map(rows, (r) => ({ label: { pair: { volunteer: r.volunteer, mentee: r.mentee } }, open: { kind: 'batch', id: r.runId } }));
  },
  match_exclusion: async (tx, org, ids) => {
    const query = tx.select({ id: sql<string>`${t.matchExclusions.id}`, volunteer: fullName(volunteerPerson), mentee: fullName(menteePerson) }).from(t.matchExclusions).$dynamic();
    const rows = await joinPairPeople(query, t.matchExclusions).where(and(eq(t.matchExclusions.organisationId, org), inArray(t.matchExclusions.id, ids)));
    return map(rows, (r) => ({ label: { pair: { volunteer: r.volunteer, mentee: r.mentee } }, open: null }));
  },
  interview: byPerson(volunteerSide, t.interviews, t.interviews.volunteerId),
  safeguarding_check: byPerson(volunteerSide, t.safeguardingChecks, t.safeguardingChecks.volunteerId),
  insurance_record: byPerson(volunteerSide, t.insuranceRecords, t.insuranceRecords.volunteerId),
  volunteer_document: async (tx, org, ids) => {
    const rows = await personNamed(tx, org, t.volunteerDocuments, volunteerSide, t.volunteerDocuments.volunteerId, ids, sql<string>`${t.volunteerDocuments.title}`);
    return map(rows, (r) => ({ label: { name: r.extra ? `${r.extra} — ${r.name}` : r.name }, open: { kind: 'volunteer', id: r.personOf } }));
  },
  mentee_consent: byPerson(menteeSide, t.menteeConsents, t.menteeConsents.menteeId),
  mentee_note: byPerson(menteeSide, t.menteeNotes, t.menteeNotes.menteeId),
  venue: (tx, org, ids) => named(tx, org, t.venues, t.venues.name, ids, 'venue'),
  district: (tx, org, ids) => named(tx, org, t.districts, t.districts.name, ids, null),
  programme: (tx, org, ids) => named(tx, org, t.programmes, t.programmes.name, ids, 'programme'),
  match_run: (tx, org, ids) => existing(tx, org, t.matchRuns, ids, 'batch'),
  supervision_session: (tx, org, ids) => existing(tx, org, t.supervisionSessions, ids, 'supervision'),
  mail: (tx, org, ids) => existing(tx, org, t.outbox as unknown as PgTable & { id: PgColumn; organisationId: PgColumn }, ids, 'mail'),
  organisation: async (tx, org, ids) => {
    const rows = await tx.select({ id: sql<string>`${t.organisations.id}`, name: t.organisations.name }).from(t.organisations).where(and(eq(t.organisations.id, org), inArray(t.organisations.id, ids)));
    return map(rows, (r) => ({ label: { name: r.name }, open: null }));
  },
  user: async (tx, org, ids) => {
    // An account is named by its person in this organisation (RLS hides the others).
    const rows = await tx.select({ id: sql<string>`${t.people.userId}`, name: fullName(t.people) }).from(t.people).where(and(eq(t.people.organisationId, org), inArray(t.people.userId, ids)));
    return map(rows, (r) => ({ label: { name: r.name }, open: null }));
  },
};
