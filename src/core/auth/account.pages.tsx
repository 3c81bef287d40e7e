import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { ModuleContext } from '../module.js';
import { needsMfaSetup } from '../http/access.js';
import { AppError, type FieldErrors } from '../http/errors.js';
import { FormRefused, submitForm } from '../http/form.js';
import { int, requiredText } from '../http/validation.js';
import { LOCALES } from '../i18n/index.js';
import { emptyForm, type FormState, sendPage, setFlash } from '../ui/index.js';
import { ProfileView, SecurityView, TokensView } from './views/account.js';
import { createAccessToken, listAccessTokens, revokeAccessToken } from './access-tokens.js';
import { cancelTotpSetup, changePassword, confirmTotp, countRecoveryCodes, disableTotp, getCredentials, renewRecoveryCodes, startTotp, updateProfile } from './account.service.js';
import { clearSessionCookie, setSessionCookie } from './cookies.js';
import { CODE, newPassword } from './auth.schemas.js';
import { PASSWORD_MAX } from './passwords.js';
import { totpUri } from './totp.js';

const ProfileInput = z.object({ displayName: requiredText(120), locale: z.enum(LOCALES) });
const PasswordInput = z
  .object({ current: z.string().max(PASSWORD_MAX).pipe(z.string().min(1)), password: newPassword(), confirm: z.string().max(PASSWORD_MAX) })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], params: { key: 'validation.passwordMismatch' } });
  });
// Each code field has its own name: several forms on the security page ask for one, and ids come from names.
const ConfirmCodeInput = z.object({ code: CODE });
const DisableCodeInput = z.object({ disableCode: CODE });
const RecoveryCodeInput = z.object({ recoveryCode: CODE });
const TokenInput = z.object({ name: requiredText(80), days: int(1, 365, { message: 'validation.wholeNumber' }).default(90) });

