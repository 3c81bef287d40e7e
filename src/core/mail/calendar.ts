import { createEvent } from 'ics';

/** One meeting as a calendar event sent by mail (interviews, introductions). */
export interface CalendarInvitation {
  /** PRODID of the calendar, e.g. `tandem/interviews`. */
  product: string;
  /** Stable per meeting (stored with it): calendars update or cancel the same event by it. */
  uid: string;
  /** 0 when first sent, one more for every later change of the same meeting. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  startsAt: Date;
  minutes: number;
  summary: string;
  description: string;
  location: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

/** What a mail about a scheduled meeting knows of it: the change it announces, the stored UID and sequence, when, and who sends it. */
export interface MeetingChange {
  change: 'new' | 'updated' | 'cancelled';
  uid: string;
  sequence: number;
  /** ISO instant. */
  startsAt: string;
  minutes: number;
  organisation: string;
  organizerEmail: string;
}

/** The calendar event of a meeting mail: new and updated meetings are a REQUEST (same UID, higher SEQUENCE), a cancelled one a CANCEL. */
export function meetingInvitation(m: MeetingChange, e: Pick<CalendarInvitation, 'product' | 'summary' | 'description' | 'location' | 'attendee'>): string {
  return calendarInvitation({
    ...e,
    uid: m.uid,
    sequence: m.sequence,
    method: m.change === 'cancelled' ? 'CANCEL' : 'REQUEST',
    startsAt: new Date(m.startsAt),
    minutes: m.minutes,
    organizer: { name: m.organisation, email: m.organizerEmail },
  });
}

/**
 * The iCalendar text (RFC 5546 iTIP) of an invitation, its update or its cancellation: DTSTART in UTC, DURATION,
 * the organisation as ORGANIZER and the recipient as ATTENDEE. Names, summary, location and description are
 * made safe first (see `calendarText` and `calendarParam` below), so no text typed by anyone can end a line and add a
 * property; an e-mail address that could is refused. Throws if the event is invalid.
 */
export function calendarInvitation(e: CalendarInvitation): string {
  const { error, value } = createEvent({
    productId: e.product,
    method: e.method,
    uid: e.uid,
    sequence: e.sequence,
    start: e.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { hours: Math.floor(e.minutes / 60), minutes: e.minutes % 60 },
    title: calendarText(e.summary),
    description: calendarText(e.description),
    location: calendarText(e.location),
    status: e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: calendarParam(e.organizer.name), email: calendarAddress(e.organizer.email) },
    attendees: [
      {
        name: calendarParam(e.attendee.name),
        email: calendarAddress(e.attendee.email),
        rsvp: e.method === 'REQUEST',
        role: 'REQ-PARTICIPANT',
        partstat: 'NEEDS-ACTION',
      },
    ],
  });
  if (error || !value) throw error ?? new Error('could not build the calendar event');
  return value;
}

/** Control characters but tab, line feed and carriage return (RFC 5545 allows none of them in a value). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/**
 * A TEXT value (SUMMARY, LOCATION, DESCRIPTION) as the `ics` library expects it: the library escapes `\`, `;` and
 * `,` and turns LF and CRLF into `\n`, but passes a lone CR (a line break to some parsers) and other control
 * characters through. So every line break becomes LF here and the other controls (but tab) are dropped.
 */
function calendarText(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(CONTROL, '');
}

/**
 * A name for a CN parameter. The library wraps it in double quotes and writes `"` as `\"`, which RFC 5545 does
 * not know (a parameter value cannot contain `"` at all: a parser ends the value there and reads on), and writes
 * the ORGANIZER line without escaping line breaks. So `^` and `"` are encoded as RFC 6868 says (`^^`, `^'`),
 * line breaks become spaces (a name is one line) and other control characters are dropped.
 */
function calendarParam(name: string): string {
  return name
    .replace(LINE_BREAKS, ' ')
    .replace(/[\t]/g, ' ')
    .replace(CONTROL, '')
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .trim();
}

/** An address for `mailto:`: one with white space, control characters, quotes or separators is refused, not written. */
function calendarAddress(address: string): string {
  if (/[\s"<>;:,\\\u0000-\u001f\u007f-\u009f]/.test(address)) throw new Error('an e-mail address in a calendar event must be a plain address');
  return address;
}

/** The address part of a From header such as `Tandem <no-reply@tandem.local>`. */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();
}
