import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FormState } from '../ui/form.js';
import { AppError } from './errors.js';
import { flashConflict, FormRefused, submitForm, versionAsForm } from './form.js';
import { invalid } from './route-helpers.js';

/**
 * The form pipeline on its own, without a database: each route below is a form whose action does what the query
 * string says, and the "view" answers the form state as JSON so each step's outcome can be read exactly.
 */
const Input = z.object({ name: z.string().trim().min(1, { message: 'validation.required' }), version: z.coerce.number().int().optional() });

let app: FastifyInstance;
const written: string[] = [];

before(async () => {
  app = Fastify();
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  const view = (form: FormState, status: number, refusedBy: string) => ({ status, refusedBy, form });
  app.post('/form', async (req, reply) => {
    const mode = (req.query as { mode?: string }).mode;
    const answer = await submitForm(req, reply, {
      schema: Input,
      inputErrors: versionAsForm('error.conflict'),
      view: (form, status, refusedBy) => view(form, status, refusedBy),
      conflict: mode === 'conflict-page' ? (err, form) => view({ ...form, errors: { _form: { key: err.messageKey } } }, 409, 'action') : undefined,
      action: async (input) => {
        if (mode === 'field') throw invalid('name', 'validation.required');
        if (mode === 'refused') throw new FormRefused({ _form: { key: 'signIn.invalid' } }, 401, { name: '' });
        if (mode === 'conflict' || mode === 'conflict-page') throw new AppError('CONFLICT');
        if (mode === 'crash') throw new Error('boom');
        written.push(input.name);
        return input.name.length;
      },
      success: (length) => ({ flash: { key: 'security.passwordChanged', params: { tokens: length } }, redirect: `/done/${length}` }),
    });
    // A view's answer is JSON here; a redirect has been sent already.
    if (reply.sent) return;
    const { status, ...rest } = answer as { status: number };
    return reply.code(status).send(rest);
  });
  app.post('/button', async (req, reply) =>
    submitForm(req, reply, {
      action: async () => {
        throw new AppError('CONFLICT', 'error.conflict');
      },
      success: () => ({ redirect: '/never' }),
      conflict: flashConflict(reply, '/back'),
    }),
  );
  app.setErrorHandler((err, _req, reply) => reply.code(err instanceof AppError ? (err.code === 'CONFLICT' ? 409 : 422) : 500).send({ error: err instanceof AppError ? err.code : 'internal' }));
  await app.ready();
});
after(() => app.close());

const post = (url: string, body: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(body).toString() });
const flashOf = (res: Awaited<ReturnType<typeof post>>) => {
  const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('tandem_flash='));
  return cookie ? JSON.parse(decodeURIComponent(cookie.split(';')[0]!.slice('tandem_flash='.length))) : undefined;
};

describe('submitForm: the one way a page handles a posted form', () => {
  it('bad input: the form again with the message next to the field (422), what was typed kept, nothing run, no CSRF token echoed', async () => {
    const before = written.length;
    const res = await post('/form', { name: '   ', _csrf: 'secret' });
    assert.equal(res.statusCode, 422);
    const body = res.json();
    assert.equal(body.refusedBy, 'input');
    assert.deepEqual(body.form.values, { name: '   ' });
    assert.equal(body.form.errors.name.key, 'validation.required');
    assert.equal(written.length, before);
  });

  it("a tampered hidden version is the whole form's problem (inputErrors)", async () => {
    const res = await post('/form', { name: 'Ola', version: 'x' });
    assert.equal(res.statusCode, 422);
    const { form } = res.json();
    assert.equal(form.errors.version, undefined);
    assert.equal(form.errors._form.key, 'error.conflict');
  });

  it('success: the flash for the next page and a 303 to where the action says', async () => {
    const res = await post('/form', { name: 'Ola' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/done/3');
    assert.deepEqual(flashOf(res), { kind: 'success', key: 'security.passwordChanged', params: { tokens: 3 } });
    assert.equal(written.at(-1), 'Ola');
  });

  it("the service's field refusal: the form again (422) by the action, with the field's message", async () => {
    const res = await post('/form?mode=field', { name: 'Ola' });
    assert.equal(res.statusCode, 422);
    const body = res.json();
    assert.equal(body.refusedBy, 'action');
    assert.equal(body.form.errors.name.key, 'validation.required');
    assert.equal(flashOf(res), undefined);
  });

  it('FormRefused: its own status and the values it gives (a password is never shown again)', async () => {
    const res = await post('/form?mode=refused', { name: 'Ola' });
    assert.equal(res.statusCode, 401);
    assert.deepEqual(res.json().form, { values: { name: '' }, errors: { _form: { key: 'signIn.invalid' } } });
  });

  it("a conflict: the form's own conflict page when it has one, otherwise the error handler's 409", async () => {
    const own = await post('/form?mode=conflict-page', { name: 'Ola' });
    assert.equal(own.statusCode, 409);
    assert.equal(own.json().form.errors._form.key, 'error.conflict');
    const plain = await post('/form?mode=conflict', { name: 'Ola' });
    assert.equal(plain.statusCode, 409);
    assert.deepEqual(plain.json(), { error: 'CONFLICT' });
  });

  it('any other error goes on to the error handler (no form shown with a half-done write)', async () => {
    const res = await post('/form?mode=crash', { name: 'Ola' });
    assert.equal(res.statusCode, 500);
  });

  it('a button without a form: a conflict becomes an error flash on the page it came from', async () => {
    const res = await post('/button', {});
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/back');
    assert.deepEqual(flashOf(res), { kind: 'error', key: 'error.conflict' });
  });
});
