import { z } from 'zod';
import { int, isoDate, optionalMultilineText, optionalText, requiredText, text } from '../../../core/http/validation.js';
import { INTERVIEW_MODES, RESERVED_PREFIX } from './place.js';
import { todayIn, zonedToUtc } from '../../../core/i18n/time-zone.js';
import { STAGES } from '../pipeline/stages.js';
import { SAFEGUARDING_REQUIREMENTS } from './requirements.js';
import { SAFEGUARDING_STATUSES } from './safeguarding-status.js';

/** Empty form fields count as absent. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const timeField = () => z.string().trim().refine((s) => /^([01]\d|2[0-3]):[0-5]\d(:00)?$/.test(s), { params: { key: 'volunteers.screening.validation.time' } }).transform((s) => s.slice(0, 5));


/** Where an interview happens: an address, a phone call, or a video call with its https link. */
const placeFields = {
  minutes: int(5, 480, { message: 'validation.wholeNumber' }),
  mode: z.enum(INTERVIEW_MODES),
  address: optionalText(200).refine((s) => !s || !RESERVED_PREFIX.test(s), { params: { key: 'validation.invalid' } }),
  link: z.preprocess(
    blank,
    text(500)
      .refine((s) => /^https:\/\/[^\s<>"]+$/.test(s), { params: { key: 'volunteers.screening.validation.link' } })
      .optional(),
  ),
};

type PlaceFields = { mode: (typeof INTERVIEW_MODES)[number]; address?: string; link?: string };
function refinePlace(v: PlaceFields, ctx: z.RefinementCtx) {
  if (v.mode === 'in_person' && !v.address) ctx.addIssue({ code: 'custom', path: ['address'], params: { key: 'volunteers.screening.validation.addressRequired' } });
  if (v.mode === 'video' && !v.link) ctx.addIssue({ code: 'custom', path: ['link'], params: { key: 'volunteers.screening.validation.linkRequired' } });
}

/** One slot's date and time in the organisation's time zone: it must exist (clock changes) and be in the future. */
function refineSlot(date: string | undefined, time: string | undefined, n: number, ctx: z.RefinementCtx, now: Date): Date | undefined {
  if (!date && !time) return undefined;
  if (!date) return void ctx.addIssue({ code: 'custom', path: [`date${n}`], params: { key: 'validation.required' } });
  if (!time) return void ctx.addIssue({ code: 'custom', path: [`time${n}`], params: { key: 'validation.required' } });
  const at = zonedToUtc(date, time);
  if (!at) return void ctx.addIssue({ code: 'custom', path: [`time${n}`], params: { key: 'volunteers.screening.validation.timeSkipped' } });
  if (at.getTime() <= now.getTime()) return void ctx.addIssue({ code: 'custom', path: [`date${n}`], params: { key: 'volunteers.screening.validation.slotInPast' } });
  return at;
}

export const SLOTS = [1, 2, 3] as const;

/**
 * Offering interview slots (the form): up to three date-and-time pairs in Europe/Warsaw, one length and place
 * for all of them. One slot schedules the interview; several are offered for the volunteer to choose from.
 */
export const ScheduleInput = z
  .object({
    date1: isoDate(),
    time1: timeField(),
    date2: z.preprocess(blank, isoDate().optional()),
    time2: z.preprocess(blank, timeField().optional()),
    date3: z.preprocess(blank, isoDate().optional()),
    time3: z.preprocess(blank, timeField().optional()),
    ...placeFields,
  })
  .strict()
  .superRefine(refinePlace)
  .transform((v, ctx) => {
    const now = new Date();
    const slots = [refineSlot(v.date1, v.time1, 1, ctx, now), refineSlot(v.date2, v.time2, 2, ctx, now), refineSlot(v.date3, v.time3, 3, ctx, now)].filter((d): d is Date => Boolean(d));
    if (new Set(slots.map((s) => s.getTime())).size !== slots.length) ctx.addIssue({ code: 'custom', path: ['date2'], params: { key: 'volunteers.screening.validation.sameSlot' } });
    return { slots, minutes: v.minutes, place: { mode: v.mode, address: v.address, link: v.link } };
  });
export type ScheduleInput = z.output<typeof ScheduleInput>;

/** Moving a scheduled interview to another time or place (the calendar event is updated, same UID). */
export const RescheduleInput = z
  .object({ date1: isoDate(), time1: timeField(), ...placeFields })
  .strict()
  .superRefine(refinePlace)
  .transform((v, ctx) => {
    const at = refineSlot(v.date1, v.time1, 1, ctx, new Date());
    return { startsAt: at ?? new Date(0), minutes: v.minutes, place: { mode: v.mode, address: v.address, link: v.link } };
  });
export type RescheduleInput = z.output<typeof RescheduleInput>;

export const NOTE_FIELDS = ['motivation', 'experience', 'availability', 'languages', 'concerns'] as const;
export const RECOMMENDATIONS = ['recommend', 'recommend_with_conditions', 'do_not_recommend'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** After the interview: held with structured notes and a recommendation, or the volunteer did not come. */
export const RecordInput = z
  .object({
    outcome: z.enum(['held', 'no_show']),
    recommendation: z.preprocess(blank, z.enum(RECOMMENDATIONS).optional()),
    motivation: optionalMultilineText(2000),
    experience: optionalMultilineText(2000),
    availability: optionalMultilineText(2000),
    languages: optionalMultilineText(2000),
    concerns: optionalMultilineText(2000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'held' && !v.recommendation) ctx.addIssue({ code: 'custom', path: ['recommendation'], params: { key: 'volunteers.screening.validation.recommendationRequired' } });
  });
export type RecordInput = z.output<typeof RecordInput>;

export { SAFEGUARDING_KINDS, kindsFor, type SafeguardingKind } from './requirements.js';
import { SAFEGUARDING_KINDS } from './requirements.js';

/**
 * That a safeguarding check was seen (never the document): its kind, the date it was seen (not in the future,
 * in the organisation's time zone) and, optionally, the renewal date (after the seen date; by default
 * seen + the organisation's renewal period).
 */
export const SafeguardingInput = z
  .object({
    kind: z.enum(SAFEGUARDING_KINDS),
    seenOn: isoDate()
      .refine((d) => d <= todayIn(), { params: { key: 'validation.dateInFuture' } })
      .refine((d) => d >= '2000-01-01', { params: { key: 'validation.dateTooOld' } }),
    renewBy: z.preprocess(blank, isoDate().refine((d) => d <= '2100-12-31', { params: { key: 'validation.date' } }).optional()),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.renewBy && v.seenOn && v.renewBy <= v.seenOn) ctx.addIssue({ code: 'custom', path: ['renewBy'], params: { key: 'volunteers.screening.validation.renewAfterSeen' } });
  });
export type SafeguardingInput = z.output<typeof SafeguardingInput>;

/** Accident insurance (NNW): insurer, policy number and the period it covers (to ≥ from). */
export const InsuranceInput = z
  .object({
    insurer: requiredText(200),
    policyNumber: requiredText(100),
    validFrom: isoDate().refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { params: { key: 'validation.date' } }),
    validTo: isoDate().refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { params: { key: 'validation.date' } }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.validTo < v.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], params: { key: 'volunteers.screening.validation.validToBeforeFrom' } });
  });
