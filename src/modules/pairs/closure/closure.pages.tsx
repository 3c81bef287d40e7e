import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { pairsPolicy } from '../pairs.policy.js';
import { CloseInput } from './closure.schemas.js';
import { closeFormData, closeMatch, type ClosureDeps } from './closure.service.js';
import { CloseFormView } from './views/close-form.js';

/** /pairs/:matchId/close: the form, and ending the pair (422 with the form again on bad input, nothing written). */
export function closurePages({ app, db, config }: ModuleContext) {
  const access = { access: { roles: pairsPolicy.roles('close') } };
  const deps: ClosureDeps = { db, baseUrl: config.baseUrl, mailFrom: config.mailFrom };

  const formPage = async (req: FastifyRequest, reply: FastifyReply, matchId: string, form: (version: number) => FormState, status = 200) => {
    const data = await closeFormData(db, actorOf(req), matchId);
    const volunteer = `${data.match.volunteer.givenName} ${data.match.volunteer.familyName}`;
    const mentee = `${data.match.mentee.givenName} ${data.match.mentee.familyName}`;
    return sendPage(req, reply, (c) => c.t('pairs.closure.title', { volunteer, mentee }), (ctx) => <CloseFormView ctx={ctx} form={form(data.match.version)} data={data} />, status);
  };

  app.get('/pairs/:matchId/close', { config: access }, async (req, reply) =>
    formPage(req, reply, idParam(req, 'matchId'), (version) => emptyForm({ version, returnChoice: 'auto', sendThanks: 'true' })),
  );

  app.post('/pairs/:matchId/close', { config: access }, async (req, reply) => {
    const matchId = idParam(req, 'matchId');
    return submitForm(req, reply, {
      schema: CloseInput,
      view: (form, status) => formPage(req, reply, matchId, () => form, status),
      action: (input) => closeMatch(deps, actorOf(req), matchId, input),
      success: (closed) => {
        const outcome = closed.menteeStatus === 'waiting' || closed.menteeStatus === 'closed' ? closed.menteeStatus : 'unchanged';
        return { flash: `pairs.closure.flash.${outcome}.${closed.thanked ? 'thanked' : 'notThanked'}`, redirect: `/matching/matches/${matchId}` };
      },
    });
  });
}
