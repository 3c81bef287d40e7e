import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { withSystem } from '../../../core/db/tx.js';
import { introductions } from '../matching.table.js';
import { anonymous, countRows, createMatch, matchedMentee, createVenue, activeVolunteer, signedIn, useWorld } from './test-helpers.js';

const w = useWorld();
let ids: { match: string; introduction: string; venue: string };
const year = new Date().getUTCFullYear() + 1;
before(async () => {
  const venue = await createVenue(w, { name: 'Kawiarnia' });
  const match = await createMatch(w, (await matchedMentee(w)).id, (await activeVolunteer(w)).id);
  const { user } = await signedIn(w, ['coordinator']);
  const [intro] = await withSystem(w.db, (tx) =>
    tx.insert(introductions).values({ organisationId: w.org.id, matchId: match.id, venueId: venue.id, startsAt: new Date(Date.UTC(year, 3, 1, 10)), icsUid: 'sec@tandem.test', createdByUserId: user.userId }).returning(),
  );
  ids = { match: match.id, introduction: intro!.id, venue: venue.id };
});

const form = () => ({ venueId: ids.venue, date: `${year}-05-05`, time: '10:00', minutes: '60' });
const gets = () => [`/matching/matches/${ids.match}/introduction`, `/matching/introductions/${ids.introduction}/reschedule`];
const posts = (): [string, Record<string, string>][] => [
  [`/matching/matches/${ids.match}/introduction`, form()],
  [`/matching/introductions/${ids.introduction}/reschedule`, form()],
  [`/matching/introductions/${ids.introduction}/cancel`, {}],
  [`/matching/introductions/${ids.introduction}/held`, {}],
];
const snapshot = async () => JSON.stringify([await withSystem(w.db, (tx) => tx.select().from(introductions)), await countRows(w, 'outbox')]);

describe('security of introductions', () => {
  it('without a session: pages go to sign-in, posts are refused (401), nothing changes', async () => {
    const client = await anonymous(w);
    const before = await snapshot();
    for (const url of gets()) assert.match((await client.get(url)).location ?? '', /^\/sign-in\?next=/, url);
    for (const [url, body] of posts()) assert.equal((await client.post(url, body)).status, 401, url);
    assert.equal(await snapshot(), before);
  });

  it('a volunteer account and a programme manager get 403, and nothing changes', async () => {
    const before = await snapshot();
    for (const role of ['volunteer', 'programme_manager'] as const) {
      const { client } = await signedIn(w, [role]);
      for (const url of gets()) assert.equal((await client.get(url)).status, 403, `${role} ${url}`);
      for (const [url, body] of posts()) assert.equal((await client.post(url, body)).status, 403, `${role} ${url}`);
    }
    assert.equal(await snapshot(), before);
  });

  it('another organisation’s match or introduction is not found (404), even with bad input; nothing changes', async () => {
    await createVenue(w, { name: 'Kawiarnia Beta', organisationId: w.other.id });
    const { client } = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    const before = await snapshot();
    for (const url of gets()) assert.equal((await client.get(url)).status, 404, url);
    await client.get('/');
    for (const [url, body] of posts()) assert.equal((await client.post(url, body)).status, 404, url);
    assert.equal((await client.post(`/matching/matches/${ids.match}/introduction`, { venueId: 'x', date: 'never' })).status, 404);
    assert.equal((await client.post(`/matching/introductions/${ids.introduction}/reschedule`, { date: 'never' })).status, 404);
    assert.equal((await client.get('/matching/matches/not-a-uuid/introduction')).status, 404);
    assert.equal(await snapshot(), before);
  });
});
