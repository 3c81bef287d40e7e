/**
 * Core's tables, for typed queries. Feature modules keep their tables in their own `*.table.ts` (drizzle-kit reads
 * them all through the globs in drizzle.config.ts); core never names a module's table.
 */
export * from '../tenancy/tenancy.table.js';
export * from '../tenancy/districts.table.js';
export * from '../auth/auth.table.js';
export * from '../audit/audit.table.js';
export * from '../mail/mail.table.js';
export * from '../jobs/jobs.table.js';
export * from '../http/http.table.js';
