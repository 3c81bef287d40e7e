import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DistrictChoice } from '../../../core/tenancy/district-choice.js';
import { z } from 'zod';
import type { ModuleContext } from '../../../core/module.js';
import type { FieldErrors } from '../../../core/http/errors.js';
import { LANG_COOKIE } from '../../../core/http/request-context.js';
import { FormRefused, submitForm } from '../../../core/http/form.js';
import { routeParams } from '../../../core/http/route-helpers.js';
import { appSecret } from '../../../core/http/secrets.js';
import { orgSlug } from '../../../core/http/validation.js';
import { isLocale, translator } from '../../../core/i18n/index.js';
import { sendPage, type FormState } from '../../../core/ui/index.js';
import type { PublicOrganisation } from '../../volunteers/index.js';
import { checkFormToken, issueFormToken, countPost, countSending, languageRowsShown, MAX_LANGUAGES } from '../../volunteers/index.js';
import { formFieldErrors, languageRowsFor } from '../intake/intake-form.js';
import { RequestInput, requestFromForm } from './request.schemas.js';
import { getRequestForm, statusPath, submitRequest } from './request.service.js';
import { requestStatus } from './status.service.js';
import { RequestFormView, RequestThanksView } from './views/request-form.js';
import { RequestStatusView } from './views/request-status.js';

const SlugParams = z.object({ slug: orgSlug() });
const StatusParams = z.object({ slug: orgSlug(), token: z.string().max(100) });

const slugOf = (req: FastifyRequest): string => routeParams(req, SlugParams).slug;

/**
 * A visitor who has not chosen a language (no `?lang=`, no cookie, no Accept-Language) sees the organisation's
 * language, as on the organisation's page and its volunteer application.
 */
function useOrganisationLanguage(req: FastifyRequest, org: PublicOrganisation) {
  const chosen = (req.query as { lang?: string } | undefined)?.lang ?? req.cookies[LANG_COOKIE];
  if (!isLocale(chosen) && !req.headers['accept-language']) {
    req.locale = org.locale;
    req.t = translator(org.locale);
  }
}

/**
 * The public request for support: /o/:slug/request (form, no account) and its thank-you page. Spam protection as on
 * the volunteer application, with its helpers: honeypot, signed minimum fill time and maximum age, one-time form
 * token, the limits of volunteers/application/submission-limit.ts (429: the form again with what was typed). The token key is this form's own, so a volunteer form's token is not accepted here.
 */
export function requestPages({ app, db, config }: ModuleContext) {
  let key: Promise<string> | undefined;
  const formKey = () => (key ??= appSecret(db, 'mentee-request-hmac'));

  const formPage = async (req: FastifyRequest, reply: FastifyReply, org: PublicOrganisation, districts: DistrictChoice, form: FormState, token: string | null, rows: number, status = 200) => {
    const formToken = token ?? issueFormToken(await formKey(), org.id);
    return sendPage(req, reply, (c) => c.t('mentees.request.title', { organisation: org.name }), (ctx) => <RequestFormView ctx={ctx} org={org} districts={districts} form={form} formToken={formToken} languageRows={rows} />, status);
  };

  app.get('/o/:slug/request', { config: { access: 'public' } }, async (req, reply) => {
    const { org, districts } = await getRequestForm(db, slugOf(req));
    useOrganisationLanguage(req, org);
    return formPage(req, reply, org, districts, { values: { locale: req.locale, preferredVolunteerGender: 'any' }, errors: {} }, null, languageRowsFor(0, 1));
  });

  app.post('/o/:slug/request', { config: { access: 'public' } }, async (req, reply) => {
    const { org, districts } = await getRequestForm(db, slugOf(req));
    useOrganisationLanguage(req, org);
    const { _csrf, _form, _add, website, ...body } = (req.body ?? {}) as Record<string, unknown>;
    const { input, values } = requestFromForm(body);
    const filled = Number(values.languageRows);
    const again = (errors: FieldErrors, token: string | null, status: number) => formPage(req, reply, org, districts, { values, errors }, token, languageRowsFor(filled, 1), status);

    const check = checkFormToken(await formKey(), org.id, _form);
    const genuine = check.ok || check.reason === 'tooFast';
    const flood = await countPost(db, 'request', org.id, req.ip);
    if (flood) return again({ _form: { key: 'volunteers.application.spam.busyNetwork', params: flood } }, genuine ? String(_form) : null, 429);
    // "Add a language" (works without JavaScript): the same form with one more row; nothing is checked or written.
    // One row more than the form showed (the page opens at the first empty row: the button posts to #language-new).
    if (_add === 'language' && genuine) return formPage(req, reply, org, districts, { values, errors: {} }, String(_form), Math.min(MAX_LANGUAGES, Math.max(languageRowsFor(filled, 2), languageRowsShown(body) + 1)));
    if (!check.ok) return again({ _form: { key: `volunteers.application.spam.${check.reason}` } }, genuine ? String(_form) : null, 422);
    const token = String(_form);
    if (typeof website !== 'string' || website !== '') return again({ website: { key: 'volunteers.application.spam.honeypot' } }, token, 422);

    return submitForm(req, reply, {
      schema: RequestInput,
      input,
      values,
      inputErrors: formFieldErrors,
      view: (form, status) => again(form.errors, token, status),
      action: async (request) => {
        const tooMany = await countSending(db, 'request', org.id, check.nonce, request.email);
        if (tooMany) throw new FormRefused({ _form: { key: 'volunteers.application.spam.rateLimited', params: tooMany } }, 429);
        return submitRequest(db, org, request, req.locale, check.nonce, { requestId: req.id, baseUrl: config.baseUrl });
      },
      // The thank-you page is the request's own status page, so someone without e-mail can keep the link too.
      success: ({ statusToken }) => ({ redirect: `${statusPath(org.slug, statusToken, req.locale)}&sent=1` }),
      // A replayed form token: the form again with a fresh one.
      conflict: (err) => again({ _form: { key: err.messageKey } }, null, 409),
    });
  });

  /**
   * Where a request stands, for whoever holds the private link (mailed, and shown after sending). Any wrong, old
   * or other organisation's link gets the same "not found" page; the page shows nothing about volunteers, is not
   * cached, and tells search engines to keep away.
   */
  app.get('/o/:slug/request/status/:token', { config: { access: 'public' } }, async (req, reply) => {
    const params = routeParams(req, StatusParams, 'mentees.request.status.invalid');
    const { org } = await getRequestForm(db, params.slug);
    useOrganisationLanguage(req, org);
    const status = await requestStatus(db, org, params.token);
    const sent = (req.query as { sent?: string } | undefined)?.sent === '1';
    const link = `${config.baseUrl}${statusPath(org.slug, params.token, req.locale)}`;
    reply.header('X-Robots-Tag', 'noindex, nofollow');
    return sendPage(req, reply, (c) => c.t(sent ? 'mentees.request.thanks.title' : 'mentees.request.status.title'), (ctx) => <RequestStatusView ctx={ctx} org={org} s={status} sent={sent} link={link} />);
  });

  app.get('/o/:slug/request/thanks', { config: { access: 'public' } }, async (req, reply) => {
    const { org } = await getRequestForm(db, slugOf(req));
    useOrganisationLanguage(req, org);
    return sendPage(req, reply, (c) => c.t('mentees.request.thanks.title'), (ctx) => <RequestThanksView ctx={ctx} org={org} />);
  });
}
