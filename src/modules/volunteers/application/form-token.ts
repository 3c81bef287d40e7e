import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The signed hidden field of the public application form: when the form was issued, a one-time nonce, and an
 * HMAC over both and the organisation. It gives three spam checks without third parties:
 * - a minimum fill time (people need more than a few seconds; scripts do not wait),
 * - a maximum age (the one-time nonces are kept two days by housekeeping, so older forms are refused),
 * - a one-time use (the nonce is recorded in `used_form_tokens` when the application is written).
 * Format: `<issued-at ms>.<nonce>.<signature>`, all URL-safe.
 */

/** Under this many milliseconds between showing and sending the form, the submission is refused. */
export const MIN_FILL_MS = 3_000;
/** Forms older than this are refused as expired (below the two days `used_form_tokens` rows are kept). */
export const MAX_AGE_MS = 24 * 3600 * 1000;
/** Clock differences tolerated between instances. */
const SKEW_MS = 60_000;

export type FormTokenCheck = { ok: true; nonce: string } | { ok: false; reason: 'tampered' | 'tooFast' | 'expired' };

function signature(key: string, organisationId: string, issuedAt: number, nonce: string): string {
  return createHmac('sha256', key).update(`${organisationId}.${issuedAt}.${nonce}`).digest('base64url');
}

/** A new token for the organisation's form, issued at `now` (ms). `nonce` only for tests. */
export function issueFormToken(key: string, organisationId: string, now = Date.now(), nonce = randomBytes(16).toString('base64url')): string {
  return `${now}.${nonce}.${signature(key, organisationId, now, nonce)}`;
}

/** Checks a posted token: signature (constant time), then the timing. Any malformed value counts as tampered. */
export function checkFormToken(key: string, organisationId: string, token: unknown, now = Date.now()): FormTokenCheck {
  if (typeof token !== 'string' || token.length > 200) return { ok: false, reason: 'tampered' };
  const m = /^(\d{13})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'tampered' };
  const issuedAt = Number(m[1]);
  const expected = Buffer.from(signature(key, organisationId, issuedAt, m[2]!));
  const given = Buffer.from(m[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'tampered' };
  if (issuedAt > now + SKEW_MS) return { ok: false, reason: 'tampered' };
  if (now - issuedAt < MIN_FILL_MS) return { ok: false, reason: 'tooFast' };
  if (now - issuedAt > MAX_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce: m[2]! };
}
