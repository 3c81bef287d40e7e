import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { checkInsPolicy } from './check-ins.policy.js';
import { SIDES } from './check-ins.schemas.js';
import { checkInForm, checkInsPage, recordCheckIn } from './check-ins.service.js';
import { CheckInFormView, fullName } from './views/check-in-form.js';
import { CheckInsListView } from './views/check-ins-list.js';
import { isOneOf } from '../../../core/one-of.js';

/** The check-ins of a pair and the form to record one with either side. Bad input: the form again (422), nothing written. */
export function checkInsPages({ app, db }: ModuleContext) {
  const config = { access: { roles: checkInsPolicy.roles('follow') } };

  app.get('/pairs/:matchId/check-ins', { config }, async (req, reply) => {
    const data = await checkInsPage(db, actorOf(req), idParam(req, 'matchId'));
    const names = { volunteer: fullName(data.pair.volunteer), mentee: fullName(data.pair.mentee) };
    return sendPage(req, reply, (c) => c.t('pairs.checkIns.listTitle', names), (ctx) => <CheckInsListView ctx={ctx} {...data} />);
  });

  const formPage = async (req: FastifyRequest, reply: FastifyReply, matchId: string, form: (today: string) => FormState, status = 200) => {
    const data = await checkInForm(db, actorOf(req), matchId);
    const names = { volunteer: fullName(data.pair.volunteer), mentee: fullName(data.pair.mentee) };
    return sendPage(req, reply, (c) => c.t('pairs.checkIns.newTitle', names), (ctx) => <CheckInFormView ctx={ctx} form={form(data.today)} pair={data.pair} today={data.today} />, status);
  };

  app.get('/pairs/:matchId/check-ins/new', { config }, async (req, reply) => {
    const side = String((req.query as Record<string, unknown>).side ?? '');
    return formPage(req, reply, idParam(req, 'matchId'), (today) => emptyForm({ heldOn: today, side: isOneOf(SIDES, side) ? side : '' }));
  });

  // The service parses the posted form itself (the date is checked against the pair's dates).
  app.post('/pairs/:matchId/check-ins/new', { config }, async (req, reply) => {
    const matchId = idParam(req, 'matchId');
    return submitForm(req, reply, {
      view: (form, status) => formPage(req, reply, matchId, () => form, status),
      action: (body) => recordCheckIn(db, actorOf(req), matchId, body),
      success: ({ side }) => ({ flash: `pairs.checkIns.flash.recorded.${side}`, redirect: `/pairs/${matchId}/check-ins` }),
    });
  });
}
