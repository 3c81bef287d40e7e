import { isIPv6 } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { withSystem, type Tx } from '../db/tx.js';
import { signInThrottle } from './auth.table.js';
import { tokenHash } from './tokens.js';

/** Wrong passwords allowed per e-mail address and client address before that pair has to wait. */
export const FREE_FAILURES = 4;
/** The wait after each further failure doubles from 1 minute up to this. */
export const MAX_WAIT_MINUTES = 60;

/**
 * The part of a client address that identifies a client: an IPv4 address, or the /64 network of an IPv6 one
 * (anyone with an IPv6 network holds 2^64 addresses, so counting single ones would count nothing).
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The throttle key of an e-mail address typed from a client: the same whether or not the address has an account. */
export const throttleKey = (email: string, clientAddress: string) => tokenHash(`sign-in\n${email}\n${clientKey(clientAddress)}`);

/** Until when this key must wait, or null. */
export async function waitingUntil(db: Db, key: string): Promise<Date | null> {
  const [row] = await withSystem(db, (tx) => tx.select({ until: signInThrottle.blockedUntil }).from(signInThrottle).where(eq(signInThrottle.keyHash, key)));
  return row?.until && row.until.getTime() > Date.now() ? row.until : null;
}

/**
 * Counts a failure for the key (a failure a day after the last one starts the count again). Past FREE_FAILURES the
 * key waits 1, 2, 4 … MAX_WAIT_MINUTES minutes; returns until when, or null.
 */
export async function countFailure(tx: Tx, key: string): Promise<Date | null> {
  const [after] = await tx
    .insert(signInThrottle)
    .values({ keyHash: key, failures: 1 })
    .onConflictDoUpdate({
      target: signInThrottle.keyHash,
      set: { failures: sql`case when ${signInThrottle.lastFailureAt} < now() - interval '1 day' then 1 else ${signInThrottle.failures} + 1 end`, lastFailureAt: sql`now()` },
    })
    .returning({ failures: signInThrottle.failures });
  const failures = after!.failures;
  if (failures <= FREE_FAILURES) return null;
  const until = new Date(Date.now() + Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_WAIT_MINUTES) * 60_000);
  await tx.update(signInThrottle).set({ blockedUntil: until }).where(eq(signInThrottle.keyHash, key));
  return until;
}

export async function forgetFailures(tx: Tx, key: string): Promise<void> {
  await tx.delete(signInThrottle).where(eq(signInThrottle.keyHash, key));
}

export const minutesUntil = (when: Date) => Math.max(1, Math.ceil((when.getTime() - Date.now()) / 60_000));
