import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ModuleContext } from '../module.js';
import { AppError } from '../http/errors.js';
import { submitForm } from '../http/form.js';
import { routeParams } from '../http/route-helpers.js';
import { formatList } from '../i18n/index.js';
import { Address, ButtonForm, ButtonLink, emptyForm, type FormState, type PageContext, sendPage, setFlash } from '../ui/index.js';
import { SetPasswordInput } from './auth.schemas.js';
import { SetPasswordView } from './auth.pages.js';
import { setSessionCookie } from './cookies.js';
import { acceptAsMember, acceptWithPassword, declineInvitation, openInvitation, type OpenInvitation } from './invitations.service.js';
import { setSessionOrganisation } from './session.js';

const Params = z.object({ token: z.string().max(100) });

/**
 * The link of an invitation mail. For an address without an account it creates the account (choose a password);
 * for an existing account it asks its owner to sign in — with their own password and second factor — and accept.
 * Nothing here can change an existing account's password.
 */
export function invitationPages({ app, db, config }: ModuleContext) {
  const strict = { max: config.authRateLimit, timeWindow: '1 minute' };

  const open = async (req: FastifyRequest) => {
    const { token } = routeParams(req, Params, 'invitation.invalid');
    const invitation = await openInvitation(db, token);
    if (!invitation) throw new AppError('NOT_FOUND', 'invitation.invalid');
    return { token, invitation };
  };

  const page = (req: FastifyRequest, reply: FastifyReply, token: string, invitation: OpenInvitation, form: FormState, status = 200) => {
    const auth = req.auth;
    const state: InvitationState =
      (req.query as { decline?: string }).decline === '1' && req.method === 'GET'
        ? 'confirmDecline'
        : invitation.account === 'new'
        ? 'newAccount'
        : !auth
          ? 'signIn'
          : auth.email === invitation.email && auth.mfaPassed
            ? 'accept'
            : auth.email === invitation.email
              ? 'secondFactor'
              : 'otherAccount';
    return sendPage(
      req,
      reply,
      (c) => c.t('invitation.title'),
      (ctx) => <InvitationView ctx={ctx} form={form} token={token} invitation={invitation} state={state} signedInAs={auth?.email} />,
      status,
    );
  };

  app.get('/invitation/:token', { config: { access: 'public' } }, async (req, reply) => {
    const { token, invitation } = await open(req);
    return page(req, reply, token, invitation, emptyForm());
  });

  // A new account: the password chosen here.
  app.post('/invitation/:token', { config: { access: 'public', rateLimit: strict } }, async (req, reply) => {
    const { token, invitation } = await open(req);
    return submitForm(req, reply, {
      schema: SetPasswordInput,
      values: {},
      view: (form, status) => page(req, reply, token, invitation, form, status),
      action: async ({ password }) => {
        const result = await acceptWithPassword(db, token, password, req.id);
        if (!result.ok && result.reason === 'invalid') throw new AppError('NOT_FOUND', 'invitation.invalid');
        if (!result.ok) throw new AppError('CONFLICT');
        setSessionCookie(req, reply, result.sessionToken);
      },
      success: () => ({ flash: 'invitation.done', redirect: '/' }),
      // The address got an account in the meantime: its owner signs in instead.
      conflict: () => page(req, reply, token, { ...invitation, account: 'existing' }, emptyForm(), 409),
    });
  });

  // An existing account: its owner, signed in, accepts.
  app.post('/invitation/:token/accept', { config: { access: 'signed-in' } }, async (req, reply) => {
    const { token, invitation } = await open(req);
    const auth = req.auth!;
    if (auth.via !== 'session') throw new AppError('FORBIDDEN');
    const outcome = await acceptAsMember(db, token, { userId: auth.userId, email: auth.email }, req.id);
    if (outcome === 'invalid') throw new AppError('NOT_FOUND', 'invitation.invalid');
    if (outcome === 'wrongAccount') return page(req, reply, token, invitation, emptyForm(), 403);
    await setSessionOrganisation(db, auth.sessionHash!, invitation.organisationId);
    setFlash(reply, 'success', 'invitation.joined', { organisation: invitation.organisationName });
    return reply.redirect('/', 303);
  });

  app.post('/invitation/:token/decline', { config: { access: 'public', rateLimit: strict } }, async (req, reply) => {
    const { token } = routeParams(req, Params, 'invitation.invalid');
    if (!(await declineInvitation(db, token, req.id))) throw new AppError('NOT_FOUND', 'invitation.invalid');
    if (req.auth?.mfaPassed) {
      setFlash(reply, 'info', 'invitation.declined');
      return reply.redirect('/', 303);
    }
    return reply.redirect('/invitation/declined', 303);
  });

  // Someone without an account who declined has nowhere to go: a page that says it is done.
  app.get('/invitation/declined', { config: { access: 'public' } }, async (req, reply) =>
    sendPage(req, reply, (c) => c.t('invitation.declinedTitle'), (ctx) => (
      <section class="narrow">
        <h1>{ctx.t('invitation.declinedTitle')}</h1>
        <p>{ctx.t('invitation.declinedText')}</p>
      </section>
    )),
  );
}

