import type { Tx } from '../../../core/db/tx.js';
import { decodePlace, type Place } from './place.js';
import { checkStatus, safeguardingStatus, type SafeguardingStatus } from './safeguarding-status.js';
import { getOrganisation, getScreeningSettings, listChecks, listInsurance, listInterviews, userNames } from './screening.repository.js';
import { kindsFor } from './screening.schemas.js';
import { todayIn } from '../../../core/i18n/time-zone.js';

export interface ScreeningPanelData {
  /** Today in the organisation's time zone (YYYY-MM-DD), and now, for upcoming/past and expiry. */
  today: string;
  now: Date;
  /** Whether the organisation's country requires safeguarding kinds this volunteer has none of yet. */
  missingKinds: string[];
  interviews: {
    id: string;
    startsAt: Date;
    minutes: number;
    place: Place;
    status: string;
    notes: Record<string, string>;
    recommendation: string | null;
    interviewer: string | null;
  }[];
  checks: { id: string; kind: string; seenOn: string; renewBy: string; seenBy: string; status: Exclude<SafeguardingStatus, 'missing'> }[];
  safeguarding: SafeguardingStatus;
  insurance: { id: string; insurer: string; policyNumber: string; validFrom: string; validTo: string; current: boolean }[];
}

/** Loads what ScreeningPanel shows, inside the volunteer page's tenant transaction (which audits the view). */
export async function loadScreeningPanel(tx: Tx, organisationId: string, volunteerId: string): Promise<ScreeningPanelData> {
  const today = todayIn();
  const [org, settings, interviewRows, checkRows, insuranceRows] = [
    await getOrganisation(tx, organisationId),
    await getScreeningSettings(tx, organisationId),
    await listInterviews(tx, organisationId, volunteerId),
    await listChecks(tx, organisationId, volunteerId),
    await listInsurance(tx, organisationId, volunteerId),
  ];
  const names = await userNames(tx, [...checkRows.map((c) => c.seenByUserId), ...interviewRows.flatMap((i) => (i.interviewerUserId ? [i.interviewerUserId] : []))]);
  const validKinds = new Set(checkRows.filter((c) => c.renewBy > today).map((c) => c.kind));
  return {
    today,
    now: new Date(),
    // A foreign statement is needed only from people who lived abroad: it is never counted as missing.
    missingKinds: (org.country === 'PL' || org.country === 'DE' ? kindsFor(org.country) : []).filter((k) => k !== 'foreign_statement' && !validKinds.has(k)),
    interviews: interviewRows.map((i) => ({
      id: i.id,
      startsAt: i.startsAt,
      minutes: i.minutes,
      place: decodePlace(i.place),
      status: i.status,
      notes: i.notes,
      recommendation: i.recommendation,
      interviewer: i.interviewerUserId ? (names.get(i.interviewerUserId) ?? null) : null,
    })),
    checks: checkRows.map((c) => ({ id: c.id, kind: c.kind, seenOn: c.seenOn, renewBy: c.renewBy, seenBy: names.get(c.seenByUserId) ?? '—', status: checkStatus(c.renewBy, today, settings.reminderDays) })),
    safeguarding: safeguardingStatus(checkRows, today, settings.reminderDays),
    insurance: insuranceRows.map((r) => ({ id: r.id, insurer: r.insurer, policyNumber: r.policyNumber, validFrom: r.validFrom, validTo: r.validTo, current: r.validFrom <= today && today <= r.validTo })),
  };
}
