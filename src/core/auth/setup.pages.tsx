import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ModuleContext } from '../module.js';
import { audit } from '../audit/audit.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { AppError } from '../http/errors.js';
import { submitForm } from '../http/form.js';
import { memberships, organisations, people } from '../tenancy/tenancy.table.js';
import { emptyForm, FormPage, SubmitButton, type FieldSpec, type FormState, type PageContext, sendPage } from '../ui/index.js';
import { credentials, users } from './auth.table.js';
import { SetupInput } from './auth.schemas.js';
import { setSessionCookie } from './cookies.js';
import { hashPassword } from './passwords.js';
import { createSession } from './session.js';
import { personSearchText } from '../tenancy/people-search.js';

/** First start without demo data: the first administrator creates the first organisation. */
export function setupPages({ app, db }: ModuleContext) {
  const hasUsers = () => withSystem(db, async (tx) => rowsOf<{ any: boolean }>(await tx.execute(sql`select exists (select 1 from users) as any`))[0]!.any);
  const page = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    sendPage(req, reply, (c) => c.t('setup.title'), (ctx) => <SetupView ctx={ctx} form={form} />, status);

  app.get('/setup', { config: { access: 'public' } }, async (req, reply) => {
    if (await hasUsers()) throw new AppError('NOT_FOUND');
    return page(req, reply, emptyForm());
  });

  app.post('/setup', { config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) => {
    if (await hasUsers()) throw new AppError('NOT_FOUND');
    const { _csrf, password: _p, confirm: _c, ...visible } = (req.body ?? {}) as Record<string, unknown>;
    return submitForm(req, reply, {
      schema: SetupInput,
      values: visible,
      view: (form, status) => page(req, reply, form, status),
      action: (input) => createFirstAdministrator(req, reply, input),
      success: () => ({ flash: 'setup.done', redirect: '/account/security' }),
    });
  });

  /** The first user, organisation and membership in one transaction, signed in at once; NOT_FOUND if someone was first. */
  const createFirstAdministrator = async (req: FastifyRequest, reply: FastifyReply, input: z.output<typeof SetupInput>) => {
    const passwordHash = await hashPassword(input.password);
    const token = await withSystem(db, async (tx) => {
      // Checked again inside the transaction: two people racing through set-up get one administrator.
      await tx.execute(sql`lock table users in share row exclusive mode`);
      if (rowsOf<{ any: boolean }>(await tx.execute(sql`select exists (select 1 from users) as any`))[0]!.any) return null;
      const userId = randomUUID();
      await tx.insert(users).values({ id: userId, email: input.email, displayName: input.displayName, locale: req.locale });
      await tx.insert(credentials).values({ userId, passwordHash });
      const [org] = await tx.insert(organisations).values({ slug: input.slug, name: input.organisationName, defaultLocale: req.locale }).returning({ id: organisations.id });
      const [given = input.displayName, ...rest] = input.displayName.split(' ');
      const [person] = await tx
        .insert(people)
        .values({ organisationId: org!.id, givenName: given, familyName: rest.join(' ') || given, email: input.email, locale: req.locale, userId, searchText: personSearchText({ givenName: given, familyName: rest.join(' ') || given, email: input.email }) })
        .returning({ id: people.id });
      await tx.insert(memberships).values({ organisationId: org!.id, personId: person!.id, role: 'administrator' });
      await audit(tx, { organisationId: org!.id, userId, requestId: req.id }, { action: 'organisation.setup', entity: 'organisation', entityId: org!.id });
      return createSession(tx, userId, org!.id, { mfaPassed: true, remember: false });
    });
    if (!token) throw new AppError('NOT_FOUND');
    setSessionCookie(req, reply, token);
  };
}

function SetupView({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { name: 'organisationName', label: t('field.organisationName'), autocomplete: 'organization', required: true, maxLength: 200 },
    { name: 'slug', label: t('field.slug'), hint: t('field.slugHint'), required: true, maxLength: 63, dir: 'ltr' },
    { name: 'displayName', label: t('field.displayName'), autocomplete: 'name', required: true, maxLength: 120 },
    { name: 'email', type: 'email', label: t('field.email'), autocomplete: 'username', required: true, dir: 'ltr' },
    { name: 'password', type: 'password', label: t('field.newPassword'), hint: t('field.passwordHint'), autocomplete: 'new-password', required: true },
    { name: 'confirm', type: 'password', label: t('field.confirmPassword'), autocomplete: 'new-password', required: true },
  ];
  return (
    <FormPage ctx={ctx} form={form} fields={fields} title={t('setup.title')} intro={<p>{t('setup.intro')}</p>} action="/setup">
      <SubmitButton>{t('setup.submit')}</SubmitButton>
    </FormPage>
  );
}
