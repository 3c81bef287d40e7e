import type { ModuleContext } from '../../../core/module.js';
import { apiDoc } from '../../../core/http/api.js';
import { AppError } from '../../../core/http/errors.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { meetingsPolicy } from './meetings.policy.js';
import { LoggedMeetingOutput, MeetingBody, MyMeetingsOutput } from './meetings.schemas.js';
import { logMeeting, myMeetings } from './meetings.service.js';
import { presentLogged, presentMeeting } from './present.js';

/** JSON API of the volunteer's own meeting log (/me/meetings): same schema and services as the pages. */
export function meetingsApi({ app, db }: ModuleContext) {
  const self = { access: { roles: meetingsPolicy.roles('self') } };

  app.get(
    '/api/v1/me/meetings',
    { config: self, schema: apiDoc({ summary: 'My meeting log: my active pairs, my meetings (newest first) with staff comments, and totals this month, this year and in all', tag: 'pairs', response: { 200: MyMeetingsOutput } }) },
    async (req) => {
      const me = await myMeetings(db, actorOf(req));
      // Without a volunteer record there is no log to show (the page says so in words).
      if (!me) throw new AppError('NOT_FOUND');
      return { today: me.today, timeZone: me.timeZone, pairs: me.pairs, meetings: me.meetings.map(presentLogged), totals: me.totals };
    },
  );

  app.post(
    '/api/v1/me/meetings',
    {
      config: self,
      schema: apiDoc({
        summary: 'Log a meeting with one of my pairs (`minutes` wins over `duration`); with `worry`, a concern is opened for the staff',
        tag: 'pairs',
        body: MeetingBody,
        response: { 201: LoggedMeetingOutput },
        example: { body: { matchId: '0b6f5a4e-3c1d-4e8f-9a2b-7c6d5e4f3a2b', meetingDate: '2026-11-30', duration: '60', activity: 'language_practice', place: 'Biblioteka Miejska', note: 'Ćwiczyłyśmy rozmowę u lekarza.', worry: false } },
      }),
    },
    async (req, reply) => {
      const { meeting, concernId } = await logMeeting(db, actorOf(req), req.body ?? {}, req.locale);
      return reply.status(201).send({ ...presentMeeting(meeting), concernId });
    },
  );
}
