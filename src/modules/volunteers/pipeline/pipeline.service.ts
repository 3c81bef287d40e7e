import { inviteVolunteerInTx } from '../self-service/invite.service.js';
import { audit } from '../../../core/audit/audit.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { compareNames, foldForSearch, type Locale, type MessageKey } from '../../../core/i18n/index.js';
import { daysSince } from '../../../core/i18n/time-zone.js';
import { clockOf, type OrgClock } from '../../../core/tenancy/org-clock.js';
import { loadDocumentsPanel } from '../documents/panel-data.js';
import { loadScreeningPanel } from '../screening/panel-data.js';
import { addEvent, findVolunteerById, isMinor, volunteerFacts, type VolunteerRow } from '../volunteers.repository.js';
import { countByStage, findConsents, findEvents, findVolunteers, lockVolunteers, setStage, spokenLanguages } from './pipeline.repository.js';
import type { BulkInput, MoveInput, StageOutput, VolunteerPage, VolunteerQuery, VolunteerSummary } from './pipeline.schemas.js';
import { BOARD_STAGES, checkPath, checkTransition, reachableStages, STAGES, type Requirement, type Stage } from './stages.js';

export const PAGE_SIZE = 25;
/** Cards shown per board column; the rest are reached through the list filtered by that stage. */
export const BOARD_LIMIT = 50;
/**
 * Keeps database rows out of responses: only these fields leave the service. Days waiting and the age are counted
 * on the organisation's clock (calendar days in its zone, as everywhere else).
 */
export function presentSummary(v: VolunteerRow, clock: OrgClock): VolunteerSummary {
  return {
    id: v.id,
    givenName: v.givenName,
    familyName: v.familyName,
    email: v.email,
    phone: v.phone,
    stage: v.stage,
    version: v.version,
    appliedAt: v.appliedAt.toISOString(),
    stageChangedAt: v.stageChangedAt.toISOString(),
    daysWaiting: daysSince(v.stageChangedAt, clock.now, clock.timeZone),
    languages: v.languages.map((l) => ({ code: l.code, level: l.level })),
    district: v.district,
    activities: v.activities,
    duplicateOf: v.duplicateOf,
    awaitingGuardian: isMinor(v.birthDate, clock.today) && !v.guardianConfirmedAt,
  };
}

/** The default direction of each sort: names A→Z, stages in pipeline order, longest waiting and newest first. */
const DEFAULT_DIR = { name: 'asc', stage: 'asc', waiting: 'desc', applied: 'desc' } as const;

/** The whole current view (filters, search and sort applied), before paging. */
async function currentView(tx: Tx, organisationId: string, query: VolunteerQuery, locale: Locale, clock: OrgClock): Promise<VolunteerRow[]> {
  let rows = await findVolunteers(tx, organisationId, { q: query.q, stage: query.stage, language: query.language, activity: query.activity, waitingMin: query.waitingMin, clock });
  if (query.district) {
    const wanted = foldForSearch(query.district);
    rows = rows.filter((r) => r.district !== null && foldForSearch(r.district).includes(wanted));
  }
  const compare = compareNames(locale);
  const byName = (a: VolunteerRow, b: VolunteerRow) => compare(a.familyName, b.familyName) || compare(a.givenName, b.givenName);
  const key: Record<VolunteerQuery['sort'], (a: VolunteerRow, b: VolunteerRow) => number> = {
    name: () => 0,
    stage: (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
    waiting: (a, b) => b.stageChangedAt.getTime() - a.stageChangedAt.getTime(), // ascending = fewest days first
    applied: (a, b) => a.appliedAt.getTime() - b.appliedAt.getTime(),
  };
  const sign = (query.dir ?? DEFAULT_DIR[query.sort]) === 'asc' ? 1 : -1;
  const primary = key[query.sort];
  // Ties (and the name sort itself) are broken by name A→Z, whatever the direction.
  rows.sort((a, b) => sign * primary(a, b) || (query.sort === 'name' ? sign : 1) * byName(a, b) || a.id.localeCompare(b.id));
  return rows;
}

/** A page of the current view; listing personal data is audited (`volunteer.list`). */
export async function listVolunteers(db: Db, actor: RequestActor, query: VolunteerQuery, locale: Locale, now = actor.clock.now): Promise<VolunteerPage & { languages: string[] }> {
  return withTenant(db, actor, async (tx) => {
    const clock = clockOf(actor, now);
    const rows = await currentView(tx, actor.organisationId, query, locale, clock);
    const start = (query.page - 1) * PAGE_SIZE;
    const items = rows.slice(start, start + PAGE_SIZE).map((r) => presentSummary(r, clock));
    await audit(tx, actor, { action: 'volunteer.list', entity: 'volunteer', fields: items.length ? ['name', 'email'] : [] });
    return { items, total: rows.length, page: query.page, pageSize: PAGE_SIZE, languages: (await spokenLanguages(tx, actor.organisationId)).sort() };
  });
}

export const EXPORT_FIELDS = ['name', 'email', 'phone', 'stage', 'applied', 'days_waiting', 'languages', 'district', 'activities'] as const;

/**
 * Every row of the current view (no paging), for CSV/XLSX, with the organisation's clock the file is dated and its
 * dates are written on; audited `volunteer.export` with the exported fields.
 */
export async function exportVolunteers(db: Db, actor: RequestActor, query: VolunteerQuery, locale: Locale, now = actor.clock.now): Promise<{ items: VolunteerSummary[]; clock: OrgClock }> {
  return withTenant(db, actor, async (tx) => {
    const clock = clockOf(actor, now);
    const rows = await currentView(tx, actor.organisationId, query, locale, clock);
    await audit(tx, actor, { action: 'volunteer.export', entity: 'volunteer', fields: [...EXPORT_FIELDS] });
    return { items: rows.map((r) => presentSummary(r, clock)), clock };
  });
}

export interface BoardColumn {
  stage: Stage;
  count: number;
  /** The longest-waiting first, at most BOARD_LIMIT. */
  items: VolunteerSummary[];
}

/** The board: one column per stage of BOARD_STAGES, and the rejected/withdrawn counts. Audited `volunteer.list`. */
export async function volunteerBoard(db: Db, actor: RequestActor, locale: Locale, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const clock = clockOf(actor, now);
    const rows = await currentView(tx, actor.organisationId, { sort: 'waiting', page: 1 }, locale, clock);
    const counts = await countByStage(tx, actor.organisationId);
    const columns: BoardColumn[] = BOARD_STAGES.map((stage) => {
      const inStage = rows.filter((r) => r.stage === stage);
      return { stage, count: inStage.length, items: inStage.slice(0, BOARD_LIMIT).map((r) => presentSummary(r, clock)) };
    });
    await audit(tx, actor, { action: 'volunteer.list', entity: 'volunteer', fields: rows.length ? ['name'] : [] });
    return { columns, rejected: counts.rejected ?? 0, withdrawn: counts.withdrawn ?? 0 };
  });
}

