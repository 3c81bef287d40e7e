import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { formBody, formErrorsOf } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { sendPdf } from '../../volunteers/index.js';
import { myCertificate } from './certificate.service.js';
import { meetingsPolicy } from './meetings.policy.js';
import { DEFAULT_DURATION } from './meetings.schemas.js';
import { logForm, logMeeting, myMeetings } from './meetings.service.js';
import { LogFormView } from './views/log-form.js';
import { MyMeetingsView } from './views/my-meetings.js';

/** The volunteer's own meeting pages: history and totals, the fast log, the hours certificate. */
export function meetingsPages({ app, db }: ModuleContext) {
  const self = { access: { roles: meetingsPolicy.self } };

  app.get('/me/meetings', { config: self }, async (req, reply) => {
    const me = await myMeetings(db, actorOf(req));
    return sendPage(req, reply, (c) => c.t('pairs.meetings.mine.title'), (ctx) => <MyMeetingsView ctx={ctx} me={me} />);
  });

  const formPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState | null, status = 200) => {
    const data = await logForm(db, actorOf(req));
    if (!data) return sendPage(req, reply, (c) => c.t('pairs.meetings.new.title'), (ctx) => <MyMeetingsView ctx={ctx} me={null} />, status);
    const shown = form ?? emptyForm({ meetingDate: data.today, duration: String(DEFAULT_DURATION), activity: 'conversation', matchId: data.pairs[0]?.matchId ?? '' });
    return sendPage(req, reply, (c) => c.t('pairs.meetings.new.title'), (ctx) => <LogFormView ctx={ctx} data={data} form={shown} />, status);
  };

  app.get('/me/meetings/new', { config: self }, async (req, reply) => formPage(req, reply, null));

  app.post('/me/meetings', { config: self }, async (req, reply) => {
    const body = formBody(req);
    try {
      const { concernId } = await logMeeting(db, actorOf(req), body, req.locale);
      setFlash(reply, 'success', concernId ? 'pairs.meetings.flash.savedWithWorry' : 'pairs.meetings.flash.saved');
    } catch (err) {
      const errors = formErrorsOf(err);
      if (!errors) throw err;
      return formPage(req, reply, { values: body, errors }, 422);
    }
    return reply.redirect('/me/meetings', 303);
  });

  app.get('/me/meetings/certificate.pdf', { config: self }, async (req, reply) => sendPdf(reply, await myCertificate(db, actorOf(req), req.query)));
}
