/**
 * The calendar file of an invitation cannot be altered by the text in it: names (CN parameters), summary, location
 * and description with line breaks, quotes and control characters stay inside their own property.
 *   node --import tsx --test src/core/mail/calendar.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarInvitation, type CalendarInvitation } from './calendar.js';

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

/**
 * A strict reader of RFC 5545 content lines: unfolds, splits at CRLF, and reads `NAME *(;PARAM=VALUE):VALUE`
 * where a quoted parameter value ends at the next `"` (the RFC has no escape inside quotes). Throws on anything
 * else, so a broken line fails the test instead of being read leniently.
 */
function contentLines(ics: string): ContentLine[] {
  assert.doesNotMatch(ics, /\r(?!\n)|(?<!\r)\n|[\u0085\u2028\u2029]/, 'no line break but CRLF');
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => {
      const name = /^[A-Za-z0-9-]+/.exec(line)?.[0];
      if (!name) throw new Error(`no property name: ${JSON.stringify(line)}`);
      let i = name.length;
      const params: Record<string, string> = {};
      while (line[i] === ';') {
        const eq = line.indexOf('=', i);
        const key = line.slice(i + 1, eq);
        if (!/^[A-Za-z0-9-]+$/.test(key)) throw new Error(`bad parameter name in ${JSON.stringify(line)}`);
        i = eq + 1;
        let value: string;
        if (line[i] === '"') {
          const close = line.indexOf('"', i + 1);
          value = line.slice(i + 1, close);
          i = close + 1;
        } else {
          value = /^[^";:,]*/.exec(line.slice(i))![0];
          i += value.length;
        }
        params[key.toUpperCase()] = value;
      }
      if (line[i] !== ':') throw new Error(`parameter not ended by ; or : in ${JSON.stringify(line)}`);
      return { name: name.toUpperCase(), params, value: line.slice(i + 1) };
    });
}

/** A parameter value as RFC 6868 decodes it. */
const decodeParam = (v: string) => v.replace(/\^(\^|'|n)/g, (_, c: string) => (c === '^' ? '^' : c === "'" ? '"' : '\n'));
/** A TEXT value as RFC 5545 decodes it. */
const decodeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

const base: CalendarInvitation = {
  product: 'tandem/interviews',
  uid: 'abc-123@tandem.test',
  sequence: 0,
  method: 'REQUEST',
  startsAt: new Date('2027-03-28T08:00:00Z'),
  minutes: 60,
  summary: 'Rozmowa',
  description: 'Opis',
  location: 'ul. Piotrkowska 1',
  organizer: { name: 'Ośrodek Alfa', email: 'no-reply@tandem.local' },
  attendee: { name: 'Оксана Коваленко', email: 'oksana@example.org' },
};
const injected = 'ATTENDEE:mailto:evil@example.org';
const PROPERTIES = ['BEGIN', 'VERSION', 'CALSCALE', 'PRODID', 'METHOD', 'X-PUBLISHED-TTL', 'UID', 'SUMMARY', 'DTSTAMP', 'DTSTART', 'DESCRIPTION', 'LOCATION', 'STATUS', 'ORGANIZER', 'ATTENDEE', 'SEQUENCE', 'DURATION', 'END'];

describe('calendar invitations keep typed text inside its property', () => {
  it('a name with CRLF, a lone CR and a double quote stays in its CN parameter: one attendee, one organiser, no new line', () => {
    const ics = calendarInvitation({
      ...base,
      attendee: { name: `Oksana\r\n${injected} "Ksenia"\rX-EVIL:1`, email: 'oksana@example.org' },
      organizer: { name: `Ośrodek\r\n${injected}\r\nX-EVIL:2 "Alfa" ^`, email: 'no-reply@tandem.local' },
    });
    const lines = contentLines(ics);
    for (const l of lines) assert.ok(PROPERTIES.includes(l.name), `unexpected property ${l.name}`);
    const attendees = lines.filter((l) => l.name === 'ATTENDEE');
    assert.equal(attendees.length, 1);
    assert.equal(attendees[0]!.value, 'mailto:oksana@example.org');
    assert.equal(decodeParam(attendees[0]!.params.CN!), `Oksana ${injected} "Ksenia" X-EVIL:1`);
    const organizers = lines.filter((l) => l.name === 'ORGANIZER');
    assert.equal(organizers.length, 1);
    assert.equal(organizers[0]!.value, 'MAILTO:no-reply@tandem.local');
    assert.equal(decodeParam(organizers[0]!.params.CN!), `Ośrodek ${injected} X-EVIL:2 "Alfa" ^`);

    const ordinary = contentLines(calendarInvitation({ ...base, attendee: { name: 'Anna Nowak-Kowalska, PhD; O’Brien', email: 'anna@example.org' } }));
    assert.equal(ordinary.find((l) => l.name === 'ATTENDEE')!.params.CN, 'Anna Nowak-Kowalska, PhD; O’Brien', 'an ordinary name is written as it was');
    assert.equal(ordinary.find((l) => l.name === 'ORGANIZER')!.params.CN, 'Ośrodek Alfa');
  });

  it('summary, location and description: every kind of line break is written as an escaped \\n, other control characters are dropped', () => {
    const ics = calendarInvitation({
      ...base,
      summary: `Rozmowa\r${injected}`,
      location: `ul. Piotrkowska 1\u2028${injected}`,
      description: `Line one\r\nline two\rline three\u0085${injected}\u0007; end, "quoted"`,
    });
    const lines = contentLines(ics);
    for (const l of lines) assert.ok(PROPERTIES.includes(l.name), `unexpected property ${l.name}`);
    assert.equal(lines.filter((l) => l.name === 'ATTENDEE').length, 1);
    const value = (name: string) => decodeText(lines.find((l) => l.name === name)!.value);
    assert.equal(value('SUMMARY'), `Rozmowa\n${injected}`);
    assert.equal(value('LOCATION'), `ul. Piotrkowska 1\n${injected}`);
    assert.equal(value('DESCRIPTION'), `Line one\nline two\nline three\n${injected}; end, "quoted"`);
  });

  it('refuses to write an e-mail address that could end the line or add a parameter', () => {
    for (const email of [`oksana@example.org\r\n${injected}`, 'oksana@example.org;X=1', 'a"b@example.org', 'oksana@example.org\u0085']) {
      assert.throws(() => calendarInvitation({ ...base, attendee: { name: 'Oksana', email } }), /plain address/, JSON.stringify(email));
      assert.throws(() => calendarInvitation({ ...base, organizer: { name: 'Alfa', email } }), /plain address/, JSON.stringify(email));
    }
  });
});
