export * from '../venues/test-helpers.js';
export { header, icsProp, mimePart } from '../../../core/testing/mail.js';
export { startSmtp } from '../../../core/testing/smtp.js';
export { createMatch, createVenue } from '../testing.js';
export { clockChanges } from '../../../core/testing/clock.js';

/** "YYYYMMDDTHHMMSSZ" of a date and UTC time. */
export const stamp = (date: string, hhmm: string) => `${date.replaceAll('-', '')}T${hhmm.replace(':', '')}00Z`;
