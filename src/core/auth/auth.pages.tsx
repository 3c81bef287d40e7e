import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { z } from 'zod';
import type { ModuleContext } from '../module.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { AppError } from '../http/errors.js';
import { FormRefused, submitForm, type FormOutcome } from '../http/form.js';
import { routeParams } from '../http/route-helpers.js';
import { Address, Checkbox, emptyForm, ErrorSummary, Form, SubmitButton, TextField, type FormState, type PageContext, sendPage, setFlash } from '../ui/index.js';
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
  const labels = { email: t('field.email'), password: t('field.password') };
  return (
    <section class="narrow">
      <h1>{t('signIn.title')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} title={form.errors._form ? t('signIn.failed') : undefined} />
      <Form ctx={ctx} action="/sign-in">
        <input type="hidden" name="next" value={String(form.values.next ?? '/')} />
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email} autocomplete="username" required dir="ltr" />
        <TextField ctx={ctx} form={form} name="password" type="password" label={labels.password} autocomplete="current-password" required />
        <Checkbox ctx={ctx} form={form} name="remember" label={t('signIn.remember')} hint={t('signIn.rememberHint')} />
        <SubmitButton>{t('signIn.submit')}</SubmitButton>
      </Form>
      <p>
        <a href="/password/forgot">{t('signIn.forgot')}</a>
      </p>
    </section>
  );
}

function TwoFactorView({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('twoFactor.title')}</h1>
      <p>{t('twoFactor.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={{ code: t('field.totpOrRecoveryCode') }} />
      <Form ctx={ctx} action="/sign-in/two-factor">
        <input type="hidden" name="next" value={String(form.values.next ?? '/')} />
        <TextField ctx={ctx} form={form} name="code" label={t('field.totpOrRecoveryCode')} hint={t('twoFactor.recoveryHint')} autocomplete="one-time-code" maxLength={20} required dir="ltr" />
        <SubmitButton>{t('twoFactor.submit')}</SubmitButton>
      </Form>
    </section>
  );
}

function ForgotView({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={{ email: t('field.email') }} />
      <Form ctx={ctx} action="/password/forgot">
        <TextField ctx={ctx} form={form} name="email" type="email" label={t('field.email')} autocomplete="email" required dir="ltr" />
        <SubmitButton>{t('forgot.submit')}</SubmitButton>
      </Form>
    </section>
  );
}

export function SetPasswordView(props: { ctx: PageContext; form: FormState; purpose: 'invitation' | 'password_reset'; email: string; lead?: ComponentChildren }) {
  const { ctx, form, purpose, email } = props;
  const { t } = ctx;
  const labels = { password: t('field.newPassword'), confirm: t('field.confirmPassword') };
  return (
    <section class="narrow">
      <h1>{t(`${purpose}.title`)}</h1>
      {props.lead}
      <p>{t(`${purpose}.intro`)}</p>
      <Address email={email} />
      {purpose === 'password_reset' && <p>{t('password_reset.effect')}</p>}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={ctx.path}>
        <input type="email" name="username" value={email} autocomplete="username" hidden readOnly />
        <TextField ctx={ctx} form={form} name="password" type="password" label={labels.password} hint={t('field.passwordHint')} autocomplete="new-password" required />
        <TextField ctx={ctx} form={form} name="confirm" type="password" label={labels.confirm} autocomplete="new-password" required />
        <SubmitButton>{t(`${purpose}.submit`)}</SubmitButton>
      </Form>
    </section>
  );
}
