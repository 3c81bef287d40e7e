/**
 * Test-only entry of the volunteers module: the helpers other modules' tests use to build their data (re-exported from
 * where they live). Only test files may import it.
 */
export { SENDINGS_PER_EMAIL } from './application/submission-limit.js';
export { backdatedToken, errorOf, formErrorOf, formTokenOf } from './application/test-helpers.js';
export { pdfText } from './documents/pdf-text.js';
