import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { AuditEntity } from '../../../core/audit/actions.js';
import type { Tx } from '../../../core/db/tx.js';
import * as core from '../../../core/db/schema.js';
import { introductions, matches, matchExclusions, matchProposals, matchRuns, venues } from '../../matching/index.js';
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
const vp = alias(t.people, 'audit_volunteer_person');
const mp = alias(t.people, 'audit_mentee_person');
const av = alias(t.volunteers, 'audit_volunteer');
const am = alias(t.mentees, 'audit_mentee');
const amatch = alias(t.matches, 'audit_match');

/** Rows with an id and a volunteer's name, by any table pointing at volunteers. */
async function volunteerNamed(tx: Tx, org: string, table: PgTable & { id: PgColumn; organisationId: PgColumn }, volunteerId: PgColumn, ids: string[], extra?: SQL<string>) {
  return tx
    .select({ id: sql<string>`${table.id}`, volunteerId: sql<string>`${av.id}`, name: fullName(vp), extra: extra ?? sql<string>`null` })
    .from(table)
    .innerJoin(av, eq(av.id, volunteerId))
    .innerJoin(vp, eq(vp.id, av.personId))
    .where(and(eq(table.organisationId, org), inArray(table.id, ids)));
}

async function menteeNamed(tx: Tx, org: string, table: PgTable & { id: PgColumn; organisationId: PgColumn }, menteeId: PgColumn, ids: string[]) {
  return tx
    .select({ id: sql<string>`${table.id}`, menteeId: sql<string>`${am.id}`, name: fullName(mp) })
    .from(table)
    .innerJoin(am, eq(am.id, menteeId))
    .innerJoin(mp, eq(mp.id, am.personId))
    .where(and(eq(table.organisationId, org), inArray(table.id, ids)));
}

/** The two names of a pair, for a table with a match id (or the matches table itself). */
async function pairOf(tx: Tx, org: string, table: PgTable & { id: PgColumn; organisationId: PgColumn }, matchId: PgColumn, ids: string[]) {
  return tx
    .select({ id: sql<string>`${table.id}`, matchId: sql<string>`${amatch.id}`, volunteer: fullName(vp), mentee: fullName(mp) })
    .from(table)
    .innerJoin(amatch, eq(amatch.id, matchId))
    .innerJoin(av, eq(av.id, amatch.volunteerId))
    .innerJoin(vp, eq(vp.id, av.personId))
    .innerJoin(am, eq(am.id, amatch.menteeId))
    .innerJoin(mp, eq(mp.id, am.personId))
    .where(and(eq(table.organisationId, org), inArray(table.id, ids)));
}

const map = <R extends { id: string }>(rows: R[], f: (r: R) => FoundTarget) => new Map(rows.map((r) => [r.id, f(r)]));
const pairRows = (rows: Awaited<ReturnType<typeof pairOf>>) => map(rows, (r) => ({ label: { pair: { volunteer: r.volunteer, mentee: r.mentee } }, open: { kind: 'pair', id: r.matchId } }));
const ofVolunteer = (rows: Awaited<ReturnType<typeof volunteerNamed>>) => map(rows, (r) => ({ label: { name: r.name }, open: { kind: 'volunteer', id: r.volunteerId } }));
const ofMentee = (rows: Awaited<ReturnType<typeof menteeNamed>>) => map(rows, (r) => ({ label: { name: r.name }, open: { kind: 'mentee', id: r.menteeId } }));
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
  volunteer: async (tx, org, ids) => ofVolunteer(await volunteerNamed(tx, org, t.volunteers, t.volunteers.id, ids)),
  mentee: async (tx, org, ids) => ofMentee(await menteeNamed(tx, org, t.mentees, t.mentees.id, ids)),
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
    const rows = await tx
      .select({ id: sql<string>`${t.matchProposals.id}`, runId: t.matchProposals.runId, volunteer: fullName(vp), mentee: fullName(mp) })
      .from(t.matchProposals)
      .innerJoin(av, eq(av.id, t.matchProposals.volunteerId))
      .innerJoin(vp, eq(vp.id, av.personId))
      .innerJoin(am, eq(am.id, t.matchProposals.menteeId))
      .innerJoin(mp, eq(mp.id, am.personId))
      .where(and(eq(t.matchProposals.organisationId, org), inArray(t.matchProposals.id, ids)));
    return map(rows, (r) => ({ label: { pair: { volunteer: r.volunteer, mentee: r.mentee } }, open: { kind: 'batch', id: r.runId } }));
  },
  match_exclusion: async (tx, org, ids) => {
    const rows = await tx
      .select({ id: sql<string>`${t.matchExclusions.id}`, volunteer: fullName(vp), mentee: fullName(mp) })
      .from(t.matchExclusions)
      .innerJoin(av, eq(av.id, t.matchExclusions.volunteerId))
      .innerJoin(vp, eq(vp.id, av.personId))
      .innerJoin(am, eq(am.id, t.matchExclusions.menteeId))
      .innerJoin(mp, eq(mp.id, am.personId))
      .where(and(eq(t.matchExclusions.organisationId, org), inArray(t.matchExclusions.id, ids)));
    return map(rows, (r) => ({ label: { pair: { volunteer: r.volunteer, mentee: r.mentee } }, open: null }));
  },
  interview: async (tx, org, ids) => ofVolunteer(await volunteerNamed(tx, org, t.interviews, t.interviews.volunteerId, ids)),
  safeguarding_check: async (tx, org, ids) => ofVolunteer(await volunteerNamed(tx, org, t.safeguardingChecks, t.safeguardingChecks.volunteerId, ids)),
  insurance_record: async (tx, org, ids) => ofVolunteer(await volunteerNamed(tx, org, t.insuranceRecords, t.insuranceRecords.volunteerId, ids)),
  volunteer_document: async (tx, org, ids) => {
    const rows = await volunteerNamed(tx, org, t.volunteerDocuments, t.volunteerDocuments.volunteerId, ids, sql<string>`${t.volunteerDocuments.title}`);
    return map(rows, (r) => ({ label: { name: r.extra ? `${r.extra} — ${r.name}` : r.name }, open: { kind: 'volunteer', id: r.volunteerId } }));
  },
  mentee_consent: async (tx, org, ids) => ofMentee(await menteeNamed(tx, org, t.menteeConsents, t.menteeConsents.menteeId, ids)),
  mentee_note: async (tx, org, ids) => ofMentee(await menteeNamed(tx, org, t.menteeNotes, t.menteeNotes.menteeId, ids)),
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
