import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import type { FieldErrors } from '../../../core/http/errors.js';
import { LANG_COOKIE } from '../../../core/http/request-context.js';
import { routeParams } from '../../../core/http/route-helpers.js';
import { appSecret } from '../../../core/http/secrets.js';
import { FormRefused, submitForm } from '../../../core/http/form.js';
import { isLocale, translator } from '../../../core/i18n/index.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import type { PublicOrganisation } from './application.repository.js';
import { ApplicationInput, fromForm, GuardianParams, languageRowsShown, MAX_LANGUAGES, SlugParams } from './application.schemas.js';
import { checkGuardianLink, confirmGuardian, getPublicForm, submitPublicApplication } from './application.service.js';
import { checkFormToken, issueFormToken } from './form-token.js';
import { countPost, countSending } from './submission-limit.js';
import { ApplicationFormView } from './views/application-form.js';
import type { DistrictChoice } from '../../../core/tenancy/district-choice.js';
import { GuardianDoneView, GuardianView, ThanksView } from './views/public-pages.js';

/** Rows of the language table: those filled in, then blank ones to fill (at least 5 rows, at most 20). */
const rowsFor = (filled: number, extra = 0) => Math.min(MAX_LANGUAGES, Math.max(5, filled + 2 + extra));

/** Errors of list items (`interests.3`, `availability.0`) belong to the list's control on the form. */
function formFieldErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, e] of Object.entries(errors)) {
    const key = name.replace(/^(interests|availability|activities|preferredAgeGroups)\.\d+$/, '$1');
    out[key] ??= e;
  }
  return out;
}

/**
 * A visitor who has not chosen a language (no `?lang=`, no cookie, no Accept-Language) sees the organisation's
 * language, as on the organisation's page.
 */
function useOrganisationLanguage(req: FastifyRequest, org: PublicOrganisation) {
  const chosen = (req.query as { lang?: string } | undefined)?.lang ?? req.cookies[LANG_COOKIE];
  if (!isLocale(chosen) && !req.headers['accept-language']) {
    req.locale = org.locale;
    req.t = translator(org.locale);
  }
}

const slugOf = (req: FastifyRequest): string => routeParams(req, SlugParams).slug;

/**
 * The public application: /o/:slug/apply (form, no account), its thank-you page, and the guardian's
 * confirmation link. Spam protection: honeypot, signed minimum fill time, one-time form token, and the limits of
 * ./submission-limit.ts (per form token and e-mail address, a flood ceiling per client address) — over a limit, the
 * form comes back with what was typed and a message, status 429.
 */
