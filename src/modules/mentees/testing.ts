/**
 * Test-only entry of the mentees module: the helpers other modules' tests use to build their data (re-exported from
 * where they live). Only test files may import it.
 */
export { decodeMail } from './test-helpers.js';
