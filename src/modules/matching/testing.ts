/**
 * Test-only entry of the matching module: the helpers other modules' tests use to build their data (re-exported from
 * where they live). Only test files may import it.
 * The venues and introductions kit (world, signedIn, createVolunteer, createMentee, createVenue, createMatch …):
 */
export * from './introductions/test-helpers.js';
// The suggestions kit (test-helpers.ts) seeds full matching profiles; its two creators under their own names here.
export { createMentee as createSeededMentee, createVolunteer as createSeededVolunteer } from './test-helpers.js';