/** The signed-in person's own settings: profile and language, password, two-factor, API tokens. */
export function accountPages({ app, db, config }: ModuleContext) {
  const signedIn = { access: 'signed-in' as const, beforeMfaSetup: true };
  // Forms that check a password or a second-factor code: limited per client address like the sign-in form.
  const guarded = { ...signedIn, rateLimit: { max: config.authRateLimit, timeWindow: '1 minute' } };
  const who = (req: FastifyRequest) => ({
    userId: req.auth!.userId,
    organisationId: req.auth!.organisation?.id ?? null,
    requestId: req.id,
    sessionHash: req.auth!.sessionHash,
    fallbackLocale: req.locale,
  });
  const sessionOnly = (req: FastifyRequest) => {
    if (req.auth?.via !== 'session') throw new AppError('FORBIDDEN');
  };

  // --- Profile -----------------------------------------------------------------------------
  const profilePage = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    sendPage(req, reply, (c) => c.t('account.title'), (ctx) => <ProfileView ctx={ctx} form={form} />, status);

  app.get('/account', { config: signedIn }, async (req, reply) =>
    profilePage(req, reply, emptyForm({ displayName: req.auth!.displayName, locale: req.auth!.userLocale ?? req.locale })),
  );
  app.post('/account', { config: signedIn }, async (req, reply) => {
    sessionOnly(req);
    return submitForm(req, reply, {
      schema: ProfileInput,
      view: (form, status) => profilePage(req, reply, form, status),
      action: async (input) => {
        await updateProfile(db, who(req), input);
        // The chosen language wins over an earlier ?lang= cookie from now on.
        reply.clearCookie('tandem_lang', { path: '/' });
        reply.clearCookie('tandem_lang_session', { path: '/' });
      },
      success: () => ({ flash: 'account.saved', redirect: '/account' }),
    });
  });

  // --- Security: password and two-factor ------------------------------------------------------
  type SecurityForms = { password?: FormState; totp?: FormState; recovery?: FormState };
  const securityPage = async (req: FastifyRequest, reply: FastifyReply, forms: SecurityForms = {}, status = 200, newCodes?: string[]) => {
    const c = await getCredentials(db, req.auth!.userId);
    // A set-up in progress is shown only to the session that started it (see startTotp).
    const mine = Boolean(c?.totpPendingSecret) && c?.totpPendingSession === req.auth!.sessionHash;
    const pending = mine ? c!.totpPendingSecret : null;
    const qr = pending ? await QRCode.toDataURL(totpUri(pending, req.auth!.email), { margin: 1, width: 200 }) : null;
    const recoveryLeft = c?.totpEnabled ? await countRecoveryCodes(db, req.auth!.userId) : 0;
    const hasTokens = (await listAccessTokens(db, req.auth!.userId)).some((tk) => !tk.revokedAt);
    return sendPage(
      req,
      reply,
      (ctx) => ctx.t('security.title'),
      (ctx) => (
        <SecurityView
          ctx={ctx}
          totpEnabled={Boolean(c?.totpEnabled)}
          pendingSecret={pending}
          pendingElsewhere={Boolean(c?.totpPendingSecret) && !mine}
          qr={qr}
          recoveryLeft={recoveryLeft}
          hasTokens={hasTokens}
          newCodes={newCodes}
          mustSetUp={needsMfaSetup(req.auth!) && !c?.totpEnabled}
          passwordForm={forms.password ?? emptyForm()}
          totpForm={forms.totp ?? emptyForm()}
          recoveryForm={forms.recovery ?? emptyForm()}
        />
      ),
      status,
    );
  };
  const wrongCodeErrors = (field: string): FieldErrors => ({ [field]: { key: field === 'code' ? 'twoFactor.invalid' : 'twoFactor.invalidOrRecovery' } });
  const wrongCode = (form: keyof SecurityForms, field: string) => ({ [form]: { values: {}, errors: wrongCodeErrors(field) } });
  /** A code form of the security page: a code is never shown again, and a wrong one is 422 on its field. */
  const codeForm = (req: FastifyRequest, reply: FastifyReply, form: 'totp' | 'recovery') => ({
    values: {},
    view: (state: FormState, status: number) => securityPage(req, reply, { [form]: state }, status),
  });
  const refuseCode = (field: string) => new FormRefused(wrongCodeErrors(field), 422);

  app.get('/account/security', { config: signedIn }, async (req, reply) => securityPage(req, reply));

  /** After too many wrong codes every session of the account ended, this one too: back to the sign-in page. */
  const lockedOut = (reply: FastifyReply, minutes: number) => {
    clearSessionCookie(reply);
    setFlash(reply, 'error', 'signIn.secondFactorLocked', { minutes });
    return reply.redirect('/sign-in', 303);
  };

  app.post('/account/security/password', { config: guarded }, async (req, reply) => {
    sessionOnly(req);
    return submitForm(req, reply, {
      schema: PasswordInput,
      values: {},
      view: (password, status) => securityPage(req, reply, { password }, status),
      action: async (input) => {
        const result = await changePassword(db, { ...who(req), email: req.auth!.email, clientAddress: req.ip, remember: req.auth!.remember }, input.current, input.password);
        if (!result.ok) throw new FormRefused({ current: result.minutes ? { key: 'signIn.throttled', params: { minutes: result.minutes } } : { key: 'security.wrongPassword' } }, result.minutes ? 429 : 422);
        // Every session ended, this one too: the browser gets the new one.
        setSessionCookie(req, reply, result.sessionToken, req.auth!.remember);
        return result.tokensRevoked;
      },
      success: (tokens) => ({ flash: { key: 'security.passwordChanged', params: { tokens } }, redirect: '/account/security' }),
    });
  });

  // Setting up an authenticator; with two-factor already on, the current code (or a recovery code) first.
  app.post('/account/security/totp/start', { config: guarded }, async (req, reply) => {
    sessionOnly(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const current = typeof body.currentCode === 'string' ? body.currentCode.trim().slice(0, 20) : undefined;
    const check = await startTotp(db, who(req), current);
    if (typeof check === 'object') return lockedOut(reply, check.lockedMinutes);
    if (check === 'wrong') return securityPage(req, reply, wrongCode('totp', 'currentCode'), 422);
    return reply.redirect('/account/security#totp', 303);
  });

  app.post('/account/security/totp/cancel', { config: signedIn }, async (req, reply) => {
    sessionOnly(req);
    await cancelTotpSetup(db, who(req));
    return reply.redirect('/account/security#totp', 303);
  });

  app.post('/account/security/totp/confirm', { config: guarded }, async (req, reply) => {
    sessionOnly(req);
    return submitForm(req, reply, {
      schema: ConfirmCodeInput,
      ...codeForm(req, reply, 'totp'),
      action: async (input) => {
        const codes = await confirmTotp(db, who(req), input.code);
        if (!codes) throw refuseCode('code');
        return codes;
      },
      // The recovery codes are shown on this response only; they are kept hashed.
      respond: (codes) => securityPage(req, reply, {}, 200, codes),
    });
  });

  app.post('/account/security/totp/disable', { config: guarded }, async (req, reply) => {
    sessionOnly(req);
    if (req.auth!.administrator) throw new AppError('FORBIDDEN', 'security.adminNeedsTotp');
    return submitForm(req, reply, {
      schema: DisableCodeInput,
      ...codeForm(req, reply, 'totp'),
      action: async (input) => {
        const check = await disableTotp(db, who(req), input.disableCode);
        if (check === 'wrong') throw refuseCode('disableCode');
        return check;
      },
      respond: (check) => {
        if (typeof check === 'object') return lockedOut(reply, check.lockedMinutes);
        setFlash(reply, 'success', 'security.totpDisabled');
        return reply.redirect('/account/security', 303);
      },
    });
  });

  app.post('/account/security/recovery-codes', { config: guarded }, async (req, reply) => {
    sessionOnly(req);
    return submitForm(req, reply, {
      schema: RecoveryCodeInput,
      ...codeForm(req, reply, 'recovery'),
      action: async (input) => {
        const codes = await renewRecoveryCodes(db, who(req), input.recoveryCode);
        if (codes === 'wrong') throw refuseCode('recoveryCode');
        return codes;
      },
      respond: (codes) => (Array.isArray(codes) ? securityPage(req, reply, {}, 200, codes) : lockedOut(reply, codes.lockedMinutes)),
    });
  });

  // --- Personal access tokens ---------------------------------------------------------------
  const tokensPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, created?: string, status = 200) => {
    const tokens = await listAccessTokens(db, req.auth!.userId);
    const orgNames = new Map(req.auth!.organisations.map((o) => [o.id, o.name]));
    return sendPage(req, reply, (c) => c.t('tokens.title'), (ctx) => <TokensView ctx={ctx} form={form} tokens={tokens} orgNames={orgNames} created={created} />, status);
  };
  const tokenAccess = { access: 'signed-in' as const };

  app.get('/account/tokens', { config: tokenAccess }, async (req, reply) => tokensPage(req, reply, emptyForm({ days: 90 })));
  app.post('/account/tokens', { config: tokenAccess }, async (req, reply) => {
    sessionOnly(req);
    const org = req.auth!.organisation;
    if (!org) throw new AppError('FORBIDDEN');
    return submitForm(req, reply, {
      schema: TokenInput,
      view: (form, status) => tokensPage(req, reply, form, undefined, status),
      action: async (input) =>
        (
          await createAccessToken(db, {
            userId: req.auth!.userId,
            organisationId: org.id,
            name: input.name,
            expiresAt: new Date(Date.now() + input.days * 86400_000),
          })
        ).token,
      // Shown once, on this response only; never stored in clear.
      respond: (token) => tokensPage(req, reply, emptyForm({ days: 90 }), token, 201),
    });
  });
  app.post('/account/tokens/:id/revoke', { config: tokenAccess }, async (req, reply) => {
    sessionOnly(req);
    const parsed = z.object({ id: z.string().uuid() }).safeParse(req.params);
    if (!parsed.success || !(await revokeAccessToken(db, req.auth!.userId, parsed.data.id))) throw new AppError('NOT_FOUND');
    setFlash(reply, 'success', 'tokens.revoked');
    return reply.redirect('/account/tokens', 303);
  });
}
