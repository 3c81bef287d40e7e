import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addressOf, calendarInvitation } from '../../../core/mail/calendar.js';
import { decodePlace, encodePlace } from './place.js';
import { checkStatus, safeguardingStatus } from './safeguarding-status.js';
import { reminderAt } from './safeguarding.service.js';
import { kindsFor } from './screening.schemas.js';
import { addDays, addMonths, daysBetween, todayIn, utcToZoned, zonedToUtc } from '../../../core/i18n/time-zone.js';

const isoDay = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('safeguardingStatus', () => {
  it('is missing without checks, expired on and after the renewal date, expiring within 30 days, else valid', () => {
    assert.equal(safeguardingStatus([], '2026-05-01'), 'missing');
    assert.equal(safeguardingStatus([{ renewBy: '2026-05-01' }], '2026-05-01'), 'expired', 'renew_by = today is expired (volunteerFacts uses renew_by > today)');
    assert.equal(safeguardingStatus([{ renewBy: '2026-04-30' }], '2026-05-01'), 'expired');
    assert.equal(safeguardingStatus([{ renewBy: '2026-05-02' }], '2026-05-01'), 'expiring');
    assert.equal(safeguardingStatus([{ renewBy: '2026-05-31' }], '2026-05-01'), 'expiring');
    assert.equal(safeguardingStatus([{ renewBy: '2026-06-01' }], '2026-05-01'), 'valid');
    assert.equal(safeguardingStatus([{ renewBy: '2026-06-01' }], '2026-05-01', 60), 'expiring', 'the reminder period of the organisation');
  });

  it('a renewed check replaces an expired one, whatever the order', () => {
    assert.equal(safeguardingStatus([{ renewBy: '2020-01-01' }, { renewBy: '2031-01-01' }], '2026-05-01'), 'valid');
    assert.equal(safeguardingStatus([{ renewBy: '2031-01-01' }, { renewBy: '2020-01-01' }], '2026-05-01'), 'valid');
  });

  it('property: expired exactly when no check has renew_by after today (the rule that blocks matches with minors)', () => {
    fc.assert(
      fc.property(fc.array(isoDay.map((renewBy) => ({ renewBy })), { maxLength: 5 }), isoDay, (checks, today) => {
        const status = safeguardingStatus(checks, today);
        const anyValid = checks.some((c) => c.renewBy > today);
        if (checks.length === 0) return status === 'missing';
        return (status === 'expired') === !anyValid && (status === 'valid' || status === 'expiring') === anyValid;
      }),
    );
  });

  it('checkStatus agrees with safeguardingStatus for a single check', () => {
    fc.assert(fc.property(isoDay, isoDay, (renewBy, today) => checkStatus(renewBy, today) === safeguardingStatus([{ renewBy }], today)));
  });
});

describe('time in the organisation time zone (Europe/Warsaw)', () => {
  it('converts wall-clock times to UTC in winter and summer', () => {
    assert.equal(zonedToUtc('2027-01-15', '10:00')!.toISOString(), '2027-01-15T09:00:00.000Z');
    assert.equal(zonedToUtc('2027-07-15', '10:00')!.toISOString(), '2027-07-15T08:00:00.000Z');
    assert.equal(zonedToUtc('2027-03-27', '10:00')!.toISOString(), '2027-03-27T09:00:00.000Z', 'the day before clocks go forward');
    assert.equal(zonedToUtc('2027-03-28', '10:00')!.toISOString(), '2027-03-28T08:00:00.000Z', 'the day clocks go forward');
  });

  it('refuses the skipped hour and takes the earlier of the repeated hour', () => {
    assert.equal(zonedToUtc('2027-03-28', '02:30'), null);
    assert.equal(zonedToUtc('2027-10-31', '02:30')!.toISOString(), '2027-10-31T00:30:00.000Z');
  });

  it('round-trips every existing wall-clock time', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2080, 0, 1) }), (ms) => {
        const instant = new Date(Math.floor(ms / 60_000) * 60_000);
        const { date, time } = utcToZoned(instant);
        const back = zonedToUtc(date, time)!;
        // In the repeated hour, the earlier instant is chosen.
        return back.getTime() === instant.getTime() || back.getTime() === instant.getTime() - 3_600_000;
      }),
    );
  });

  it('adds months (clamped to the month end) and days', () => {
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2026-05-10', 60), '2031-05-10');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(daysBetween('2026-05-01', '2026-05-31'), 30);
    assert.equal(todayIn('Europe/Warsaw', new Date('2026-12-31T23:30:00Z')), '2027-01-01', 'after 23:00 UTC on New Year’s Eve it is already the next day in Warsaw');
  });

  it('sends the reminder at 08:00 Warsaw time, reminderDays before the renewal date', () => {
    assert.equal(reminderAt('2031-07-31', 30).toISOString(), '2031-07-01T06:00:00.000Z');
  });
});

