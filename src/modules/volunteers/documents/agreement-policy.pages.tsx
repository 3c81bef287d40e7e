import type { ModuleContext } from '../../../core/module.js';
import { settingsPage } from '../../../core/http/settings-page.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { getAgreementPolicy, updateAgreementPolicy } from './agreement-policy.service.js';
import { AgreementPolicyInput } from './documents.schemas.js';
import { AgreementPolicyView } from './views/agreement-policy-form.js';

/** GET|POST /volunteers/settings/agreements: the organisation's choice for agreements over 30 days. */
export function agreementPolicyPages({ app, db }: ModuleContext) {
  settingsPage(app, '/volunteers/settings/agreements', {
    access: { roles: volunteersPolicy.roles('agreements') },
    title: 'volunteers.documents.policy.title',
    load: (req) => getAgreementPolicy(db, actorOf(req)),
    view: (ctx, form) => <AgreementPolicyView ctx={ctx} form={form} />,
    schema: AgreementPolicyInput,
    save: (req, input) => updateAgreementPolicy(db, actorOf(req), input),
    saved: 'volunteers.application.settings.saved',
    unchanged: 'volunteers.application.settings.unchanged',
  });
}
