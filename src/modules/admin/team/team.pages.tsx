import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { adminPolicy, invitableRoles } from '../admin.policy.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { InviteInput, RoleChange } from './team.schemas.js';
import { changeRole, inviteToTeam, listMembers, resendToTeam, viewMember } from './team.service.js';
import { InviteFormView } from './views/invite-form.js';
import { MemberView } from './views/member.js';
import { TeamListView } from './views/team-list.js';
import { allowed } from '../../../core/policy.js';

/** /admin/users: the team, invitations, and (administrators) roles of a member. */
export function teamPages({ app, db, config }: ModuleContext) {
  const team = { access: { roles: adminPolicy.roles('team') } };
  const roles = { access: { roles: adminPolicy.roles('roles') } };

  app.get('/admin/users', { config: team }, async (req, reply) => {
    const members = await listMembers(db, actorOf(req), req.locale);
    return sendPage(req, reply, (c) => c.t('admin.team.title'), (ctx) => <TeamListView ctx={ctx} members={members} canChangeRoles={allowed(ctx.user, adminPolicy, 'roles')} />);
  });

  const invitePage = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    sendPage(req, reply, (c) => c.t('admin.invite.title'), (ctx) => <InviteFormView ctx={ctx} form={form} roles={invitableRoles(ctx.user!.roles)} />, status);

  app.get('/admin/users/invite', { config: team }, async (req, reply) => invitePage(req, reply, emptyForm({ role: 'volunteer', locale: req.locale })));

  app.post('/admin/users/invite', { config: team }, async (req, reply) =>
    submitForm(req, reply, {
      schema: InviteInput,
      view: (form, status) => invitePage(req, reply, form, status),
      action: async (input) => ({ input, ...(await inviteToTeam(db, actorOf(req), input, config.baseUrl)) }),
      success: ({ input, outcome }) => ({
        flash: { kind: outcome === 'invited' ? 'success' : 'info', key: `admin.invite.${outcome}`, params: { email: input.email, role: req.t(`role.${input.role}`) } },
        redirect: '/admin/users',
      }),
    }),
  );

  app.post('/admin/users/:personId/resend-invitation', { config: team }, async (req, reply) => {
    const { email } = await resendToTeam(db, actorOf(req), idParam(req, 'personId'), config.baseUrl);
    setFlash(reply, 'success', 'admin.invite.resentAgain', { email });
    return reply.redirect('/admin/users', 303);
  });

  const memberPage = async (req: FastifyRequest, reply: FastifyReply, personId: string, form: FormState, status = 200) => {
    const member = await viewMember(db, actorOf(req), personId);
    return sendPage(req, reply, `${member.givenName} ${member.familyName}`, (ctx) => <MemberView ctx={ctx} member={member} form={form} />, status);
  };

  app.get('/admin/users/:personId', { config: roles }, async (req, reply) => memberPage(req, reply, idParam(req, 'personId'), emptyForm()));

  app.post('/admin/users/:personId/roles', { config: roles }, async (req, reply) => {
    const personId = idParam(req, 'personId');
    return submitForm(req, reply, {
      schema: RoleChange,
      view: (form, status) => memberPage(req, reply, personId, form, status),
      action: async (input) => ({ role: input.role, outcome: await changeRole(db, actorOf(req), personId, input) }),
      success: ({ role, outcome }) => ({
        flash: { kind: outcome === 'added' || outcome === 'removed' ? 'success' : 'info', key: `admin.team.role.${outcome}`, params: { role: req.t(`role.${role}`) } },
        redirect: `/admin/users/${personId}`,
      }),
    });
  });
}