/** Everything the volunteer page shows, read in one tenant transaction; audited `volunteer.view`. */
export async function viewVolunteer(db: Db, actor: RequestActor, id: string, now = actor.clock.now) {
  return withTenant(db, actor, async (tx) => {
    const volunteer = await findVolunteerById(tx, actor.organisationId, id);
    if (!volunteer) throw new AppError('NOT_FOUND');
    const duplicate = volunteer.duplicateOf ? await findVolunteerById(tx, actor.organisationId, volunteer.duplicateOf) : undefined;
    const { today } = clockOf(actor, now);
    const result = {
      volunteer,
      awaitingGuardian: isMinor(volunteer.birthDate, today) && !volunteer.guardianConfirmedAt,
      next: reachableStages(volunteer.stage),
      consents: await findConsents(tx, actor.organisationId, id),
      events: await findEvents(tx, actor.organisationId, id),
      duplicate: duplicate ? { id: duplicate.id, givenName: duplicate.givenName, familyName: duplicate.familyName, appliedAt: duplicate.appliedAt } : null,
      screening: await loadScreeningPanel(tx, actor.org, id),
      documents: await loadDocumentsPanel(tx, actor.organisationId, id),
    };
    await audit(tx, actor, { action: 'volunteer.view', entity: 'volunteer', entityId: id });
    return result;
  });
}
export type VolunteerView = Awaited<ReturnType<typeof viewVolunteer>>;

export type MoveOutcome =
  | { ok: true; state: StageOutput }
  | { ok: false; key: MessageKey; field: 'stage' | 'reason' | 'version'; conflict?: boolean; missing?: Requirement[]; stoppedAt?: Stage };

/**
 * One volunteer's move inside the caller's transaction, on a row locked FOR UPDATE: the version must be the one
 * the mover saw, then the rules of `checkPath` decide — for a move through several intake stages at once, every
 * step's conditions must hold, else nothing moves. An allowed move updates the row and adds a `stage` event to the
 * timeline and an audit row (`volunteer.stage`) per stage passed; a refused one writes nothing and says what is
 * missing. Passing `approved` also invites the volunteer to an account, with links under `baseUrl` (null only for
 * callers that never approve). `oneStep` keeps to the next stage only (screening's automatic moves).
 */
