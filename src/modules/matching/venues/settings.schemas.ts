import { z } from 'zod';
import { int, optionalText, requiredText } from '../../../core/http/validation.js';
import { COMPONENT_KEYS } from '../scoring/index.js';
import type { ComponentKey, Weights } from '../scoring/types.js';
import { parseDecimal, splitPair } from './coordinates.js';
import { hoursField, parseDayHours, type HoursField, WEEKDAY_KEYS, weeklyHoursOf, type WeekdayKey, type WeeklyHours } from './opening-hours.js';

/** A checkbox from a form ("on"/"true", absent = no) or a JSON boolean. */
const flag = z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' || v === undefined ? false : v), z.boolean());

/** A latitude or longitude typed with a dot or a comma, within [min, max]. */
const coordinate = (min: number, max: number, rangeKey: string) =>
  // A number from JSON, or text from the form or pasted (a decimal dot or comma): documented as either.
  z.union([z.number().transform(String), requiredText(40)]).transform((typed, ctx) => {
    const n = parseDecimal(typed);
    if (n === null) {
      ctx.addIssue({ code: 'custom', params: { key: 'matching.settings.validation.decimal' } });
      return z.NEVER;
    }
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', params: { key: rangeKey } });
      return z.NEVER;
    }
    return n;
  });

/** A point pasted from a map into the latitude field ("52.22977, 21.01178") fills both fields. */
function pastedPair(input: unknown): unknown {
  if (!input || typeof input !== 'object') return input;
  const v = input as Record<string, unknown>;
  const blankLongitude = v.longitude === undefined || (typeof v.longitude === 'string' && v.longitude.trim() === '');
  const pair = typeof v.latitude === 'string' && blankLongitude ? splitPair(v.latitude) : null;
  return pair ? { ...v, latitude: pair[0], longitude: pair[1] } : input;
}

/** A district with its centre. The name is unique in the organisation, ignoring case (the scorer looks names up so). */
export const DistrictInput = z.preprocess(
  pastedPair,
  z
    .object({
      name: requiredText(100),
      latitude: coordinate(-90, 90, 'matching.settings.validation.latitudeRange'),
      longitude: coordinate(-180, 180, 'matching.settings.validation.longitudeRange'),
    })
    .strict(),
);
export type DistrictInput = z.output<typeof DistrictInput>;

export const DistrictOutput = z.object({ id: z.string().uuid(), name: z.string(), latitude: z.number(), longitude: z.number() });
export type DistrictOutput = z.infer<typeof DistrictOutput>;

export const VENUE_KINDS = ['cafe', 'library', 'community_centre', 'other'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

/** One weekday's hours as typed ("09:00–13:00, 15:00–18:00"; empty = closed), read by `parseDayHours`. */
const dayHours = z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().max(200)).transform((typed, ctx) => {
  const parsed = parseDayHours(typed);
  if ('problem' in parsed) {
    ctx.addIssue({ code: 'custom', params: { key: parsed.problem } });
    return z.NEVER;
  }
  return parsed.intervals;
});

const dayFields = Object.fromEntries(WEEKDAY_KEYS.map((d) => [hoursField(d), dayHours])) as Record<HoursField, typeof dayHours>;

/**
 * A neutral public place for first meetings. `district` is one of the organisation's districts (the select) or
 * `districtOther`, typed when the place is outside them; giving two different ones is refused. Opening hours come
 * as one field per weekday (`hoursMon` … `hoursSun`, see opening-hours.ts): every day empty means "not known";
 * `openingHours` is a free note about them ("closed on public holidays").
 */
export const VenueInput = z
  .object({
    kind: z.enum(VENUE_KINDS),
    name: requiredText(120),
    address: requiredText(200),
    district: optionalText(100),
    districtOther: optionalText(100),
    ...dayFields,
    openingHours: optionalText(300),
    stepFree: flag.default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.district && v.districtOther && v.district.toLowerCase() !== v.districtOther.toLowerCase())
      ctx.addIssue({ code: 'custom', path: ['districtOther'], params: { key: 'matching.settings.validation.districtTwice' } });
  })
  .transform((v) => ({
    kind: v.kind,
    name: v.name,
    address: v.address,
    district: v.districtOther ?? v.district ?? null,
    weeklyHours: weeklyHoursOf(Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, v[hoursField(d)]])) as WeeklyHours),
    openingHours: v.openingHours ?? '',
    stepFree: v.stepFree,
  }));
export type VenueInput = z.output<typeof VenueInput>;

const IntervalOutput = z.object({ from: z.string(), to: z.string() });

export const VenueOutput = z.object({
  id: z.string().uuid(),
  kind: z.enum(VENUE_KINDS),
  name: z.string(),
  address: z.string(),
  district: z.string().nullable(),
  /** Per weekday the opening intervals ("HH:MM", in the organisation's zone; [] = closed); null = not known. */
  weeklyHours: z.object(Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, z.array(IntervalOutput)])) as Record<WeekdayKey, z.ZodArray<typeof IntervalOutput>>).nullable(),
  openingHours: z.string(),
  stepFree: z.boolean(),
  active: z.boolean(),
});
export type VenueOutput = z.infer<typeof VenueOutput>;

/** The components of a score, in the order the weights form shows them (scoring owns the list). */
export const WEIGHT_KEYS: readonly ComponentKey[] = COMPONENT_KEYS;

/** A whole number 0–100 from a form ("40", "٤٠") or JSON (40); anything else gets one plain message. */
const weight = int(0, 100, { message: 'matching.settings.validation.weight' });

/** The six weights of a programme; at least one above zero, or nothing could ever be scored. */
export const WeightsInput = z
  .object(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, weight])) as Record<ComponentKey, typeof weight>)
  .strict()
  .superRefine((w, ctx) => {
    if (WEIGHT_KEYS.every((k) => w[k] === 0)) ctx.addIssue({ code: 'custom', path: [], params: { key: 'matching.settings.validation.allZero' } });
  });
export type WeightsInput = Weights;

/** The programme's distance limit: a whole number of km, 1–200 (rural programmes travel 30 km and more). */
export const MAX_DISTANCE_RANGE = { min: 1, max: 200 } as const;

/**
 * The distance limit field of the weights form: km at which the distance component reaches 0. Absent (an older
 * form or client): the programme keeps its limit; sent blank: required.
 */
export const MaxDistanceInput = z
  .object({
    maxDistanceKm: int(MAX_DISTANCE_RANGE.min, MAX_DISTANCE_RANGE.max, { message: 'matching.settings.validation.maxDistance' }).optional(),
  })
  .strict();

export const WeightsOutput = z.object({
  programmeId: z.string().uuid(),
  programme: z.string(),
  /** False while the programme uses the defaults (weights and distance limit). */
  custom: z.boolean(),
  /** km at which the distance component reaches 0 (default 15). */
  maxDistanceKm: z.number().int(),
  weights: z.object(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, z.number().int()])) as Record<ComponentKey, z.ZodNumber>),
});
export type WeightsOutput = z.infer<typeof WeightsOutput>;
