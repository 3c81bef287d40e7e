import { z } from 'zod';
import { optionalText, pageOf } from '../../core/http/validation.js';

/** Zod schemas shared by the matching pages and the JSON API (validation, types, OpenAPI, form errors). */

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const uuid = () => z.string().trim().toLowerCase().uuid();
export const optionalUuid = () => z.preprocess(emptyToUndefined, uuid().optional());


/** Make a match (API; the pages post the other side's id from a suggestion row). */
export const MatchInput = z.object({ menteeId: uuid(), volunteerId: uuid() }).strict();
export type MatchInput = z.infer<typeof MatchInput>;

export const MATCH_STATUSES = ['active', 'paused', 'closed'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Filters of `/matching/matches` and `GET /api/v1/matches`. */
export const MatchQuery = z.object({
  q: optionalText(100),
  status: z.preprocess(emptyToUndefined, z.enum(MATCH_STATUSES).default('active')),
  programmeId: optionalUuid(),
  menteeId: optionalUuid(),
  volunteerId: optionalUuid(),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type MatchQuery = z.infer<typeof MatchQuery>;

/** A scored component with its reason in the caller's language. */
export const ComponentOutput = z.object({
  key: z.string(),
  points: z.number(),
  max: z.number(),
  reason: z.string(),
});

const PersonName = z.object({ id: z.string().uuid(), givenName: z.string(), familyName: z.string() });

export const MatchOutput = z.object({
  id: z.string().uuid(),
  mentee: PersonName,
  volunteer: PersonName,
  programmeId: z.string().uuid().nullable(),
  /** The mentee's needs this match serves. */
  needs: z.array(z.string()),
  status: z.enum(MATCH_STATUSES),
  origin: z.enum(['suggestion', 'batch']),
  proposalId: z.string().uuid().nullable(),
  score: z.number().nullable(),
  /** The score as a whole percentage of the most the weights allowed when the match was made. */
  percent: z.number().int().nullable(),
  summary: z.string(),
  components: z.array(ComponentOutput),
  startedAt: z.string(),
});
export type MatchOutput = z.infer<typeof MatchOutput>;

export const MatchPage = pageOf(MatchOutput);
export type MatchPage = z.infer<typeof MatchPage>;
