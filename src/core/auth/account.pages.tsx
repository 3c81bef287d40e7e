import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { ModuleContext } from '../../app.js';
import { needsMfaSetup } from '../http/access.js';
import { AppError } from '../http/errors.js';
import { fieldErrors, requiredText } from '../http/validation.js';
import { formatDateTime, LANGUAGE_NAME, LOCALES } from '../i18n/index.js';
import { emptyForm, ErrorSummary, Form, SelectField, SubmitButton, TextField, type FormState, type PageContext, sendPage, setFlash } from '../ui/index.js';
import { createAccessToken, listAccessTokens, revokeAccessToken } from './access-tokens.js';
import { changePassword, confirmTotp, disableTotp, getCredentials, startTotp, updateProfile } from './account.service.js';
import { newPassword, TotpInput } from './auth.schemas.js';
import { PASSWORD_MAX } from './passwords.js';
import { totpUri } from './totp.js';

const ProfileInput = z.object({ displayName: requiredText(120), locale: z.enum(LOCALES) });
const PasswordInput = z
  .object({ current: z.string().max(PASSWORD_MAX).pipe(z.string().min(1)), password: newPassword(), confirm: z.string().max(PASSWORD_MAX) })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], params: { key: 'validation.passwordMismatch' } });
  });
const TokenInput = z.object({ name: requiredText(80), days: z.coerce.number().int().min(1).max(365).default(90) });

/** The signed-in person's own settings: profile and language, password, two-factor, API tokens. */
export function accountPages({ app, db }: ModuleContext) {
  const signedIn = { access: 'signed-in' as const, beforeMfaSetup: true };
  const who = (req: FastifyRequest) => ({ userId: req.auth!.userId, organisationId: req.auth!.organisation?.id ?? null, requestId: req.id, sessionHash: req.auth!.sessionHash });
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
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = ProfileInput.safeParse(body);
    if (!parsed.success) return profilePage(req, reply, { values: body, errors: fieldErrors(parsed.error) }, 422);
    await updateProfile(db, who(req), parsed.data);
    // The chosen language wins over an earlier ?lang= cookie from now on.
    reply.clearCookie('tandem_lang', { path: '/' });
    setFlash(reply, 'success', 'account.saved');
    return reply.redirect('/account', 303);
  });

  // --- Security: password and two-factor ------------------------------------------------------
  const securityPage = async (req: FastifyRequest, reply: FastifyReply, forms: { password?: FormState; totp?: FormState } = {}, status = 200) => {
    const c = await getCredentials(db, req.auth!.userId);
    const pending = c?.totpSecret && !c.totpEnabled ? c.totpSecret : null;
    const qr = pending ? await QRCode.toDataURL(totpUri(pending, req.auth!.email), { margin: 1, width: 200 }) : null;
    return sendPage(
      req,
      reply,
      (ctx) => ctx.t('security.title'),
      (ctx) => (
        <SecurityView
          ctx={ctx}
          totpEnabled={Boolean(c?.totpEnabled)}
          pendingSecret={pending}
          qr={qr}
          mustSetUp={needsMfaSetup(req.auth!)}
          passwordForm={forms.password ?? emptyForm()}
          totpForm={forms.totp ?? emptyForm()}
        />
      ),
      status,
    );
  };

  app.get('/account/security', { config: signedIn }, async (req, reply) => securityPage(req, reply));

  app.post('/account/security/password', { config: signedIn }, async (req, reply) => {
    sessionOnly(req);
    const parsed = PasswordInput.safeParse(req.body ?? {});
    if (!parsed.success) return securityPage(req, reply, { password: { values: {}, errors: fieldErrors(parsed.error) } }, 422);
    const ok = await changePassword(db, who(req), parsed.data.current, parsed.data.password);
    if (!ok) return securityPage(req, reply, { password: { values: {}, errors: { current: { key: 'security.wrongPassword' } } } }, 422);
    setFlash(reply, 'success', 'security.passwordChanged');
    return reply.redirect('/account/security', 303);
  });

  app.post('/account/security/totp/start', { config: signedIn }, async (req, reply) => {
    sessionOnly(req);
    await startTotp(db, req.auth!.userId);
    return reply.redirect('/account/security#totp', 303);
  });

  app.post('/account/security/totp/confirm', { config: signedIn }, async (req, reply) => {
    sessionOnly(req);
    const parsed = TotpInput.safeParse(req.body ?? {});
    if (!parsed.success) return securityPage(req, reply, { totp: { values: {}, errors: fieldErrors(parsed.error) } }, 422);
    if (!(await confirmTotp(db, who(req), parsed.data.code))) return securityPage(req, reply, { totp: { values: {}, errors: { code: { key: 'twoFactor.invalid' } } } }, 422);
    setFlash(reply, 'success', 'security.totpEnabled');
    return reply.redirect('/account/security', 303);
  });

  app.post('/account/security/totp/disable', { config: signedIn }, async (req, reply) => {
    sessionOnly(req);
    if (req.auth!.roles.includes('administrator')) throw new AppError('FORBIDDEN', 'security.adminNeedsTotp');
    const parsed = TotpInput.safeParse(req.body ?? {});
    if (!parsed.success) return securityPage(req, reply, { totp: { values: {}, errors: fieldErrors(parsed.error) } }, 422);
    if (!(await disableTotp(db, who(req), parsed.data.code))) return securityPage(req, reply, { totp: { values: {}, errors: { code: { key: 'twoFactor.invalid' } } } }, 422);
    setFlash(reply, 'success', 'security.totpDisabled');
    return reply.redirect('/account/security', 303);
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
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = TokenInput.safeParse(body);
    if (!parsed.success) return tokensPage(req, reply, { values: body, errors: fieldErrors(parsed.error) }, undefined, 422);
    const { token } = await createAccessToken(db, {
      userId: req.auth!.userId,
      organisationId: org.id,
      name: parsed.data.name,
      expiresAt: new Date(Date.now() + parsed.data.days * 86400_000),
    });
    // Shown once, on this response only; never stored in clear.
    return tokensPage(req, reply, emptyForm({ days: 90 }), token, 201);
  });
  app.post('/account/tokens/:id/revoke', { config: tokenAccess }, async (req, reply) => {
    sessionOnly(req);
    const parsed = z.object({ id: z.string().uuid() }).safeParse(req.params);
    if (!parsed.success || !(await revokeAccessToken(db, req.auth!.userId, parsed.data.id))) throw new AppError('NOT_FOUND');
    setFlash(reply, 'success', 'tokens.revoked');
    return reply.redirect('/account/tokens', 303);
  });
}

