import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { z } from 'zod';
import type { ModuleContext } from '../module.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { AppError } from '../http/errors.js';
import { FormRefused, submitForm, type FormOutcome } from '../http/form.js';
import { routeParams } from '../http/route-helpers.js';
import { Address, Checkbox, emptyForm, fieldLabels, Fields, FormPage, SubmitButton, type FieldSpec, type FormState, type PageContext, sendPage, setFlash } from '../ui/index.js';
import { ForgotInput, safeNext, SetPasswordInput, SignInInput, TotpInput } from './auth.schemas.js';
import { clearSessionCookie, setSessionCookie } from './cookies.js';
import { checkResetLink, completePasswordReset, enqueuePasswordReset } from './email-links.service.js';
import { destroySession, SESSION_COOKIE } from './session.js';
import { passSecondFactor, signIn } from './sign-in.service.js';


/** Sign-in (password, then TOTP where enabled), sign-out and password reset. Invitations: invitation.pages.tsx. */
export function authPages({ app, db, config }: ModuleContext) {
  const strict = { max: config.authRateLimit, timeWindow: '1 minute' };
  const signInPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    sendPage(req, reply, (c) => c.t('signIn.title'), (ctx) => <SignInView ctx={ctx} form={form} />, status);

  app.get('/sign-in', { config: { access: 'public' } }, async (req, reply) => {
    if (req.auth?.mfaPassed) return reply.redirect('/', 303);
    return signInPage(req, reply, emptyForm({ next: safeNext((req.query as { next?: unknown }).next) }));
  });

  app.post('/sign-in', { config: { access: 'public', rateLimit: strict } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    return submitForm(req, reply, {
      schema: SignInInput,
      values: { email: body.email, next: safeNext(body.next) },
      view: (form, status) => signInPage(req, reply, form, status),
      action: async ({ email, password, next, remember: ticked }) => {
        const remember = ticked === 'true';
        const result = await signIn(db, { email, password, remember, clientAddress: req.ip, requestId: req.id, previousSession: req.cookies[SESSION_COOKIE] });
        if (!result.ok) {
          const [error, status] =
            result.reason === 'throttled'
              ? [{ key: 'signIn.throttled' as const, params: { minutes: result.minutes } }, 429]
              : result.reason === 'secondFactorLocked'
                ? [{ key: 'signIn.secondFactorLocked' as const, params: { minutes: result.minutes } }, 423]
                : [{ key: 'signIn.invalid' as const }, 401];
          throw new FormRefused({ _form: error }, status, { email, next, remember: ticked });
        }
        setSessionCookie(req, reply, result.token, result.remember);
        return { next, mfaRequired: result.mfaRequired };
      },
      success: ({ next, mfaRequired }) => ({ redirect: mfaRequired ? `/sign-in/two-factor?next=${encodeURIComponent(next)}` : next }),
    });
  });

  const totpPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    sendPage(req, reply, (c) => c.t('twoFactor.title'), (ctx) => <TwoFactorView ctx={ctx} form={form} />, status);

  app.get('/sign-in/two-factor', { config: { access: 'mfa-pending' } }, async (req, reply) =>
    totpPage(req, reply, emptyForm({ next: safeNext((req.query as { next?: unknown }).next) })),
  );

  app.post('/sign-in/two-factor', { config: { access: 'mfa-pending', rateLimit: strict } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    return submitForm(req, reply, {
      schema: TotpInput,
      values: { next: safeNext(body.next) },
      view: (form, status) => totpPage(req, reply, form, status),
      action: async ({ code, next }): Promise<FormOutcome> => {
        const auth = req.auth!;
        const result = await passSecondFactor(db, auth.sessionHash!, auth.userId, code, req.id, req.locale);
        if (!result.ok && result.reason === 'secondFactorLocked') {
          clearSessionCookie(reply);
          return { redirect: '/sign-in', flash: { kind: 'error', key: 'signIn.secondFactorLocked', params: { minutes: result.minutes } } };
        }
        if (!result.ok) throw new FormRefused({ code: { key: 'twoFactor.invalidOrRecovery' } }, 401, { next });
        setSessionCookie(req, reply, result.token, result.remember);
        return { redirect: next, ...(result.recovery ? { flash: { kind: 'info', key: 'twoFactor.recoveryUsed', params: { count: result.recovery.left } } } : {}) };
      },
      success: (outcome) => outcome,
    });
  });

  app.post('/sign-out', { config: { access: 'public' } }, async (req, reply) => {
    if (req.auth?.sessionHash) await destroySession(db, req.auth.sessionHash);
    clearSessionCookie(reply);
    setFlash(reply, 'success', 'signOut.done');
    return reply.redirect('/sign-in', 303);
  });

  // --- Forgotten password ---------------------------------------------------------------
  const forgotPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    sendPage(req, reply, (c) => c.t('forgot.title'), (ctx) => <ForgotView ctx={ctx} form={form} />, status);

  app.get('/password/forgot', { config: { access: 'public' } }, async (req, reply) => forgotPage(req, reply, emptyForm()));
  app.post('/password/forgot', { config: { access: 'public', rateLimit: { max: config.authRateLimit, timeWindow: '15 minutes' } } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    return submitForm(req, reply, {
      schema: ForgotInput,
      values: { email: body.email },
      view: (form, status) => forgotPage(req, reply, form, status),
      action: ({ email }) => enqueuePasswordReset(db, email, req.locale, req.id),
      // The same answer whether or not the address has an account.
      success: () => ({ flash: { kind: 'info', key: 'forgot.sent' }, redirect: '/sign-in' }),
    });
  });

  // --- The reset link from the mail: choose a new password ---------------------------------
  const resetPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, email: string, status = 200) =>
    sendPage(req, reply, (c) => c.t('password_reset.title'), (ctx) => <SetPasswordView ctx={ctx} form={form} purpose="password_reset" email={email} />, status);
  const Params = z.object({ token: z.string().max(100) });

  app.get('/password/reset/:token', { config: { access: 'public' } }, async (req, reply) => {
    const { token } = routeParams(req, Params, 'link.invalid');
    const link = await checkResetLink(db, token);
    if (!link) throw new AppError('NOT_FOUND', 'link.invalid');
    return resetPage(req, reply, emptyForm(), link.email);
  });

  app.post('/password/reset/:token', { config: { access: 'public', rateLimit: strict } }, async (req, reply) => {
    const { token } = routeParams(req, Params, 'link.invalid');
    const link = await checkResetLink(db, token);
    if (!link) throw new AppError('NOT_FOUND', 'link.invalid');
    return submitForm(req, reply, {
      schema: SetPasswordInput,
      values: {},
      view: (form, status) => resetPage(req, reply, form, link.email, status),
      action: async ({ password }) => {
        const done = await completePasswordReset(db, token, password, req.id);
        if (!done) throw new AppError('NOT_FOUND', 'link.invalid');
        setSessionCookie(req, reply, done.sessionToken);
        return done;
      },
      success: (done) => ({ flash: { key: 'password_reset.done', params: { tokens: done.tokensRevoked } }, redirect: done.mfaRequired ? '/sign-in/two-factor' : '/' }),
    });
  });

  app.get('/healthz', { config: { access: 'public' } }, async (_req, reply) => {
    const [row] = rowsOf<{ ok: number }>(await withSystem(db, (tx) => tx.execute(sql`select 1 as ok`)));
    return reply.header('cache-control', 'no-store').send({ status: row ? 'ok' : 'error', database: config.databaseUrl ? 'postgres' : 'pglite' });
  });
}

