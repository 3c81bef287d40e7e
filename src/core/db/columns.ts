import { sql } from 'drizzle-orm';
import { date, integer, jsonb, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Column shapes every table repeats, named once so a table reads as what its columns mean. Each returns a fresh
 * builder (a column's name comes from its key, snake_cased by drizzle.config.ts), and each is exactly the chain it
 * replaces: the generated schema does not change.
 */

/** A point in time (`timestamptz`), read back as a Date: every instant the app stores is one. */
export const timestamptz = () => timestamp({ withTimezone: true });

/** When something happened, stamped as the row is written: `timestamptz NOT NULL DEFAULT now()`. */
export const timestampNow = () => timestamptz().notNull().defaultNow();

/** A calendar day, read and written as 'YYYY-MM-DD' text so it never moves with a time zone. */
export const calendarDate = () => date({ mode: 'string' });

/** A list of short texts (codes, tags, grid slots), empty by default. */
export const textList = () => text().array().notNull().default(sql`'{}'::text[]`);

/** A JSON object, empty by default. */
export const jsonObject = <T extends Record<string, unknown>>() => jsonb().$type<T>().notNull().default({} as T);

/** A JSON array, empty by default. */
export const jsonList = <T>() => jsonb().$type<T[]>().notNull().default([]);

/** The row belongs to another (`parent`, e.g. `() => mentees.id`): required, and deleted with it. */
export const belongsTo = (parent: () => AnyPgColumn) => uuid().notNull().references(parent, { onDelete: 'cascade' });

/** An optional link to another row, cleared when that row is deleted. */
export const linkTo = (target: () => AnyPgColumn) => uuid().references(target, { onDelete: 'set null' });

/** The optimistic-lock counter: starts at 1, raised by every change, so a write based on an old read is refused. */
export const rowVersion = () => integer().notNull().default(1);
