import { utcToZoned } from '../../../core/i18n/time-zone.js';
import type { SessionListRow } from './supervision.repository.js';
import type { SessionList, SessionListItem, SessionOutput } from './supervision.schemas.js';
import type { listSupervision, SessionView } from './supervision.service.js';

/** The API's view models of supervision sessions, from what the services return to the pages (no second read). */

const listItem = (r: SessionListRow): SessionListItem => ({
  id: r.id,
  audience: r.audience,
  startsAt: r.startsAt.toISOString(),
  minutes: r.minutes,
  place: r.place,
  onlineLink: r.onlineLink,
  facilitator: r.facilitator,
  hasRecord: r.hasRecord,
  attended: r.attended,
});

export const sessionListOutput = (view: Awaited<ReturnType<typeof listSupervision>>): SessionList => ({
  upcoming: view.upcoming.map(listItem),
  past: view.past.map(listItem),
  timeZone: view.timeZone,
});

/** A session with its wall-clock date and time and who attended, as `viewSession` gives it to the page. */
export function sessionOutput(view: SessionView): SessionOutput {
  const s = view.session;
  const present = new Set(view.attendees);
  return {
    id: s.id,
    audience: s.audience,
    startsAt: s.startsAt.toISOString(),
    ...utcToZoned(s.startsAt, view.timeZone),
    timeZone: view.timeZone,
    minutes: s.minutes,
    place: s.place,
    onlineLink: s.onlineLink,
    facilitator: s.facilitator,
    topics: s.topics,
    record: s.record,
    started: view.started,
    attendance: view.options.map((o) => ({ personId: o.personId, givenName: o.givenName, familyName: o.familyName, attended: present.has(o.personId) })),
  };
}
