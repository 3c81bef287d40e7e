import type { Translate } from '../../../core/i18n/index.js';
import type { InterviewOutcome } from './interviews.service.js';
import type { InterviewView, ScreeningPanelData } from './panel-data.js';
import type { InterviewChangeOutput, InterviewOutput, ScreeningOutput } from './screening.schemas.js';

/** Presenters of the JSON API: what the services return (dates, decoded places) as the documented view models. */

export function presentInterview(i: InterviewView): InterviewOutput {
  return {
    id: i.id,
    startsAt: i.startsAt.toISOString(),
    minutes: i.minutes,
    mode: i.place.mode,
    address: i.place.address ?? null,
    link: i.place.link ?? null,
    status: i.status as InterviewOutput['status'],
    notes: i.notes,
    recommendation: i.recommendation,
    interviewer: i.interviewer,
  };
}

/** An interview action's outcome; the rule that kept the stage is given in the caller's language (`t`). */
export function presentChange(o: InterviewOutcome, t: Translate): InterviewChangeOutput {
  const stage = o.stage === null ? null : o.stage.moved ? { moved: true, to: o.stage.to, reason: null } : { moved: false, to: null, reason: t(o.stage.reason, o.stage.params) };
  return { volunteerId: o.volunteerId, interviews: o.interviews.map(presentInterview), stage, mailed: o.mailed };
}

/** The screening panel's data of one volunteer. */
export function presentScreening(volunteerId: string, d: ScreeningPanelData): ScreeningOutput {
  return {
    volunteerId,
    today: d.today,
    country: d.country,
    livedAbroad: d.livedAbroad,
    missing: d.missing,
    safeguarding: d.safeguarding,
    interviews: d.interviews.map(presentInterview),
    checks: d.checks.map((c) => ({ id: c.id, volunteerId, kind: c.kind, seenOn: c.seenOn, renewBy: c.renewBy, seenBy: c.seenBy, status: c.status })),
    insurance: d.insurance.map((r) => ({ id: r.id, volunteerId, insurer: r.insurer, policyNumber: r.policyNumber, validFrom: r.validFrom, validTo: r.validTo, current: r.current })),
  };
}