export type InsuranceInput = z.output<typeof InsuranceInput>;

const pastDate = () =>
  isoDate()
    .refine((d) => d <= todayIn(), { params: { key: 'validation.dateInFuture' } })
    .refine((d) => d >= '2000-01-01', { params: { key: 'validation.dateTooOld' } });

/**
 * Whether the volunteer lived outside Poland in the last 20 years (the 2016 Act asks more documents then): the form's
 * radio buttons send `yes`/`no`, a JSON client may send a boolean.
 */
export const LivedAbroadInput = z
  .object({ livedAbroad: z.preprocess((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v), z.enum(['yes', 'no'])).describe('`yes` or `no` (a JSON boolean is read the same)') })
  .strict()
  .transform((v) => v.livedAbroad === 'yes');

export const TRAVEL_COSTS = ['reimbursed', 'waived'] as const;
export type TravelCosts = (typeof TRAVEL_COSTS)[number];

/**
 * The legal facts recorded before activation: the day the health-and-safety information was acknowledged, and
 * travel costs — reimbursed, or waived in writing — with the day that was agreed. Either part may be recorded on
 * its own; at least one is needed.
 */
export const LegalInput = z
  .object({
    healthSafetyOn: z.preprocess(blank, pastDate().optional()),
    travelCosts: z.preprocess(blank, z.enum(TRAVEL_COSTS).optional()),
    travelCostsOn: z.preprocess(blank, pastDate().optional()),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.travelCosts && !v.travelCostsOn) ctx.addIssue({ code: 'custom', path: ['travelCostsOn'], params: { key: 'validation.required' } });
    if (!v.travelCosts && v.travelCostsOn) ctx.addIssue({ code: 'custom', path: ['travelCosts'], params: { key: 'validation.required' } });
    if (!v.healthSafetyOn && !v.travelCosts && !v.travelCostsOn) ctx.addIssue({ code: 'custom', path: ['healthSafetyOn'], params: { key: 'volunteers.screening.validation.legalNothing' } });
  });
