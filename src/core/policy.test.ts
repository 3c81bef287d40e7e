/**
 * The policy layer on its own: roles per action, the resource rules and who skips them, the errors.
 *   node --import tsx --test src/core/policy.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Tx } from './db/tx.js';
import { AppError } from './http/errors.js';
import { allowed, assertAllowed, authorize, definePolicy, permits } from './policy.js';
import type { RequestActor } from './tenancy/actor.js';
import { clockAt } from './tenancy/org-clock.js';
import type { Role } from './tenancy/tenancy.table.js';

const tx = {} as Tx;
const actor = (roles: readonly Role[], userId = 'u1') =>
  ({ organisationId: 'o1', userId, roles, org: { timeZone: 'Europe/Warsaw' }, clock: clockAt(new Date('2026-03-01T10:00:00Z'), 'Europe/Warsaw') }) as unknown as RequestActor;

/** A rule that records what it was asked and says yes for record "mine" of user u1. */
const asked: string[] = [];
const policy = definePolicy(
  {
    read: { roles: ['administrator', 'coordinator'] },
    edit: { roles: ['administrator', 'coordinator', 'social_worker'], rule: 'owns', everyRecord: ['administrator'] },
  },
  {
    owns: async (_tx, a, id) => {
      asked.push(`${a.userId}:${id}:${a.clock.today}`);
      return a.userId === 'u1' && id === 'mine';
    },
  },
);

const forbidden = (err: unknown) => err instanceof AppError && err.code === 'FORBIDDEN';

describe('core/policy', () => {
  it('gives each action its roles for the routes', () => {
    assert.deepEqual(policy.roles('read'), ['administrator', 'coordinator']);
    assert.deepEqual(policy.roles('edit'), ['administrator', 'coordinator', 'social_worker']);
  });

  it('allowed: any one of the roles is enough; nobody signed in is never allowed', () => {
    assert.equal(allowed(actor(['coordinator']), policy, 'read'), true);
    assert.equal(allowed(actor(['volunteer', 'administrator']), policy, 'read'), true);
    assert.equal(allowed(actor(['social_worker']), policy, 'read'), false);
    assert.equal(allowed(actor([]), policy, 'read'), false);
    assert.equal(allowed(undefined, policy, 'read'), false);
    assert.equal(allowed(null, policy, 'read'), false);
    // Roles only: the rule is not run for a view's link.
    assert.equal(allowed(actor(['social_worker'], 'u2'), policy, 'edit'), true);
  });

  it('assertAllowed throws FORBIDDEN without the role, and refuses an action that has a rule', () => {
    assert.doesNotThrow(() => assertAllowed(actor(['administrator']), policy, 'read'));
    assert.throws(() => assertAllowed(actor(['social_worker']), policy, 'read'), forbidden);
    assert.throws(() => assertAllowed(actor(['administrator']), policy, 'edit'), /resource rule/);
  });

  it('authorize runs the rule with the actor and the record, on the actor\u2019s today', async () => {
    asked.length = 0;
    await authorize(tx, actor(['social_worker']), policy, 'edit', 'mine');
    await assert.rejects(authorize(tx, actor(['social_worker']), policy, 'edit', 'theirs'), forbidden);
    await assert.rejects(authorize(tx, actor(['coordinator'], 'u2'), policy, 'edit', 'mine'), forbidden);
    assert.deepEqual(asked, ['u1:mine:2026-03-01', 'u1:theirs:2026-03-01', 'u2:mine:2026-03-01']);
  });

  it('authorize checks the roles before the rule, and skips the rule for the everyRecord roles', async () => {
    asked.length = 0;
    await assert.rejects(authorize(tx, actor(['volunteer']), policy, 'edit', 'mine'), forbidden);
    await authorize(tx, actor(['administrator'], 'u9'), policy, 'edit', 'theirs');
    assert.deepEqual(asked, []);
  });

  it('authorize without a rule is assertAllowed; with a rule it needs the record id', async () => {
    await authorize(tx, actor(['coordinator']), policy, 'read');
    await assert.rejects(authorize(tx, actor(['social_worker']), policy, 'read'), forbidden);
    await assert.rejects(authorize(tx, actor(['social_worker']), policy, 'edit'), /needs the record/);
  });

  it('permits answers the same question as a boolean', async () => {
    assert.equal(await permits(tx, actor(['social_worker']), policy, 'edit', 'mine'), true);
    assert.equal(await permits(tx, actor(['social_worker']), policy, 'edit', 'theirs'), false);
    assert.equal(await permits(tx, actor(['administrator'], 'u9'), policy, 'edit', 'theirs'), true);
    assert.equal(await permits(tx, actor(['volunteer']), policy, 'edit', 'mine'), false);
  });
});
