import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { sendPage, type FormState } from '../../../core/ui/index.js';
import { sendPdf } from '../../volunteers/index.js';
import { staffCertificate } from './certificate.service.js';
import { meetingsPolicy } from './meetings.policy.js';
import { CommentInput } from './meetings.schemas.js';
import { commentOnMeeting, pairLog, pairsOverview } from './pairs.service.js';
import { fullName } from './views/labels.js';
import { PairLogView } from './views/pair-log.js';
import { PairsListView } from './views/pairs-list.js';
import { allowed } from '../../../core/policy.js';

/** Staff pages of the meeting logs: the pairs I follow, one pair's log with comments, a volunteer's certificate. */
export function pairsPages({ app, db }: ModuleContext) {
  const follow = { access: { roles: meetingsPolicy.roles('follow') } };
  const certificate = { access: { roles: meetingsPolicy.roles('certificate') } };

  app.get('/pairs', { config: follow }, async (req, reply) => {
    const data = await pairsOverview(db, actorOf(req));
    return sendPage(req, reply, (c) => c.t('pairs.meetings.pairs.title'), (ctx) => <PairsListView ctx={ctx} pairs={data.pairs} timeZone={data.timeZone} all={data.all} />);
  });

  const logPage = async (req: FastifyRequest, reply: FastifyReply, matchId: string, comment: { meetingId: string; form: FormState } | null, status = 200) => {
    const log = await pairLog(db, actorOf(req), matchId);
    const p = log.pair;
    const names = { volunteer: fullName({ givenName: p.volunteerGivenName, familyName: p.volunteerFamilyName }), mentee: fullName({ givenName: p.menteeGivenName, familyName: p.menteeFamilyName }) };
    const canCertificate = allowed(actorOf(req), meetingsPolicy, 'certificate');
    return sendPage(req, reply, (c) => c.t('pairs.meetings.log.title', names), (ctx) => <PairLogView ctx={ctx} log={log} comment={comment} canCertificate={canCertificate} />, status);
  };

  app.get('/pairs/:matchId', { config: follow }, async (req, reply) => logPage(req, reply, idParam(req, 'matchId'), null));

  app.post('/pairs/:matchId/meetings/:meetingId/comments', { config: follow }, async (req, reply) => {
    const matchId = idParam(req, 'matchId');
    const meetingId = idParam(req, 'meetingId');
    return submitForm(req, reply, {
      schema: CommentInput,
      view: (form, status) => logPage(req, reply, matchId, { meetingId, form }, status),
      action: (input) => commentOnMeeting(db, actorOf(req), matchId, meetingId, input),
      success: () => ({ flash: 'pairs.meetings.flash.commented', redirect: `/pairs/${matchId}#meeting-${meetingId}` }),
    });
  });

  app.get('/pairs/volunteers/:volunteerId/certificate.pdf', { config: certificate }, async (req, reply) =>
    sendPdf(reply, await staffCertificate(db, actorOf(req), idParam(req, 'volunteerId'), req.query)),
  );
}
