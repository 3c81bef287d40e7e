import type { Tx } from '../../../core/db/tx.js';
import { decodePlace, type Place } from './place.js';
import { checkStatus, safeguardingStatus, type SafeguardingStatus } from './safeguarding-status.js';
import { getScreeningSettings, listChecks, listInsurance, listInterviews, userNames, type InterviewRow } from './screening.repository.js';
import { missingSafeguarding, type SafeguardingRequirement, type SafeguardingKind } from './requirements.js';
import { and, eq } from 'drizzle-orm';
import { volunteers } from '../volunteers.table.js';
import { clockAt } from '../../../core/tenancy/org-clock.js';
import type { OrgFacts } from '../../../core/tenancy/org-facts.js';
import type { Recommendation } from './screening.schemas.js';

export interface ScreeningPanelData {
  /** Today in the organisation's time zone (YYYY-MM-DD), and now, for upcoming/past and expiry. */
  today: string;
  now: Date;
  /** Exactly what the law of the organisation's country still asks before work with minors (empty: cleared). */
  missing: SafeguardingRequirement[];
  /** The organisation's country, and the volunteer's answer to "lived abroad in the last 20 years" (null: not asked). */
  country: string;
  livedAbroad: boolean | null;
  interviews: {
    id: string;
    startsAt: Date;
    minutes: number;
    place: Place;
    status: string;
    notes: Record<string, string>;
    recommendation: Recommendation | null;
    interviewer: string | null;
  }[];
  checks: { id: string; kind: SafeguardingKind; seenOn: string; renewBy: string; seenBy: string; status: Exclude<SafeguardingStatus, 'missing'> }[];
  safeguarding: SafeguardingStatus;
  insurance: { id: string; insurer: string; policyNumber: string; validFrom: string; validTo: string; current: boolean }[];
}

export type InterviewView = ScreeningPanelData['interviews'][number];

/** An interview as the panel and the API show it: the place decoded, the interviewer by name (from `names`). */
export function interviewView(i: InterviewRow, names: Map<string, string>): InterviewView {
  return {
    id: i.id,
    startsAt: i.startsAt,
    minutes: i.minutes,
    place: decodePlace(i.place),
    status: i.status,
    notes: i.notes,
    recommendation: i.recommendation,
    interviewer: i.interviewerUserId ? (names.get(i.interviewerUserId) ?? null) : null,
  };
}

/** Interviews just changed, as `interviewView` shows them (one query for the interviewers' names). */
export async function interviewViews(tx: Tx, rows: readonly InterviewRow[]): Promise<InterviewView[]> {
  const names = await userNames(tx, rows.flatMap((i) => (i.interviewerUserId ? [i.interviewerUserId] : [])));
  return rows.map((i) => interviewView(i, names));
}

/** Loads what ScreeningPanel shows, inside the volunteer page's tenant transaction (which audits the view). */
export async function loadScreeningPanel(tx: Tx, org: OrgFacts, volunteerId: string, at = new Date()): Promise<ScreeningPanelData> {
  const organisationId = org.id;
  const { today, now } = clockAt(at, org.timeZone);
  const [settings, interviewRows, checkRows, insuranceRows] = [
    await getScreeningSettings(tx, organisationId),
    await listInterviews(tx, organisationId, volunteerId),
    await listChecks(tx, organisationId, volunteerId),
    await listInsurance(tx, organisationId, volunteerId),
  ];
  const names = await userNames(tx, [...checkRows.map((c) => c.seenByUserId), ...interviewRows.flatMap((i) => (i.interviewerUserId ? [i.interviewerUserId] : []))]);
  const [volunteer] = await tx.select({ livedAbroad: volunteers.livedAbroad }).from(volunteers).where(and(eq(volunteers.organisationId, organisationId), eq(volunteers.id, volunteerId)));
  const livedAbroad = volunteer?.livedAbroad ?? null;
  const missing = missingSafeguarding({ country: org.country, livedAbroad, checks: checkRows, today });
  return {
    today,
    now,
    missing,
    country: org.country,
    livedAbroad,
    interviews: interviewRows.map((i) => interviewView(i, names)),
    checks: checkRows.map((c) => ({ id: c.id, kind: c.kind, seenOn: c.seenOn, renewBy: c.renewBy, seenBy: names.get(c.seenByUserId) ?? '—', status: checkStatus(c.renewBy, today, settings.reminderDays) })),
    safeguarding: overallStatus(missing, checkRows, today, settings.reminderDays),
    insurance: insuranceRows.map((r) => ({ id: r.id, insurer: r.insurer, policyNumber: r.policyNumber, validFrom: r.validFrom, validTo: r.validTo, current: r.validFrom <= today && today <= r.validTo })),
  };
}

/**
 * The one-word state of the safeguarding record: `missing` or `expired` (when a required document lapsed) while
 * anything is missing; otherwise `expiring` when a document in force is due for renewal soon, else `valid`.
 */
function overallStatus(missing: readonly string[], checks: readonly { kind: string; renewBy: string }[], today: string, reminderDays: number): SafeguardingStatus {
  if (missing.length > 0) return checks.some((c) => c.renewBy <= today && missing.includes(c.kind === 'foreign_record_statement' ? 'foreign_criminal_record' : c.kind)) ? 'expired' : 'missing';
  const inForce = checks.filter((c) => c.renewBy > today);
  // Several documents may be required: the record is as fresh as the first one that needs renewing.
  const byKind = new Map<string, string>();
  for (const c of inForce) if ((byKind.get(c.kind) ?? '') < c.renewBy) byKind.set(c.kind, c.renewBy);
  return [...byKind.values()].some((renewBy) => safeguardingStatus([{ renewBy }], today, reminderDays) === 'expiring') ? 'expiring' : 'valid';
}
