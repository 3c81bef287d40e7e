/** Every table, for drizzle-kit and for typed queries. Feature modules add their `*.table.ts` here. */
export * from '../tenancy/tenancy.table.js';
export * from '../auth/auth.table.js';
export * from '../audit/audit.table.js';
export * from '../mail/mail.table.js';
export * from '../jobs/jobs.table.js';
export * from '../http/http.table.js';
export * from '../../modules/volunteers/volunteers.table.js';
export * from '../../modules/mentees/mentees.table.js';
export * from '../../modules/matching/matching.table.js';
export * from '../../modules/pairs/pairs.table.js';
