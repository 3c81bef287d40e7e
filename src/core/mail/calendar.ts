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

/**
 * The iCalendar text (RFC 5546 iTIP) of an invitation, its update or its cancellation: DTSTART in UTC, DURATION,
 * the organisation as ORGANIZER and the recipient as ATTENDEE. Throws if the event is invalid.
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
    title: e.summary,
    description: e.description,
    location: e.location,
    status: e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: e.organizer,
    attendees: [{ name: e.attendee.name, email: e.attendee.email, rsvp: e.method === 'REQUEST', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' }],
  });
  if (error || !value) throw error ?? new Error('could not build the calendar event');
  return value;
}

/** The address part of a From header such as `Tandem <no-reply@tandem.local>`. */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();
}
