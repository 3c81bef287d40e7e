import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { sendPdf } from '../../volunteers/index.js';
import { myCertificate } from './certificate.service.js';
import { meetingsPolicy } from './meetings.policy.js';
import { DEFAULT_DURATION } from './meetings.schemas.js';
import { logForm, logMeeting, myMeetings } from './meetings.service.js';
import { LogFormView } from './views/log-form.js';
import { MyMeetingsView } from './views/my-meetings.js';

/** The volunteer's own meeting pages: history and totals, the fast log, the hours certificate. */
export function meetingsPages({ app, db }: ModuleContext) {
  const self = { access: { roles: meetingsPolicy.roles('self') } };

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

  // The service parses the posted form itself (its schema needs the pairs the volunteer follows).
  app.post('/me/meetings', { config: self }, async (req, reply) =>
    submitForm(req, reply, {
      view: (form, status) => formPage(req, reply, form, status),
      action: (body) => logMeeting(db, actorOf(req), body, req.locale),
      success: ({ concernId }) => ({ flash: concernId ? 'pairs.meetings.flash.savedWithWorry' : 'pairs.meetings.flash.saved', redirect: '/me/meetings' }),
    }),
  );

  app.get('/me/meetings/certificate.pdf', { config: self }, async (req, reply) => sendPdf(reply, await myCertificate(db, actorOf(req), req.query)));
}
