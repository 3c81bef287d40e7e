import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { getAgreementPolicy, updateAgreementPolicy } from './agreement-policy.service.js';
import { AgreementPolicyInput } from './documents.schemas.js';
import { AgreementPolicyView } from './views/agreement-policy-form.js';

/** GET|POST /volunteers/settings/agreements: the organisation's choice for agreements over 30 days. */
export function agreementPolicyPages({ app, db }: ModuleContext) {
  const access = { access: { roles: volunteersPolicy.roles('agreements') } };

  const page = async (req: FastifyRequest, reply: FastifyReply, form: FormState | null, status = 200) => {
    const shown = form ?? emptyForm({ ...(await getAgreementPolicy(db, actorOf(req))) });
    return sendPage(req, reply, (c) => c.t('volunteers.documents.policy.title'), (ctx) => <AgreementPolicyView ctx={ctx} form={shown} />, status);
  };

  app.get('/volunteers/settings/agreements', { config: access }, async (req, reply) => page(req, reply, null));

  app.post('/volunteers/settings/agreements', { config: access }, async (req, reply) =>
    submitForm(req, reply, {
      schema: AgreementPolicyInput,
      view: (form, status) => page(req, reply, form, status),
      action: (input) => updateAgreementPolicy(db, actorOf(req), input),
      success: (fields) => ({ flash: fields.length ? 'volunteers.application.settings.saved' : { kind: 'info', key: 'volunteers.application.settings.unchanged' }, redirect: '/volunteers/settings/agreements' }),
    }),
  );
}