describe('interview calendar event', () => {
  const base = {
    product: 'tandem/interviews',
    uid: 'abc-123@tandem.test',
    sequence: 0,
    method: 'REQUEST' as const,
    startsAt: new Date('2027-03-28T08:00:00Z'),
    minutes: 90,
    summary: 'Rozmowa; wolontariat, Łódź',
    description: 'Line one\nline two',
    location: 'ul. Piotrkowska 1, Łódź',
    organizer: { name: 'Stowarzyszenie Łączy Nas', email: 'no-reply@tandem.local' },
    attendee: { name: 'Оксана Коваленко', email: 'oksana@example.org' },
  };

  it('has METHOD, UID, SEQUENCE, DTSTART in UTC, DURATION, escaped text, ORGANIZER and ATTENDEE', () => {
    const ics = calendarInvitation(base).replace(/\r\n[ \t]/g, '');
    assert.match(ics, /^BEGIN:VCALENDAR/);
    assert.match(ics, /^METHOD:REQUEST\r$/m);
    assert.match(ics, /^UID:abc-123@tandem\.test\r$/m);
    assert.match(ics, /^SEQUENCE:0\r$/m);
    assert.match(ics, /^DTSTART:20270328T080000Z\r$/m);
    assert.match(ics, /^DURATION:PT1H30M\r$/m);
    assert.match(ics, /^SUMMARY:Rozmowa\\; wolontariat\\, Łódź\r$/m);
    assert.match(ics, /^DESCRIPTION:Line one\\nline two\r$/m);
    assert.match(ics, /^ORGANIZER;CN="Stowarzyszenie Łączy Nas":MAILTO:no-reply@tandem\.local\r$/m);
    assert.match(ics, /^ATTENDEE;.*CN="Оксана Коваленко":mailto:oksana@example\.org\r$/m);
    assert.match(ics, /^STATUS:CONFIRMED\r$/m);
  });

  it('a cancellation keeps the UID, raises SEQUENCE and says METHOD:CANCEL', () => {
    const ics = calendarInvitation({ ...base, method: 'CANCEL', sequence: 2 });
    assert.match(ics, /^METHOD:CANCEL\r$/m);
    assert.match(ics, /^STATUS:CANCELLED\r$/m);
    assert.match(ics, /^SEQUENCE:2\r$/m);
    assert.match(ics, /^UID:abc-123@tandem\.test\r$/m);
  });

  it('reads the address of a From header', () => {
    assert.equal(addressOf('Tandem <no-reply@tandem.local>'), 'no-reply@tandem.local');
    assert.equal(addressOf('mops@example.org'), 'mops@example.org');
  });
});

describe('interview place and safeguarding kinds', () => {
  it('encodes and decodes the place unambiguously', () => {
    for (const p of [{ mode: 'in_person' as const, address: 'ul. Długa 5' }, { mode: 'phone' as const }, { mode: 'video' as const, link: 'https://meet.example.org/abc' }]) {
      assert.deepEqual(decodePlace(encodePlace(p)), p);
    }
  });

  it('asks for the checks of the organisation’s country', () => {
    assert.deepEqual(kindsFor('PL'), ['pl_sex_offenders_register', 'pl_criminal_record', 'foreign_statement', 'foreign_criminal_record', 'foreign_record_statement']);
    assert.deepEqual(kindsFor('DE'), ['de_extended_certificate']);
    assert.equal(kindsFor('CZ').length, 6);
  });
});
