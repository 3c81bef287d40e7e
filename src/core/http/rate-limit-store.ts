import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem } from '../db/tx.js';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * Counts one hit of `key` in a fixed window of `windowMs` milliseconds that starts at the key's first hit: returns
 * the hits so far in the window (this one included) and the milliseconds until the window ends. One upsert in
 * `rate_limits`, so the count holds across app instances. Used by the store below and by handlers that count
 * only some requests (e.g. the public forms count sent answers, not re-renders with errors).
 */
export async function countHit(db: Db, key: string, windowMs: number): Promise<{ count: number; ttlMs: number }> {
  const rows = await withSystem(db, async (tx) =>
    rowsOf<{ count: number; ttl: number }>(
      await tx.execute(sql`
        insert into rate_limits (key, count, reset_at)
        values (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
        on conflict (key) do update set
          count = case when rate_limits.reset_at <= now() then 1 else rate_limits.count + 1 end,
          reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
        returning count, greatest(0, extract(epoch from (reset_at - now())) * 1000)::int as ttl`),
    ),
  );
  return { count: Number(rows[0]!.count), ttlMs: Number(rows[0]!.ttl) };
}

/**
 * A @fastify/rate-limit store in PostgreSQL: one upsert per counted request, so limits hold across
 * every app instance (no counters in process memory).
 */
export function pgRateLimitStore(db: Db) {
  return class PgStore {
    private readonly prefix: string;
    constructor(options: { routeInfo?: { method?: string; url?: string } } = {}) {
      this.prefix = options.routeInfo ? `${options.routeInfo.method} ${options.routeInfo.url}|` : 'global|';
    }
    incr(key: string, cb: Callback, timeWindow: number) {
      countHit(db, this.prefix + key, timeWindow).then(
        (hit) => cb(null, { current: hit.count, ttl: hit.ttlMs }),
        (err: Error) => cb(err),
      );
    }
    child(routeOptions: { routeInfo?: { method?: string; url?: string } }) {
      return new PgStore(routeOptions);
    }
  };
}
