import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestampNow, timestamptz } from '../db/columns.js';

/** Rate-limit counters, in the database so that every app instance sees the same counts. */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  count: integer().notNull(),
  resetAt: timestamptz().notNull(),
});

/**
 * Secrets the app generates on first start (the CSRF HMAC key), kept in the database so every instance
 * uses the same ones without configuration.
 */
export const appSecrets = pgTable('app_secrets', {
  name: text().primaryKey(),
  value: text().notNull(),
  createdAt: timestampNow(),
});

/**
 * One-time tokens of public forms that were already submitted, so a replayed submission (the same form sent
 * twice, by a double click or by a script) is recognised. Old rows are deleted by housekeeping.
 */
export const usedFormTokens = pgTable('used_form_tokens', {
  token: text().primaryKey(),
  usedAt: timestampNow(),
});
