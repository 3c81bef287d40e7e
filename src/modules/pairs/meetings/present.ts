import type { z } from 'zod';
import type { CommentRow, MeetingRow, PairRow } from './meetings.repository.js';
import type { CommentOutput, MeetingOutput, PairOutput } from './meetings.schemas.js';

/** The JSON API's view of the meeting log's rows: what the output schemas document, no organisation ids or loggers. */

export function presentComment(c: CommentRow): CommentOutput {
  return { id: c.id, meetingId: c.meetingId, body: c.body, authorName: c.authorName, createdAt: c.createdAt.toISOString() };
}

export function presentMeeting(m: MeetingRow, comments: readonly CommentRow[] = []): MeetingOutput {
  return {
    id: m.id,
    matchId: m.matchId,
    menteeGivenName: m.menteeGivenName,
    meetingDate: m.meetingDate,
    minutes: m.minutes,
    place: m.place,
    activity: m.activity,
    note: m.note,
    worry: m.worry,
    createdAt: m.createdAt.toISOString(),
    comments: comments.map(presentComment),
  };
}

/** A meeting with its comments, as the services return them. */
export const presentLogged = (m: MeetingRow & { comments: CommentRow[] }) => presentMeeting(m, m.comments);

export function presentPair(p: PairRow): z.infer<typeof PairOutput> {
  return {
    id: p.id,
    status: p.status,
    startedAt: p.startedAt.toISOString(),
    programmeId: p.programmeId,
    coordinatorUserId: p.coordinatorUserId,
    volunteer: { id: p.volunteerId, givenName: p.volunteerGivenName, familyName: p.volunteerFamilyName },
    mentee: { id: p.menteeId, givenName: p.menteeGivenName, familyName: p.menteeFamilyName },
  };
}