export function applicationPages({ app, db, config }: ModuleContext) {
  let key: Promise<string> | undefined;
  const formKey = () => (key ??= appSecret(db, 'form-hmac'));
  const limited = { max: config.authRateLimit, timeWindow: '1 minute' };

  const formPage = async (req: FastifyRequest, reply: FastifyReply, org: PublicOrganisation, hidden: readonly string[], districts: DistrictChoice, form: FormState, token: string | null, rows: number, status = 200) => {
    const formToken = token ?? issueFormToken(await formKey(), org.id);
    return sendPage(req, reply, (c) => c.t('volunteers.application.title', { organisation: org.name }), (ctx) => (
      <ApplicationFormView ctx={ctx} org={org} form={form} hidden={hidden} districts={districts} formToken={formToken} languageRows={rows} />
    ), status);
  };

  app.get('/o/:slug/apply', { config: { access: 'public' } }, async (req, reply) => {
    const { org, settings, districts } = await getPublicForm(db, slugOf(req));
    useOrganisationLanguage(req, org);
    return formPage(req, reply, org, settings.hiddenFields, districts, emptyForm(), null, rowsFor(0));
  });

  app.post('/o/:slug/apply', { config: { access: 'public' } }, async (req, reply) => {
    const { org, settings, districts } = await getPublicForm(db, slugOf(req));
    useOrganisationLanguage(req, org);
    const { _csrf, _form, _add, website, ...body } = (req.body ?? {}) as Record<string, unknown>;
    const { input, values } = fromForm(body);
    const filled = Number(values.languageRows);
    const again = (errors: FieldErrors, token: string | null, status: number) =>
      formPage(req, reply, org, settings.hiddenFields, districts, { values, errors }, token, rowsFor(filled), status);

    const check = checkFormToken(await formKey(), org.id, _form);
    const genuine = check.ok || check.reason === 'tooFast';
    const flood = await countPost(db, 'apply', org.id, req.ip);
    if (flood) return again({ _form: { key: 'volunteers.application.spam.busyNetwork', params: flood } }, genuine ? String(_form) : null, 429);
    // "Add a language" (works without JavaScript): the same form with one more row; nothing is checked or written.
    // One row more than the form showed (the page opens at the first empty row: the button posts to #language-new).
    if (_add === 'language' && genuine) return formPage(req, reply, org, settings.hiddenFields, districts, { values, errors: {} }, String(_form), Math.min(MAX_LANGUAGES, Math.max(rowsFor(filled, 1), languageRowsShown(body) + 1)));
    if (!check.ok) return again({ _form: { key: `volunteers.application.spam.${check.reason}` } }, genuine ? String(_form) : null, 422);
    const token = String(_form);
    if (typeof website !== 'string' || website !== '') return again({ website: { key: 'volunteers.application.spam.honeypot' } }, token, 422);

    return submitForm(req, reply, {
      schema: ApplicationInput,
      input: { ...input, locale: req.locale },
      values,
      inputErrors: formFieldErrors,
      // A refusal by the service comes with a fresh form token: the one sent was used up (not so the sending limit's).
      view: (form, status, by, err) => again(form.errors, by === 'action' && !(err instanceof FormRefused) ? null : token, status),
      action: async (application) => {
        const tooMany = await countSending(db, 'apply', org.id, check.nonce, application.email);
        if (tooMany) throw new FormRefused({ _form: { key: 'volunteers.application.spam.rateLimited', params: tooMany } }, 429);
        return submitPublicApplication(db, org, application, req.locale, check.nonce, { source: 'form', userId: null, requestId: req.id, baseUrl: config.baseUrl });
      },
      success: (done) => ({ redirect: `/o/${org.slug}/apply/thanks?lang=${req.locale}${done.awaitingGuardian ? '&guardian=1' : ''}` }),
      conflict: (err) => again({ _form: { key: err.messageKey } }, null, 409),
    });
  });

  app.get('/o/:slug/apply/thanks', { config: { access: 'public' } }, async (req, reply) => {
    const { org } = await getPublicForm(db, slugOf(req));
    useOrganisationLanguage(req, org);
    const minor = (req.query as { guardian?: string } | undefined)?.guardian === '1';
    return sendPage(req, reply, (c) => c.t('volunteers.application.thanks.title'), (ctx) => <ThanksView ctx={ctx} org={org} minor={minor} />);
  });

  const guardianParams = (req: FastifyRequest) => routeParams(req, GuardianParams, 'volunteers.application.guardian.invalid');

  app.get('/o/:slug/apply/guardian/:token', { config: { access: 'public' } }, async (req, reply) => {
    const { slug, token } = guardianParams(req);
    const { org } = await getPublicForm(db, slug);
    useOrganisationLanguage(req, org);
    const link = await checkGuardianLink(db, org, token);
    return sendPage(req, reply, (c) => c.t('volunteers.application.guardian.title'), (ctx) => <GuardianView ctx={ctx} org={org} givenName={link.givenName} token={token} />);
  });

  app.post('/o/:slug/apply/guardian/:token', { config: { access: 'public', rateLimit: limited } }, async (req, reply) => {
    const { slug, token } = guardianParams(req);
    const { org } = await getPublicForm(db, slug);
    useOrganisationLanguage(req, org);
    await confirmGuardian(db, org, token, req.locale, req.id);
    return reply.redirect(`/o/${org.slug}/apply/guardian-confirmed?lang=${req.locale}`, 303);
  });

  app.get('/o/:slug/apply/guardian-confirmed', { config: { access: 'public' } }, async (req, reply) => {
    const { org } = await getPublicForm(db, slugOf(req));
    useOrganisationLanguage(req, org);
    return sendPage(req, reply, (c) => c.t('volunteers.application.guardian.doneTitle'), (ctx) => <GuardianDoneView ctx={ctx} org={org} />);
  });
}
