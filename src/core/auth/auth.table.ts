import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgPolicy, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { appRole } from '../db/rls.js';
import { organisations, people, tenantTable, type Role } from '../tenancy/tenancy.table.js';
import type { Locale } from '../i18n/locales.js';
import { belongsTo, linkTo, timestampNow, timestamptz } from '../db/columns.js';

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
    locale: text().$type<Locale>(),
    disabled: boolean().notNull().default(false),
    createdAt: timestampNow(),
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
    // No insert policy: accounts are created only when an invitation is accepted (a system transaction), so the
    // app role can neither create accounts nor learn whether an address has one.
    pgPolicy('users_update_self', { for: 'update', to: appRole, using: sql`id = app_current_user()`, withCheck: sql`id = app_current_user()` }),
  ],
).enableRLS();

/** Password hash (argon2id), TOTP secret, second-factor lock-out. Never granted to the app role. */
export const credentials = pgTable('credentials', {
  userId: uuid().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  passwordHash: text(),
  totpSecret: text(),
  totpEnabled: boolean().notNull().default(false),
  /** A new authenticator being set up: the active secret keeps working until a code from this one is confirmed. */
  totpPendingSecret: text(),
  /** The session (token hash) that started the set-up: only it sees the new secret and may confirm it. */
  totpPendingSession: text(),
  /** Last accepted TOTP time step, so a code cannot be replayed. */
  totpLastStep: integer().notNull().default(0),
  /** Wrong second-factor codes since the last right one. Only a right code resets it (a right password does not). */
  secondFactorFailures: integer().notNull().default(0),
  /** How many times the second factor was locked in a row: each lock lasts twice as long as the one before. */
  secondFactorLocks: integer().notNull().default(0),
  secondFactorLockedUntil: timestamptz(),
  updatedAt: timestampNow(),
});

/** One-time recovery codes for an account with TOTP (only their SHA-256 is kept). Never granted to the app role. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: belongsTo(() => users.id),
    codeHash: text().notNull(),
    createdAt: timestampNow(),
    usedAt: timestamptz(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/**
 * Failed sign-ins per e-mail address and client address (the key is a SHA-256 of both), whether or not the address
 * has an account: after a few failures that pair waits, longer each time. Nobody else is locked out, and the answer
 * is the same for unknown addresses. Never granted to the app role.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  keyHash: text().primaryKey(),
  failures: integer().notNull().default(0),
  blockedUntil: timestamptz(),
  lastFailureAt: timestampNow(),
});

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: belongsTo(() => users.id),
    organisationId: linkTo(() => organisations.id),
    /** False until the second factor is given (for accounts with TOTP). */
    mfaPassed: boolean().notNull().default(false),
    /** "Remember me": the cookie outlives the browser and the session may last ABSOLUTE_REMEMBERED_MS. */
    remember: boolean().notNull().default(false),
    createdAt: timestampNow(),
    lastSeenAt: timestampNow(),
    expiresAt: timestamptz().notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Single-use e-mailed password-reset links. Only the SHA-256 of the token is stored. Never granted to the app role. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    tokenHash: text().primaryKey(),
    purpose: text().notNull(),
    userId: belongsTo(() => users.id),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: timestampNow(),
    expiresAt: timestamptz().notNull(),
    usedAt: timestamptz(),
  },
  (t) => [check('email_tokens_purpose', sql`${t.purpose} in ('password_reset')`), index('email_tokens_user').on(t.userId)],
);

/**
 * An invitation to join an organisation with some roles, addressed to an e-mail address, not to an account: the
 * organisation never learns whether the address has one. Accepting it (a system transaction) either creates the
 * account with a password, or, for an existing account, asks its owner to sign in with their own password and second
 * factor and accept. Until then the person has no membership. Only the SHA-256 of the link's token is stored.
 */
export const invitations = tenantTable(
  'invitations',
  {
    /** The person record the account will be linked to (created by the invitation, or the volunteer's own). */
    personId: belongsTo(() => people.id),
    email: text().notNull(),
    roles: text().array().$type<Role[]>().notNull(),
    locale: text().$type<Locale>().notNull(),
    tokenHash: text().notNull().unique(),
    invitedByUserId: linkTo(() => users.id),
    createdAt: timestampNow(),
    expiresAt: timestamptz().notNull(),
    acceptedAt: timestamptz(),
    acceptedByUserId: linkTo(() => users.id),
    declinedAt: timestamptz(),
  },
  (t) => [
    check('invitations_email_lower', sql`${t.email} = lower(${t.email})`),
    check('invitations_roles', sql`cardinality(${t.roles}) > 0`),
    index('invitations_org_person').on(t.organisationId, t.personId),
  ],
);

/** Personal access tokens for the JSON API, each scoped to one organisation. */
export const accessTokens = pgTable(
  'access_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull().unique(),
    userId: belongsTo(() => users.id),
    organisationId: belongsTo(() => organisations.id),
    name: text().notNull(),
    createdAt: timestampNow(),
    expiresAt: timestamptz(),
    lastUsedAt: timestamptz(),
    revokedAt: timestamptz(),
  },
  (t) => [index('access_tokens_user').on(t.userId)],
);
