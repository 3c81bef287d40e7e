import { sql } from 'drizzle-orm';
import { check, index, integer, pgPolicy, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { appRole } from '../db/rls.js';
import { timestampNow, timestamptz } from '../db/columns.js';

/**
 * The outbox: a mail is written in the same transaction as the change that causes it, and a job
 * delivers it. Without SMTP it stays here and administrators read it in the app.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    /** The bodies as sent. Not readable by the app role: they may hold a one-time link (see displayText). */
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    /** The plain-text body as staff see it under Outgoing mail: one-time links replaced by a note. */
    displayText: text().notNull().default(''),
    locale: text().notNull(),
    /** iCalendar attachment (text/calendar), when the mail invites to a meeting. */
    icsBody: text(),
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestampNow(),
    sentAt: timestamptz(),
  },
  (t) => [
    check('outbox_status', sql`${t.status} in ('pending','sent','failed','held')`),
    index('outbox_org_created').on(t.organisationId, t.createdAt),
    pgPolicy('outbox_tenant', {
      for: 'all',
      to: appRole,
      using: sql`organisation_id = app_current_org()`,
      withCheck: sql`organisation_id is not distinct from app_current_org()`,
    }),
  ],
).enableRLS();
