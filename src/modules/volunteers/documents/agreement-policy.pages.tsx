import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { fieldErrors } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { getAgreementPolicy, updateAgreementPolicy } from './agreement-policy.service.js';
import { AgreementPolicyInput } from './documents.schemas.js';
import { formBody } from './http.js';
import { AgreementPolicyView } from './views/agreement-policy-form.js';

/** Only administrators decide how the organisation concludes agreements (it departs from the law's default). */
export const POLICY_ROLES = ['administrator'] as const;

/** GET|POST /volunteers/settings/agreements: the organisation's choice for agreements over 30 days. */
export function agreementPolicyPages({ app, db }: ModuleContext) {
  const access = { access: { roles: POLICY_ROLES } };

  const page = async (req: FastifyRequest, reply: FastifyReply, form: FormState | null, status = 200) => {
    const shown = form ?? emptyForm({ ...(await getAgreementPolicy(db, actorOf(req))) });
    return sendPage(req, reply, (c) => c.t('volunteers.documents.policy.title'), (ctx) => <AgreementPolicyView ctx={ctx} form={shown} />, status);
  };

  app.get('/volunteers/settings/agreements', { config: access }, async (req, reply) => page(req, reply, null));

  app.post('/volunteers/settings/agreements', { config: access }, async (req, reply) => {
    const body = formBody(req);
    const parsed = AgreementPolicyInput.safeParse(body);
    if (!parsed.success) return page(req, reply, { values: body, errors: fieldErrors(parsed.error) }, 422);
    const fields = await updateAgreementPolicy(db, actorOf(req), parsed.data);
    setFlash(reply, fields.length ? 'success' : 'info', fields.length ? 'volunteers.application.settings.saved' : 'volunteers.application.settings.unchanged');
    return reply.redirect('/volunteers/settings/agreements', 303);
  });
}