type InvitationState = 'newAccount' | 'signIn' | 'secondFactor' | 'accept' | 'otherAccount' | 'confirmDecline';

function InvitationView(props: { ctx: PageContext; form: FormState; token: string; invitation: OpenInvitation; state: InvitationState; signedInAs?: string }) {
  const { ctx, invitation, token, state } = props;
  const { t } = ctx;
  const roles = formatList(invitation.roles.map((r) => t(`role.${r}`)), ctx.locale, 'conjunction');
  const path = `/invitation/${token}`;
  const offer = <p class="lead">{t('invitation.offer', { organisation: invitation.organisationName, roles })}</p>;
  // Declining asks once more (no JavaScript needed): it cannot be undone, only a new invitation helps.
  const decline = (
    <p>
      <a href={`${path}?decline=1`}>{t('invitation.decline')}</a>
    </p>
  );
  if (state === 'newAccount') {
    return (
      <>
        <SetPasswordView ctx={ctx} form={props.form} purpose="invitation" email={invitation.email} lead={offer} />
        <section class="narrow">{decline}</section>
      </>
    );
  }
  return (
    <section class="narrow">
      <h1>{t(state === 'confirmDecline' ? 'invitation.declineTitle' : 'invitation.title')}</h1>
      {offer}
      {state === 'confirmDecline' && (
        <>
          <p>{t('invitation.declineEffect')}</p>
          <div class="actions">
            <ButtonForm ctx={ctx} action={`${path}/decline`} look="secondary">
              {t('invitation.declineConfirm')}
            </ButtonForm>
            <a href={path}>{t('invitation.declineBack')}</a>
          </div>
        </>
      )}
      {state === 'signIn' && (
        <>
          <p>{t('invitation.existingAccount')}</p>
          <Address email={invitation.email} />
          <p>{t('invitation.existingAccountHow')}</p>
          <ButtonLink href={`/sign-in?next=${encodeURIComponent(path)}`}>{t('invitation.signInToAccept')}</ButtonLink>
          {decline}
        </>
      )}
      {state === 'secondFactor' && (
        <>
          <p>{t('invitation.finishSignInHint')}</p>
          <ButtonLink href={`/sign-in/two-factor?next=${encodeURIComponent(path)}`}>{t('invitation.finishSignIn')}</ButtonLink>
        </>
      )}
      {state === 'otherAccount' && (
        <>
          <p>{t('invitation.otherAccountFor')}</p>
          <Address email={invitation.email} />
          <p>{t('invitation.otherAccountCurrent')}</p>
          <Address email={props.signedInAs ?? ''} />
          <p>{t('invitation.otherAccountWhat')}</p>
          <ButtonForm ctx={ctx} action="/sign-out" look="main">
            {t('invitation.signOutFirst')}
          </ButtonForm>
        </>
      )}
      {state === 'accept' && (
        <>
          <div class="actions">
            <ButtonForm ctx={ctx} action={`${path}/accept`} look="main">
              {t('invitation.accept')}
            </ButtonForm>
          </div>
          {decline}
        </>
      )}
    </section>
  );
}