export async function applyMove(tx: Tx, actor: RequestActor, row: VolunteerRow, to: Stage, reason: string | undefined, version: number, now: Date, baseUrl: string | null, oneStep = false): Promise<MoveOutcome> {
  if (row.version !== version) return { ok: false, key: 'volunteers.pipeline.conflict', field: 'version', conflict: true };
  const facts = await volunteerFacts(tx, actor.organisationId, row, clockOf(actor, now).today);
  const check: ReturnType<typeof checkPath> = oneStep ? checkTransition(facts, to, reason) : checkPath(facts, to, reason);
  if (!check.ok) return { ok: false, key: check.reason, field: check.reason === 'volunteers.rule.reasonRequired' ? 'reason' : 'stage', missing: check.missing, stoppedAt: check.stoppedAt };
  let from = row.stage;
  let current = version;
  let updated: Awaited<ReturnType<typeof setStage>>;
  for (const step of check.path ?? [to]) {
    const stepReason = step === to ? (reason ?? null) : null;
    updated = await setStage(tx, actor.organisationId, row.id, { stage: step, reason: stepReason, version: current, at: now });
    if (!updated) return { ok: false, key: 'volunteers.pipeline.conflict', field: 'version', conflict: true };
    await addEvent(tx, actor.organisationId, { volunteerId: row.id, actorUserId: actor.userId, kind: 'stage', fromStage: from, toStage: step, reason: stepReason });
    await audit(tx, actor, { action: 'volunteer.stage', entity: 'volunteer', entityId: row.id, fields: ['stage'] });
    // An approved volunteer is invited to create an account, in the same transaction as the approval.
    if (step === 'approved' && row.email && !row.userId) {
      if (baseUrl === null) throw new Error('a move to approved needs the base URL for the invitation link');
      await inviteVolunteerInTx(tx, actor, row, baseUrl);
    }
    from = step;
    current = updated.version;
  }
  const u = updated!;
  return { ok: true, state: { id: u.id, stage: u.stage, stageReason: u.stageReason, stageChangedAt: u.stageChangedAt.toISOString(), version: u.version } };
}

/**
 * A move the rules refused: the message on the field it concerns, and exactly what is missing (each with its
 * own message and a link to where it is recorded, on the page; as `missing` in the field's params on the API).
 */
export class MoveRefused extends AppError {
  constructor(
    readonly to: Stage,
    readonly key: MessageKey,
    readonly field: 'stage' | 'reason',
    readonly missing: Requirement[],
    readonly stoppedAt?: Stage,
  ) {
    super('VALIDATION', key, { [field]: missing.length > 0 ? { key, params: { missing: missing.join(',') } } : { key } });
  }
}

/**
 * Moves one volunteer, through several intake stages when `input.stage` lies further ahead. Throws NOT_FOUND
 * (also for another organisation's id), CONFLICT when someone else changed the volunteer since `input.version`
 * was read, and MoveRefused (VALIDATION) with the rule's message and what is missing when the rules refuse the
 * move. Of two concurrent moves exactly one wins.
 */
export async function moveVolunteer(db: Db, actor: RequestActor, id: string, input: MoveInput, baseUrl: string, now = actor.clock.now): Promise<StageOutput> {
  return withTenant(db, actor, async (tx) => {
    const [row] = await lockVolunteers(tx, actor.organisationId, [id]);
    if (!row) throw new AppError('NOT_FOUND');
    const outcome = await applyMove(tx, actor, row, input.stage, input.reason, input.version, now, baseUrl);
    if (outcome.ok) return outcome.state;
    if (outcome.conflict) throw new AppError('CONFLICT', outcome.key);
    throw new MoveRefused(input.stage, outcome.key, outcome.field === 'reason' ? 'reason' : 'stage', outcome.missing ?? [], outcome.stoppedAt);
  });
}

export interface BulkResult {
  stage: Stage;
  moved: { id: string; givenName: string; familyName: string; from: Stage }[];
  refused: { id: string; givenName: string | null; familyName: string | null; key: MessageKey; missing: Requirement[] }[];
}

/**
 * Moves several volunteers to one stage in one transaction, each by the same rules and version check as a
 * single move; a refused volunteer does not stop the others. Ids unknown here are reported as not found.
 */
export async function bulkMove(db: Db, actor: RequestActor, input: BulkInput, locale: Locale, baseUrl: string, now = actor.clock.now): Promise<BulkResult> {
  const wanted = new Map(input.ids.map((s) => [s.id, s.version]));
  return withTenant(db, actor, async (tx) => {
    const rows = await lockVolunteers(tx, actor.organisationId, [...wanted.keys()]);
    const result: BulkResult = { stage: input.stage, moved: [], refused: [] };
    for (const row of rows) {
      const outcome = await applyMove(tx, actor, row, input.stage, input.reason, wanted.get(row.id)!, now, baseUrl);
      if (outcome.ok) result.moved.push({ id: row.id, givenName: row.givenName, familyName: row.familyName, from: row.stage });
      else result.refused.push({ id: row.id, givenName: row.givenName, familyName: row.familyName, key: outcome.conflict ? 'volunteers.pipeline.bulk.changedMeanwhile' : outcome.key, missing: outcome.missing ?? [] });
    }
    const found = new Set(rows.map((r) => r.id));
    for (const id of wanted.keys()) if (!found.has(id)) result.refused.push({ id, givenName: null, familyName: null, key: 'volunteers.pipeline.bulk.notFound', missing: [] });
    const compare = compareNames(locale);
    const byName = (a: { familyName: string | null; givenName: string | null }, b: typeof a) => compare(a.familyName ?? '', b.familyName ?? '') || compare(a.givenName ?? '', b.givenName ?? '');
    result.moved.sort(byName);
    result.refused.sort(byName);
    return result;
  });
}
