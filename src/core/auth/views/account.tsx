import { formatDateTime, LANGUAGE_NAME, LOCALES } from '../../i18n/index.js';
import { ButtonForm, ErrorSummary, fieldLabels, Fields, Form, FormPage, SubmitButton, TableHead, TextField, type FieldSpec, type FormState, type PageContext } from '../../ui/index.js';
import type { listAccessTokens } from '../access-tokens.js';

/** The pages of "My account": profile and language, security (password, two-factor), API tokens. */

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
            {/* Also after a form was sent (the path is then /account/security/totp/confirm, say). */}
            <a href={href} aria-current={ctx.path === href || (href !== '/account' && ctx.path.startsWith(`${href}/`)) ? 'page' : undefined}>
              {ctx.t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ProfileView({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { name: 'displayName', label: t('field.displayName'), autocomplete: 'name', required: true, maxLength: 120 },
    { control: 'select', name: 'locale', label: t('field.locale'), required: true, options: LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] })) },
  ];
  return (
    <FormPage ctx={ctx} form={form} fields={fields} title={t('account.title')} intro={<AccountTabs ctx={ctx} />} action="/account">
      <SubmitButton>{t('form.save')}</SubmitButton>
    </FormPage>
  );
}

export function SecurityView(props: {
  ctx: PageContext;
  totpEnabled: boolean;
  pendingSecret: string | null;
  /** A set-up started in another browser of this account: only a way to cancel it is shown here. */
  pendingElsewhere: boolean;
  qr: string | null;
  recoveryLeft: number;
  /** The account has API tokens (a password change revokes them: say so only to those who have some). */
  hasTokens: boolean;
  /** Recovery codes made by this request: shown once. */
  newCodes?: string[];
  mustSetUp: boolean;
  passwordForm: FormState;
  totpForm: FormState;
  recoveryForm: FormState;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const passwordFields: FieldSpec[] = [
    { name: 'current', type: 'password', label: t('field.currentPassword'), autocomplete: 'current-password', required: true },
    { name: 'password', type: 'password', label: t('field.newPassword'), hint: t('field.passwordHint'), autocomplete: 'new-password', required: true },
    { name: 'confirm', type: 'password', label: t('field.confirmPassword'), autocomplete: 'new-password', required: true },
  ];
  const codeField = (form: FormState, name: string, label: string) => (
    <TextField ctx={ctx} form={form} name={name} label={label} hint={t('security.codeHint')} autocomplete="one-time-code" maxLength={20} required dir="ltr" />
  );
  // The key in groups of four, as authenticator apps accept it and people copy it.
  const groups = (secret: string) => secret.match(/.{1,4}/g)!.join(' ');
  const isAdmin = ctx.user?.administrator;
  return (
    <section class="narrow">
      <h1>{t('security.title')}</h1>
      <AccountTabs ctx={ctx} />
      {props.mustSetUp && (
        <div class="notice" role="status">
          {t('security.adminMustSetUp')}
        </div>
      )}
      {props.newCodes && (
        <div class="notice" role="status" id="recovery-codes">
          <h2>{t('security.recoveryNewTitle')}</h2>
          <p>{t('security.recoveryNewIntro')}</p>
          <ol class="recovery-codes" dir="ltr">
            {props.newCodes.map((c) => (
              <li>
                <code>{c}</code>
              </li>
            ))}
          </ol>
        </div>
      )}
      <h2 id="totp">{t('security.totp')}</h2>
      <ErrorSummary ctx={ctx} form={props.totpForm} labels={{ code: t('field.totpCode'), currentCode: t('security.currentCodeLabel'), disableCode: t('security.disableCodeLabel') }} />
      {props.totpEnabled && <p>{t('security.totpOn')}</p>}
      {!props.totpEnabled && !props.pendingSecret && <p>{t('security.totpOff')}</p>}
      {props.pendingElsewhere && (
        <div class="notice" role="status">
          <p>{t('security.totpPendingElsewhere')}</p>
          <ButtonForm ctx={ctx} action="/account/security/totp/cancel" look="secondary">
            {t('security.totpCancel')}
          </ButtonForm>
        </div>
      )}
      {props.pendingSecret ? (
        <>
          <p>{t(props.totpEnabled ? 'security.totpScanReplace' : 'security.totpScan')}</p>
          {props.qr && <img src={props.qr} alt={t('security.qrAlt')} width={200} height={200} class="qr" />}
          <p>
            {t('security.totpManual')} <code class="secret" dir="ltr">{groups(props.pendingSecret)}</code>
          </p>
          <Form ctx={ctx} action="/account/security/totp/confirm">
            <TextField ctx={ctx} form={props.totpForm} name="code" label={t('field.totpCode')} autocomplete="one-time-code" inputMode="numeric" maxLength={8} required dir="ltr" />
            <SubmitButton>{t(props.totpEnabled ? 'security.totpConfirmReplace' : 'security.totpConfirm')}</SubmitButton>
          </Form>
          <ButtonForm ctx={ctx} action="/account/security/totp/cancel" look="secondary">
            {t('security.totpCancel')}
          </ButtonForm>
        </>
      ) : props.totpEnabled ? (
        <>
          <h3>{t('security.totpReplace')}</h3>
          <p>{t('security.totpReplaceIntro')}</p>
          <Form ctx={ctx} action="/account/security/totp/start">
            {codeField(props.totpForm, 'currentCode', t('security.currentCodeLabel'))}
            <SubmitButton>{t('security.totpReplaceStart')}</SubmitButton>
          </Form>
          {!isAdmin && (
            <>
              <h3>{t('security.totpDisable')}</h3>
              <p>{t('security.totpDisableEffect')}</p>
              <Form ctx={ctx} action="/account/security/totp/disable">
                {codeField(props.totpForm, 'disableCode', t('security.disableCodeLabel'))}
                <SubmitButton secondary>{t('security.totpDisable')}</SubmitButton>
              </Form>
            </>
          )}
        </>
      ) : (
        <Form ctx={ctx} action="/account/security/totp/start">
          <SubmitButton>{t('security.totpStart')}</SubmitButton>
        </Form>
      )}
      {props.totpEnabled && (
        <>
          <h2 id="recovery">{t('security.recovery')}</h2>
          <p>{t('security.recoveryLeft', { count: props.recoveryLeft })}</p>
          <p>{t('security.recoveryRenewEffect')}</p>
          <ErrorSummary ctx={ctx} form={props.recoveryForm} labels={{ recoveryCode: t('security.renewCodeLabel') }} />
          <Form ctx={ctx} action="/account/security/recovery-codes">
            {codeField(props.recoveryForm, 'recoveryCode', t('security.renewCodeLabel'))}
            <SubmitButton>{t('security.recoveryRenew')}</SubmitButton>
          </Form>
        </>
      )}
      <h2>{t('security.password')}</h2>
      <p>{t(props.hasTokens ? 'security.passwordEffect' : 'security.passwordEffectNoTokens')}</p>
      <ErrorSummary ctx={ctx} form={props.passwordForm} labels={fieldLabels(passwordFields)} />
      <Form ctx={ctx} action="/account/security/password">
        <Fields ctx={ctx} form={props.passwordForm} fields={passwordFields} />
        <SubmitButton>{t('security.passwordSubmit')}</SubmitButton>
      </Form>
    </section>
  );
}

export function TokensView(props: {
  ctx: PageContext;
  form: FormState;
  tokens: Awaited<ReturnType<typeof listAccessTokens>>;
  orgNames: Map<string, string>;
  created?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { name: 'name', label: t('tokens.name'), required: true, maxLength: 80 },
    { name: 'days', inputMode: 'numeric', maxLength: 3, label: t('tokens.days'), required: true },
  ];
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
      <ErrorSummary ctx={ctx} form={props.form} labels={fieldLabels(fields)} />
      <Form ctx={ctx} action="/account/tokens" class="form narrow">
        <Fields ctx={ctx} form={props.form} fields={fields} />
        <SubmitButton>{t('tokens.create')}</SubmitButton>
      </Form>
      <h2 id="tokens-heading">{t('tokens.yours')}</h2>
      {props.tokens.length === 0 ? (
        <p class="empty">{t('tokens.none')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="tokens-heading">
          <table>
            <TableHead headers={[t('tokens.name'), t('tokens.organisation'), t('tokens.expires'), t('tokens.lastUsed'), <span class="visually-hidden">{t('tokens.actions')}</span>]} />
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
                      <ButtonForm ctx={ctx} action={`/account/tokens/${tk.id}/revoke`} look="secondary">
                        {t('tokens.revoke')}
                        <span class="visually-hidden"> {tk.name}</span>
                      </ButtonForm>
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