export type LegalInput = z.output<typeof LegalInput>;

// --- Outputs of the JSON API (view models, never database rows) ---------------------------------

export const INTERVIEW_STATUSES = ['offered', 'scheduled', 'held', 'no_show', 'cancelled'] as const;

/** One interview: when (ISO 8601, UTC), how long, where (address or link by mode), its state and the notes. */
export const InterviewOutput = z.object({
  id: z.string().uuid(),
  startsAt: z.string(),
  minutes: z.number().int(),
  mode: z.enum(INTERVIEW_MODES),
  address: z.string().nullable(),
  link: z.string().nullable(),
  status: z.enum(INTERVIEW_STATUSES),
  notes: z.record(z.enum(NOTE_FIELDS), z.string()),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  /** The interviewer's display name. */
  interviewer: z.string().nullable(),
});
export type InterviewOutput = z.infer<typeof InterviewOutput>;

/**
 * What an interview action did: the interviews it created or changed, the volunteer's stage (moved, or the pipeline
 * rule that kept it — `reason` in the caller's language; null when no move was due) and whether the volunteer was
 * e-mailed (false: no address on file, tell them another way).
 */
export const InterviewChangeOutput = z.object({
  volunteerId: z.string().uuid(),
  interviews: z.array(InterviewOutput),
  stage: z.object({ moved: z.boolean(), to: z.enum(STAGES).nullable(), reason: z.string().nullable() }).nullable(),
  mailed: z.boolean(),
});
export type InterviewChangeOutput = z.infer<typeof InterviewChangeOutput>;

/** A recorded safeguarding check (that the document was seen, never the document). */
export const CheckOutput = z.object({ id: z.string().uuid(), volunteerId: z.string().uuid(), kind: z.enum(SAFEGUARDING_KINDS), seenOn: z.string(), renewBy: z.string() });
export type CheckOutput = z.infer<typeof CheckOutput>;

/** An accident insurance (NNW) record. */
export const InsuranceOutput = z.object({ id: z.string().uuid(), volunteerId: z.string().uuid(), insurer: z.string(), policyNumber: z.string(), validFrom: z.string(), validTo: z.string() });
export type InsuranceOutput = z.infer<typeof InsuranceOutput>;

/** The lived-abroad answer and the legal facts recorded before activation (null: not recorded). */
export const FactsOutput = z.object({
  volunteerId: z.string().uuid(),
  livedAbroad: z.boolean().nullable(),
  healthSafetyOn: z.string().nullable(),
  travelCosts: z.enum(TRAVEL_COSTS).nullable(),
  travelCostsOn: z.string().nullable(),
});
export type FactsOutput = z.infer<typeof FactsOutput>;

/** A volunteer's screening record, as the screening page shows it. */
export const ScreeningOutput = z.object({
  volunteerId: z.string().uuid(),
  /** Today in the organisation's time zone: what `status`, `current` and `missing` were judged on. */
  today: z.string(),
  country: z.string(),
  livedAbroad: z.boolean().nullable(),
  /** What the law of the organisation's country still asks before work with minors (empty: cleared). */
  missing: z.array(z.enum(SAFEGUARDING_REQUIREMENTS)),
  safeguarding: z.enum(SAFEGUARDING_STATUSES),
  interviews: z.array(InterviewOutput),
  checks: z.array(CheckOutput.extend({ seenBy: z.string(), status: z.enum(['valid', 'expiring', 'expired']) })),
  insurance: z.array(InsuranceOutput.extend({ current: z.boolean() })),
});
export type ScreeningOutput = z.infer<typeof ScreeningOutput>;