function SignInView({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { name: 'email', type: 'email', label: t('field.email'), autocomplete: 'username', required: true, dir: 'ltr' },
    { name: 'password', type: 'password', label: t('field.password'), autocomplete: 'current-password', required: true },
  ];
  const forgot = (
    <p>
      <a href="/password/forgot">{t('signIn.forgot')}</a>
    </p>
  );
  return (
    <FormPage ctx={ctx} form={form} labels={fieldLabels(fields)} title={t('signIn.title')} summaryTitle={form.errors._form ? t('signIn.failed') : undefined} action="/sign-in" after={forgot}>
      <input type="hidden" name="next" value={String(form.values.next ?? '/')} />
      <Fields ctx={ctx} form={form} fields={fields} />
      <Checkbox ctx={ctx} form={form} name="remember" label={t('signIn.remember')} hint={t('signIn.rememberHint')} />
      <SubmitButton>{t('signIn.submit')}</SubmitButton>
    </FormPage>
  );
}

function TwoFactorView({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const code: FieldSpec = { name: 'code', label: t('field.totpOrRecoveryCode'), hint: t('twoFactor.recoveryHint'), autocomplete: 'one-time-code', maxLength: 20, required: true, dir: 'ltr' };
  return (
    <FormPage ctx={ctx} form={form} labels={fieldLabels([code])} title={t('twoFactor.title')} intro={<p>{t('twoFactor.intro')}</p>} action="/sign-in/two-factor">
      <input type="hidden" name="next" value={String(form.values.next ?? '/')} />
      <Fields ctx={ctx} form={form} fields={[code]} />
      <SubmitButton>{t('twoFactor.submit')}</SubmitButton>
    </FormPage>
  );
}

function ForgotView({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const email: FieldSpec = { name: 'email', type: 'email', label: t('field.email'), autocomplete: 'email', required: true, dir: 'ltr' };
  return (
    <FormPage ctx={ctx} form={form} fields={[email]} title={t('forgot.title')} intro={<p>{t('forgot.intro')}</p>} action="/password/forgot">
      <SubmitButton>{t('forgot.submit')}</SubmitButton>
    </FormPage>
  );
}

export function SetPasswordView(props: { ctx: PageContext; form: FormState; purpose: 'invitation' | 'password_reset'; email: string; lead?: ComponentChildren }) {
  const { ctx, form, purpose, email } = props;
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { name: 'password', type: 'password', label: t('field.newPassword'), hint: t('field.passwordHint'), autocomplete: 'new-password', required: true },
    { name: 'confirm', type: 'password', label: t('field.confirmPassword'), autocomplete: 'new-password', required: true },
  ];
  const intro = (
    <>
      {props.lead}
      <p>{t(`${purpose}.intro`)}</p>
      <Address email={email} />
      {purpose === 'password_reset' && <p>{t('password_reset.effect')}</p>}
    </>
  );
  return (
    <FormPage ctx={ctx} form={form} labels={fieldLabels(fields)} title={t(`${purpose}.title`)} intro={intro} action={ctx.path}>
      <input type="email" name="username" value={email} autocomplete="username" hidden readOnly />
      <Fields ctx={ctx} form={form} fields={fields} />
      <SubmitButton>{t(`${purpose}.submit`)}</SubmitButton>
    </FormPage>
  );
}
