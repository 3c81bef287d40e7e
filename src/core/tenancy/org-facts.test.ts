import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { loadAuth } from '../auth/session.js';
import { withSystem, withTenant } from '../db/tx.js';
import { actorFor } from '../testing/actor.js';
import { createOrganisation, createUser } from '../testing/fixtures.js';
import { useApp } from '../testing/world.js';
import { actorOf } from './actor.js';
import { clockAt, clockOf, daysWaiting } from './org-clock.js';
import { startOfDayIn, utcToZoned } from '../i18n/time-zone.js';
import { allOrgFacts, findOrgFacts, findOrgFactsBySlug, orgFacts } from './org-facts.js';
import { organisations } from './tenancy.table.js';

const t = useApp();
let warsaw: { id: string };
let kiritimati: { id: string };
let user: Awaited<ReturnType<typeof createUser>>;
before(async () => {
  warsaw = await createOrganisation(t.database.db, 'facts-warsaw', 'Fundacja Warszawa');
  kiritimati = await createOrganisation(t.database.db, 'facts-kiritimati', 'Line Islands', 'en');
  await withSystem(t.database.db, (tx) => tx.update(organisations).set({ timeZone: 'Pacific/Kiritimati', country: 'KI', city: 'London' }).where(eq(organisations.id, kiritimati.id)));
  user = await createUser(t.database.db, { organisationId: kiritimati.id, roles: ['coordinator'] });
});

describe('organisation facts', () => {
  it('the session loads them with the user, in the same query: name, zone, language, country, city', async () => {
    const auth = await withSystem(t.database.db, (tx) => loadAuth(tx, user.userId, kiritimati.id));
    assert.deepEqual(auth?.organisation, { id: kiritimati.id, name: 'Line Islands', slug: 'facts-kiritimati', timeZone: 'Pacific/Kiritimati', locale: 'en', country: 'KI', city: 'London' });
  });

  it('jobs and public forms get the same shape from the loaders; another tenant’s organisation is not visible', async () => {
    const db = t.database.db;
    const byId = await withSystem(db, (tx) => orgFacts(tx, kiritimati.id));
    assert.deepEqual(await withSystem(db, (tx) => findOrgFactsBySlug(tx, 'facts-kiritimati')), byId);
    assert.ok((await withSystem(db, (tx) => allOrgFacts(tx))).some((o) => o.id === warsaw.id && o.timeZone === 'Europe/Warsaw' && o.locale === 'pl'));
    assert.equal(await withTenant(db, { organisationId: warsaw.id, userId: null }, (tx) => findOrgFacts(tx, kiritimati.id)), undefined);
    await assert.rejects(withTenant(db, { organisationId: warsaw.id, userId: null }, (tx) => orgFacts(tx, kiritimati.id)));
  });

  it('the request actor carries them and one clock for the whole request', async () => {
    const auth = await withSystem(t.database.db, (tx) => loadAuth(tx, user.userId, kiritimati.id));
    const req = { auth: { ...auth, via: 'session', mfaPassed: true }, id: 'req-1' } as unknown as FastifyRequest;
    const actor = actorOf(req);
    assert.equal(actor.org.timeZone, 'Pacific/Kiritimati');
    assert.equal(actor.clock.timeZone, 'Pacific/Kiritimati');
    assert.equal(actorOf(req), actor, 'the same actor (and "now") for every call in one request');
    assert.equal(clockOf(actor), actor.clock);
  });

  it('a test actor at 12:00 UTC on 7 December is already on 8 December in Kiritimati, and still on the 7th in Warsaw', async () => {
    const at = new Date('2026-12-07T12:00:00Z');
    const there = await actorFor(t.database.db, { organisationId: kiritimati.id, userId: user.userId, roles: ['coordinator'] }, at);
    const here = await actorFor(t.database.db, { organisationId: warsaw.id, userId: user.userId, roles: ['coordinator'] }, at);
    assert.equal(there.clock.today, '2026-12-08');
    assert.equal(here.clock.today, '2026-12-07');
    assert.equal(clockOf(here, new Date('2026-12-07T23:30:00Z')).today, '2026-12-08', 'another moment is read in the same zone');
  });
});

describe('the local-date arithmetic of a clock', () => {
  const clock = clockAt(new Date('2026-12-07T23:10:00Z'), 'Europe/Warsaw');
  it('counts days waiting on the calendar of the zone, not in 24-hour steps', () => {
    assert.equal(clock.today, '2026-12-08');
    assert.equal(daysWaiting(clock, new Date('2026-12-07T22:50:00Z')), 1, '23:50 and 00:10 are on two dates');
    assert.equal(daysWaiting(clock, new Date('2026-12-07T23:05:00Z')), 0);
    assert.equal(daysWaiting(clock, new Date('2026-12-09T12:00:00Z')), 0, 'never negative');
  });
  it('puts instants on local dates and local dates on instants', () => {
    assert.equal(utcToZoned(new Date('2026-12-07T23:10:00Z'), clock.timeZone).date, '2026-12-08');
    assert.equal(startOfDayIn('2026-12-08', clock.timeZone).toISOString(), '2026-12-07T23:00:00.000Z');
  });
});
