import { createHash } from 'node:crypto';
import type { Db } from '../../../core/db/database.js';
import { countHit } from '../../../core/http/rate-limit-store.js';
import { clientKey } from '../../../core/auth/throttle.js';

/**
 * Rate limits of the public forms (the volunteer application and the request for support), made for a group that
 * fills the forms together on one Wi-Fi — a class, a reception centre — where everyone shares one IP address.
 *
 * - **Per sending** (`countSending`): answers that passed every check of the form are counted per form token (one
 *   opened form) and per e-mail address (per organisation and form): at most SENDINGS_PER_TOKEN and
 *   SENDINGS_PER_EMAIL an hour. Re-renders with validation errors and "add another language" do not count, so
 *   correcting one's answers never runs into the limit.
 * - **Per client address** (`countPost`): a ceiling against floods only, CLIENT_POSTS_PER_MINUTE posts of the form a
 *   minute from one IPv4 address or IPv6 /64 — hundreds, far above what a room of people typing can send.
 *
 * Over a limit the form is shown again with what the person typed and a message at the top, in their language,
 * with status 429 (never a bare error).
 */

/** Posts of one public form a minute from one client address (IPv4, or IPv6 /64): the flood ceiling. */
export const CLIENT_POSTS_PER_MINUTE = 300;
/** Sendings (answers that passed the checks) of one opened form (one form token) an hour. */
export const SENDINGS_PER_TOKEN = 5;
/** Sendings with one e-mail address to one organisation's form an hour. */
export const SENDINGS_PER_EMAIL = 5;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type PublicForm = 'apply' | 'request';

/** Null when within the limit, else the whole minutes to wait (at least 1). */
export type LimitResult = null | { minutes: number };

const wait = (ttlMs: number): { minutes: number } => ({ minutes: Math.max(1, Math.ceil(ttlMs / MINUTE)) });
const emailKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');

/** Counts one post of the form from `address` (every post, also with errors): over the flood ceiling or not. */
export async function countPost(db: Db, form: PublicForm, organisationId: string, address: string): Promise<LimitResult> {
  const hit = await countHit(db, `form:${form}|client|${organisationId}|${clientKey(address)}`, MINUTE);
  return hit.count > CLIENT_POSTS_PER_MINUTE ? wait(hit.ttlMs) : null;
}

/**
 * Counts one sending of answers that passed the form's checks, by its form token's nonce and (when given) by its
 * e-mail address (kept only as a hash). Both are counted; over either limit, the sending is refused.
 */
export async function countSending(db: Db, form: PublicForm, organisationId: string, nonce: string, email: string | undefined | null): Promise<LimitResult> {
  const byToken = await countHit(db, `form:${form}|token|${nonce}`, HOUR);
  const byEmail = email ? await countHit(db, `form:${form}|email|${organisationId}|${emailKey(email)}`, HOUR) : null;
  const over = [byToken.count > SENDINGS_PER_TOKEN ? byToken : null, byEmail && byEmail.count > SENDINGS_PER_EMAIL ? byEmail : null].filter((h) => h !== null);
  return over.length ? wait(Math.max(...over.map((h) => h.ttlMs))) : null;
}
