import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgPolicy, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { appRole } from '../db/rls.js';
import { organisations } from '../tenancy/tenancy.table.js';

/**
 * An account: one per e-mail address across all organisations. Readable by the app role
 * (names on screens), but secrets live in `credentials`, which only system transactions reach.
 */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    displayName: text().notNull(),
    locale: text(),
    disabled: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    unique('users_email_unique').on(t.email),
    // The app role sees the signed-in user and the accounts of people in the current organisation.
    pgPolicy('users_visible', {
      for: 'select',
      to: appRole,
      using: sql`id = app_current_user() or exists (select 1 from people p where p.user_id = users.id and p.organisation_id = app_current_org())`,
    }),
    // Invitations create accounts; the existence check goes through app_user_id_by_email().
    pgPolicy('users_create', { for: 'insert', to: appRole, withCheck: sql`true` }),
    pgPolicy('users_update_self', { for: 'update', to: appRole, using: sql`id = app_current_user()`, withCheck: sql`id = app_current_user()` }),
  ],
).enableRLS();

/** Password hash (argon2id), TOTP secret, lock-out counters. Never granted to the app role. */
export const credentials = pgTable('credentials', {
  userId: uuid().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  passwordHash: text(),
  totpSecret: text(),
  totpEnabled: boolean().notNull().default(false),
  /** Last accepted TOTP time step, so a code cannot be replayed. */
  totpLastStep: integer().notNull().default(0),
  failedSignIns: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    /** False until the second factor is given (for accounts with TOTP). */
    mfaPassed: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Single-use e-mailed links: invitations and password resets. Only the SHA-256 of the token is stored. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    tokenHash: text().primaryKey(),
    purpose: text().notNull(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [check('email_tokens_purpose', sql`${t.purpose} in ('invitation','password_reset')`)],
);

/** Personal access tokens for the JSON API, each scoped to one organisation. */
export const accessTokens = pgTable(
  'access_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull().unique(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid().notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('access_tokens_user').on(t.userId)],
);
