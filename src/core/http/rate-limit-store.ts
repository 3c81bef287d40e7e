import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem } from '../db/tx.js';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

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
      const fullKey = this.prefix + key;
      withSystem(db, async (tx) =>
        rowsOf<{ count: number; ttl: number }>(
          await tx.execute(sql`
            insert into rate_limits (key, count, reset_at)
            values (${fullKey}, 1, now() + ${timeWindow} * interval '1 millisecond')
            on conflict (key) do update set
              count = case when rate_limits.reset_at <= now() then 1 else rate_limits.count + 1 end,
              reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
            returning count, greatest(0, extract(epoch from (reset_at - now())) * 1000)::int as ttl`),
        ),
      ).then(
        (rows) => cb(null, { current: Number(rows[0]!.count), ttl: Number(rows[0]!.ttl) }),
        (err: Error) => cb(err),
      );
    }
    child(routeOptions: { routeInfo?: { method?: string; url?: string } }) {
      return new PgStore(routeOptions);
    }
  };
}
