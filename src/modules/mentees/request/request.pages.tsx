import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DistrictChoice } from '../../../core/tenancy/district-choice.js';
import { z } from 'zod';
import type { ModuleContext } from '../../../app.js';
import { AppError, type FieldErrors } from '../../../core/http/errors.js';
import { LANG_COOKIE } from '../../../core/http/request-context.js';
import { formErrorsOf } from '../../../core/http/route-helpers.js';
import { appSecret } from '../../../core/http/secrets.js';
import { fieldErrors, orgSlug } from '../../../core/http/validation.js';
import { isLocale, translator } from '../../../core/i18n/index.js';
import { sendPage, type FormState } from '../../../core/ui/index.js';
import type { PublicOrganisation } from '../../volunteers/application/application.repository.js';
import { checkFormToken, issueFormToken } from '../../volunteers/application/form-token.js';
import { formFieldErrors, languageRowsFor } from '../intake/intake-form.js';
import { RequestInput, requestFromForm } from './request.schemas.js';
import { getRequestForm, submitRequest } from './request.service.js';
import { RequestFormView, RequestThanksView } from './views/request-form.js';

const SlugParams = z.object({ slug: orgSlug() });

function slugOf(req: FastifyRequest): string {
  const parsed = SlugParams.safeParse(req.params);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  return parsed.data.slug;
}

/**
 * A visitor who has not chosen a language (no `?lang=`, no cookie, no Accept-Language) sees the organisation's
 * language, as on the organisation's page and its volunteer application.
 */
function useOrganisationLanguage(req: FastifyRequest, org: PublicOrganisation) {
  const chosen = (req.query as { lang?: string } | undefined)?.lang ?? req.cookies[LANG_COOKIE];
  if (!isLocale(chosen) && !req.headers['accept-language'] && isLocale(org.defaultLocale)) {
    req.locale = org.defaultLocale;
    req.t = translator(org.defaultLocale);
  }
}

/**
 * The public request for support: /o/:slug/request (form, no account) and its thank-you page. Spam protection as on
 * the volunteer application, with its helpers: honeypot, signed minimum fill time and maximum age, one-time form
 * token, rate limit. The token key is this form's own, so a volunteer form's token is not accepted here.
 */
export function requestPages({ app, db, config }: ModuleContext) {
  let key: Promise<string> | undefined;
  const formKey = () => (key ??= appSecret(db, 'mentee-request-hmac'));
  const limited = { max: config.authRateLimit, timeWindow: '1 minute' };

  const formPage = async (req: FastifyRequest, reply: FastifyReply, org: PublicOrganisation, districts: DistrictChoice, form: FormState, token: string | null, rows: number, status = 200) => {
    const formToken = token ?? issueFormToken(await formKey(), org.id);
    return sendPage(req, reply, (c) => c.t('mentees.request.title', { organisation: org.name }), (ctx) => <RequestFormView ctx={ctx} org={org} districts={districts} form={form} formToken={formToken} languageRows={rows} />, status);
  };

  app.get('/o/:slug/request', { config: { access: 'public' } }, async (req, reply) => {
    const { org, districts } = await getRequestForm(db, slugOf(req));
    useOrganisationLanguage(req, org);
    return formPage(req, reply, org, districts, { values: { locale: req.locale }, errors: {} }, null, languageRowsFor(0, 1));
  });

  app.post('/o/:slug/request', { config: { access: 'public', rateLimit: limited } }, async (req, reply) => {
    const { org, districts } = await getRequestForm(db, slugOf(req));
    useOrganisationLanguage(req, org);
    const { _csrf, _form, _add, website, ...body } = (req.body ?? {}) as Record<string, unknown>;
    const { input, values } = requestFromForm(body);
    const filled = Number(values.languageRows);
    const again = (errors: FieldErrors, token: string | null, status: number) => formPage(req, reply, org, districts, { values, errors }, token, languageRowsFor(filled, 1), status);

    const check = checkFormToken(await formKey(), org.id, _form);
    const genuine = check.ok || check.reason === 'tooFast';
    // "Add a language" (works without JavaScript): the same form with one more row; nothing is checked or written.
    if (_add === 'language' && genuine) return formPage(req, reply, org, districts, { values, errors: {} }, String(_form), languageRowsFor(filled, 2));
    if (!check.ok) return again({ _form: { key: `volunteers.application.spam.${check.reason}` } }, genuine ? String(_form) : null, 422);
    const token = String(_form);
    if (typeof website !== 'string' || website !== '') return again({ website: { key: 'volunteers.application.spam.honeypot' } }, token, 422);

    const parsed = RequestInput.safeParse(input);
    if (!parsed.success) return again(formFieldErrors(fieldErrors(parsed.error)), token, 422);
    try {
      await submitRequest(db, org, parsed.data, req.locale, check.nonce, { requestId: req.id, baseUrl: config.baseUrl });
      return reply.redirect(`/o/${org.slug}/request/thanks?lang=${req.locale}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT') return again({ _form: { key: err.messageKey } }, null, 409);
      const errors = formErrorsOf(err);
      if (!errors) throw err;
      return again(errors, token, 422);
    }
  });

  app.get('/o/:slug/request/thanks', { config: { access: 'public' } }, async (req, reply) => {
    const { org } = await getRequestForm(db, slugOf(req));
    useOrganisationLanguage(req, org);
    return sendPage(req, reply, (c) => c.t('mentees.request.thanks.title'), (ctx) => <RequestThanksView ctx={ctx} org={org} />);
  });
}
