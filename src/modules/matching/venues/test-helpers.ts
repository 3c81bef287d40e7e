import { sql } from 'drizzle-orm';
import { countRows } from '../../../core/testing/rows.js';
import type { World } from '../../../core/testing/world.js';
import { createMentee as mentee, type MenteeSeed } from '../../mentees/testing.js';
import { createVolunteer as volunteer, type VolunteerSeed } from '../../volunteers/testing.js';

/** Test-only helpers of matching settings and introductions: two organisations on a fresh app (core's world). */
export { auditEntries, countRows } from '../../../core/testing/rows.js';
export { fieldError, flashOn } from '../../../core/testing/html.js';
export { anonymous, createProgramme, signedIn, tokenFor, world, useWorld, type SmtpWorld, type World } from '../../../core/testing/world.js';

/** Audit entries about settings (districts, venues, programmes, and records a rename moved), not sign-ins. */
export const settingsAudits = (w: World) => countRows(w, 'audit_log', sql`entity in ('district', 'venue', 'programme', 'volunteer', 'mentee')`);

/** An active volunteer (Zofia Wiśniewska<n>, Polish). */
export const activeVolunteer = (w: World, opts: VolunteerSeed = {}) => volunteer(w, { stage: 'active', ...opts });

/** A matched person (Олена Коваленко<n>, Ukrainian) needing language practice. */
export const matchedMentee = (w: World, opts: MenteeSeed = {}) => mentee(w, { status: 'matched', locale: 'uk', needs: ['language_practice'], ...opts });