function AccountTabs({ ctx }: { ctx: PageContext }) {
  const tabs = [
    ['/account', 'account.title'],
    ['/account/security', 'security.title'],
    ['/account/tokens', 'tokens.title'],
  ] as const;
  return (
    <nav class="tabs" aria-label={ctx.t('account.sections')}>
      <ul>
        {tabs.map(([href, key]) => (
          <li>
            <a href={href} aria-current={ctx.path === href ? 'page' : undefined}>
              {ctx.t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ProfileView({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const labels = { displayName: t('field.displayName'), locale: t('field.locale') };
  return (
    <section class="narrow">
      <h1>{t('account.title')}</h1>
      <AccountTabs ctx={ctx} />
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/account">
        <TextField ctx={ctx} form={form} name="displayName" label={labels.displayName} autocomplete="name" required maxLength={120} />
        <SelectField ctx={ctx} form={form} name="locale" label={labels.locale} required options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] }))} />
        <SubmitButton>{t('form.save')}</SubmitButton>
      </Form>
    </section>
  );
}

function SecurityView(props: {
  ctx: PageContext;
  totpEnabled: boolean;
  pendingSecret: string | null;
  qr: string | null;
  mustSetUp: boolean;
  passwordForm: FormState;
  totpForm: FormState;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const pwLabels = { current: t('field.currentPassword'), password: t('field.newPassword'), confirm: t('field.confirmPassword') };
  return (
    <section class="narrow">
      <h1>{t('security.title')}</h1>
      <AccountTabs ctx={ctx} />
      {props.mustSetUp && (
        <div class="notice" role="status">
          {t('security.adminMustSetUp')}
        </div>
      )}
      <h2 id="totp">{t('security.totp')}</h2>
      <ErrorSummary ctx={ctx} form={props.totpForm} labels={{ code: t('field.totpCode') }} />
      {props.totpEnabled ? (
        <>
          <p>{t('security.totpOn')}</p>
          {!ctx.user?.roles.includes('administrator') && (
            <Form ctx={ctx} action="/account/security/totp/disable">
              <TextField ctx={ctx} form={props.totpForm} name="code" label={t('field.totpCode')} autocomplete="one-time-code" inputMode="numeric" maxLength={8} required dir="ltr" />
              <SubmitButton>{t('security.totpDisable')}</SubmitButton>
            </Form>
          )}
        </>
      ) : props.pendingSecret ? (
        <>
          <p>{t('security.totpScan')}</p>
          {props.qr && <img src={props.qr} alt={t('security.qrAlt')} width={200} height={200} class="qr" />}
          <p>
            {t('security.totpManual')} <code class="secret" dir="ltr">{props.pendingSecret}</code>
          </p>
          <Form ctx={ctx} action="/account/security/totp/confirm">
            <TextField ctx={ctx} form={props.totpForm} name="code" label={t('field.totpCode')} autocomplete="one-time-code" inputMode="numeric" maxLength={8} required dir="ltr" />
            <SubmitButton>{t('security.totpConfirm')}</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p>{t('security.totpOff')}</p>
          <Form ctx={ctx} action="/account/security/totp/start">
            <SubmitButton>{t('security.totpStart')}</SubmitButton>
          </Form>
        </>
      )}
      <h2>{t('security.password')}</h2>
      <ErrorSummary ctx={ctx} form={props.passwordForm} labels={pwLabels} />
      <Form ctx={ctx} action="/account/security/password">
        <TextField ctx={ctx} form={props.passwordForm} name="current" type="password" label={pwLabels.current} autocomplete="current-password" required />
        <TextField ctx={ctx} form={props.passwordForm} name="password" type="password" label={pwLabels.password} hint={t('field.passwordHint')} autocomplete="new-password" required />
        <TextField ctx={ctx} form={props.passwordForm} name="confirm" type="password" label={pwLabels.confirm} autocomplete="new-password" required />
        <SubmitButton>{t('security.passwordSubmit')}</SubmitButton>
      </Form>
    </section>
  );
}

function TokensView(props: {
  ctx: PageContext;
  form: FormState;
  tokens: Awaited<ReturnType<typeof listAccessTokens>>;
  orgNames: Map<string, string>;
  created?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const labels = { name: t('tokens.name'), days: t('tokens.days') };
  return (
    <section>
      <h1>{t('tokens.title')}</h1>
      <AccountTabs ctx={ctx} />
      <p>{t('tokens.intro')}</p>
      {props.created && (
        <div class="notice" role="status">
          <p>{t('tokens.createdOnce')}</p>
          <p>
            <code class="secret" dir="ltr" id="new-token">
              {props.created}
            </code>
          </p>
        </div>
      )}
      <ErrorSummary ctx={ctx} form={props.form} labels={labels} />
      <Form ctx={ctx} action="/account/tokens" class="form narrow">
        <TextField ctx={ctx} form={props.form} name="name" label={labels.name} required maxLength={80} />
        <TextField ctx={ctx} form={props.form} name="days" type="number" label={labels.days} required />
        <SubmitButton>{t('tokens.create')}</SubmitButton>
      </Form>
      <h2>{t('tokens.yours')}</h2>
      {props.tokens.length === 0 ? (
        <p class="empty">{t('tokens.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.organisation')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('tokens.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((tk) => (
                <tr>
                  <td>{tk.name}</td>
                  <td>{props.orgNames.get(tk.organisationId) ?? '—'}</td>
                  <td>{tk.expiresAt ? formatDateTime(tk.expiresAt, ctx.locale) : '—'}</td>
                  <td>{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, ctx.locale) : t('tokens.never')}</td>
                  <td>
                    {tk.revokedAt ? (
                      t('tokens.revokedState')
                    ) : (
                      <Form ctx={ctx} action={`/account/tokens/${tk.id}/revoke`} class="inline-form">
                        <button type="submit" class="button button-secondary">
                          {t('tokens.revoke')}
                          <span class="visually-hidden"> {tk.name}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
