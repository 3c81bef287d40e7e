import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { introductionInput } from './introductions.schemas.js';

const venueId = '3f0b6a52-6a43-4f7e-9a55-0d6f1d1f7c11';
const now = new Date('2030-01-01T00:00:00Z');
const issues = (r: ReturnType<ReturnType<typeof introductionInput>['safeParse']>) => (r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), (i as { params?: { key?: string } }).params?.key ?? i.code]));

describe('introductionInput', () => {
  it('reads the date and time in the organisation’s own zone', () => {
    const form = { venueId, date: '2030-07-01', time: '10:00', minutes: '60' };
    assert.equal(introductionInput('Europe/Warsaw', now).parse(form).startsAt.toISOString(), '2030-07-01T08:00:00.000Z');
    assert.equal(introductionInput('Europe/London', now).parse(form).startsAt.toISOString(), '2030-07-01T09:00:00.000Z');
    assert.equal(introductionInput('Europe/Warsaw', now).parse({ ...form, date: '2030-11-01' }).startsAt.toISOString(), '2030-11-01T09:00:00.000Z');
  });

  it('refuses the hour skipped by the spring clock change, the past, and lengths outside 15–480', () => {
    assert.deepEqual(issues(introductionInput('Europe/Warsaw', now).safeParse({ venueId, date: '2030-03-31', time: '02:30', minutes: '60' })), [['time', 'matching.introductions.validation.timeSkipped']]);
    assert.deepEqual(issues(introductionInput('Europe/Warsaw', now).safeParse({ venueId, date: '2029-12-31', time: '23:00', minutes: '60' })), [['date', 'matching.introductions.validation.past']]);
    for (const minutes of ['14', '481', '1.5', '-20', 'x']) assert.deepEqual(issues(introductionInput('Europe/Warsaw', now).safeParse({ venueId, date: '2030-05-05', time: '10:00', minutes })), [['minutes', 'matching.introductions.validation.minutes']], minutes);
    assert.equal(introductionInput('Europe/Warsaw', now).parse({ venueId, date: '2030-05-05', time: '10:00', minutes: 480, note: '  ' }).note, null);
  });

  it('“schedule anyway” needs a short reason; without the tick a typed reason is not kept', () => {
    const form = { venueId, date: '2030-05-06', time: '22:00', minutes: '60' };
    assert.deepEqual(issues(introductionInput('Europe/Warsaw', now).safeParse({ ...form, outsideHours: 'true', outsideHoursReason: ' ' })), [['outsideHoursReason', 'matching.introductions.validation.overrideReason']]);
    assert.equal(introductionInput('Europe/Warsaw', now).parse({ ...form, outsideHours: 'true', outsideHoursReason: 'Otwierają dla nas' }).outsideHoursReason, 'Otwierają dla nas');
    assert.equal(introductionInput('Europe/Warsaw', now).parse({ ...form, outsideHoursReason: 'Otwierają dla nas' }).outsideHoursReason, null);
  });
});
