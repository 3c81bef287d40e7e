import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../../../core/db/tx.js';
import { createUser } from '../../../core/testing/fixtures.js';
import { matches, introductions } from '../../matching/index.js';
import { menteeCaseStaff, menteeEvents, mentees } from '../../mentees/index.js';
import { addDays, todayIn } from '../../../core/i18n/time-zone.js';
import { checkIns, covers } from '../pairs.table.js';
import { auditEntries } from '../../../core/testing/rows.js';
import { fieldError, flashOn } from '../../../core/testing/html.js';
import { header, icsProp, mimePart } from '../../../core/testing/mail.js';
import { signedIn, useWorld } from '../../../core/testing/world.js';
import { activeVolunteer, createVenue, matchedMentee } from '../../matching/testing.js';

const w = useWorld({ smtp: true });

const WAITING_SINCE = new Date('2024-03-01T09:30:00.000Z');
const STARTED = new Date('2025-01-15T10:00:00.000Z');

/** A pair followed by `coordinatorUserId`: volunteer Zofia (Polish), mentee Олена matched since 15 January 2025, waiting since March 2024. */
async function pair(coordinatorUserId: string | null, opts: { organisationId?: string; volunteerEmail?: string | null } = {}) {
  const organisationId = opts.organisationId ?? w.org.id;
  const volunteer = await activeVolunteer(w, { organisationId, givenName: 'Zofia', familyName: 'Wiśniewska', locale: 'pl', email: opts.volunteerEmail });
  const mentee = await matchedMentee(w, { organisationId, givenName: 'Олена', familyName: 'Коваленко', locale: 'uk' });
  await withSystem(w.db, (tx) => tx.update(mentees).set({ waitingSince: WAITING_SINCE }).where(eq(mentees.id, mentee.id)));
  const [match] = await withSystem(w.db, (tx) => tx.insert(matches).values({ organisationId, menteeId: mentee.id, volunteerId: volunteer.id, coordinatorUserId, startedAt: STARTED }).returning());
  return { volunteer, mentee, match: match! };
}

const matchRow = async (id: string) => (await withSystem(w.db, (tx) => tx.select().from(matches).where(eq(matches.id, id))))[0]!;
const menteeRow = async (id: string) => (await withSystem(w.db, (tx) => tx.select().from(mentees).where(eq(mentees.id, id))))[0]!;
const closings = (matchId: string) => withSystem(w.db, (tx) => tx.select().from(checkIns).where(and(eq(checkIns.matchId, matchId), eq(checkIns.kind, 'closing'))).orderBy(checkIns.side));
const endedEvents = (menteeId: string) => withSystem(w.db, (tx) => tx.select().from(menteeEvents).where(and(eq(menteeEvents.menteeId, menteeId), eq(menteeEvents.kind, 'match'))));
const outboxCount = async () => Number(rowsOf<{ n: number }>(await withSystem(w.db, (tx) => tx.execute(sql`select count(*)::int as n from outbox`)))[0]!.n);
const today = () => todayIn('Europe/Warsaw');

describe('ending a pair', () => {
  it('closes the match, returns the mentee to the waiting list keeping their waiting time, records both closing conversations and thanks the volunteer in Polish', async () => {
    const { user, client } = await signedIn(w, ['coordinator']);
    const { volunteer, mentee, match } = await pair(user.userId);

    const form = await client.get(`/pairs/${match.id}/close`);
    assert.equal(form.status, 200);
    assert.match(form.body, /End the pair: Zofia Wiśniewska and Олена Коваленко/);
    assert.match(form.body, /name="returnChoice" value="auto" checked/);
    assert.match(form.body, /name="sendThanks" value="true" checked/);
    assert.ok((await auditEntries(w, w.org.id, 'match.view')).some((a) => a.entityId === match.id && a.actorUserId === user.userId));

    const res = await client.post(`/pairs/${match.id}/close`, {
      version: '1',
      reason: 'no_contact',
      returnChoice: 'auto',
      sendThanks: 'true',
      volunteerHeldOn: today(),
      volunteerRating: '4',
      volunteerNotes: 'Zofia tried many times to call.',
      menteeHeldOn: '2025-01-15',
      menteeNotes: 'Olena would like someone who can meet in the evenings.',
    });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/matching/matches/${match.id}`);
    assert.match(await flashOn(client, res.location!), /back on the waiting list and keeps their place\. The volunteer was thanked by e-mail\./);

    const m = await matchRow(match.id);
    assert.equal(m.status, 'closed');
    assert.equal(m.endReason, 'no_contact');
    assert.ok(m.endedAt);
    assert.equal(m.version, 2);
    const me = await menteeRow(mentee.id);
    assert.equal(me.status, 'waiting');
    assert.equal(me.waitingSince?.toISOString(), WAITING_SINCE.toISOString(), 'the person keeps their waiting time');
    const [event] = await endedEvents(mentee.id);
    assert.deepEqual([event!.fromStatus, event!.toStatus, event!.detail.action, event!.detail.endReason, event!.detail.returned], ['matched', 'waiting', 'ended', 'no_contact', true]);
    const rows = await closings(match.id);
    assert.deepEqual(
      rows.map((r) => [r.side, r.heldOn, r.rating, r.notes, r.recordedByUserId]),
      [
        ['mentee', '2025-01-15', null, 'Olena would like someone who can meet in the evenings.', user.userId],
        ['volunteer', today(), 4, 'Zofia tried many times to call.', user.userId],
      ],
    );
    for (const action of ['match.close', 'mentee.status']) assert.equal((await auditEntries(w, w.org.id, action)).filter((a) => a.actorUserId === user.userId).length, 1, action);
    assert.equal((await auditEntries(w, w.org.id, 'check_in.create')).filter((a) => a.actorUserId === user.userId).length, 2);

    // The case timeline names the event.
    const { client: sw } = await signedIn(w, ['coordinator']);
    assert.match((await sw.get(`/mentees/${mentee.id}`)).body, /Pair ended/);

    await w.t.worker.runDue();
    const mail = w.smtp.received.find((r) => r.to.includes(volunteer.email!));
    assert.ok(mail, 'the thank-you reached the volunteer');
    assert.equal(header(mail.raw, 'Subject'), 'Dziękujemy – Stowarzyszenie Łączy Nas');
    const text = mimePart(mail.raw, 'text/plain');
    assert.match(text, /Dzień dobry, Zofia!/);
    assert.match(text, /Twoja para z osobą: Олена została zakończona/);
    assert.match(text, /http:\/\/tandem\.test\/me\/meetings\/certificate\.pdf/);
    assert.match(text, /http:\/\/tandem\.test\/me\/volunteer/);
    assert.doesNotMatch(text, /Коваленко/, 'the volunteer learns only the first name');
  });

  it('cancels a first meeting still to come, with calendar cancellations to everyone, in the same transaction', async () => {
    const { user, client } = await signedIn(w, ['coordinator']);
    const { volunteer, match } = await pair(user.userId);
    const venue = await createVenue(w, { name: 'Kawiarnia Zamykana' });
    const [intro] = await withSystem(w.db, (tx) =>
      tx
        .insert(introductions)
        .values({ organisationId: w.org.id, matchId: match.id, venueId: venue.id, startsAt: new Date(Date.now() + 5 * 86_400_000), icsUid: `close-test-${match.id}@tandem`, createdByUserId: user.userId })
        .returning(),
    );
    const res = await client.post(`/pairs/${match.id}/close`, { version: '1', reason: 'moved_away', returnChoice: 'auto' });
    assert.equal(res.status, 303);
    const [after] = await withSystem(w.db, (tx) => tx.select().from(introductions).where(eq(introductions.id, intro!.id)));
    assert.equal(after!.status, 'cancelled');
    assert.equal(after!.sequence, 1);
    assert.ok((await auditEntries(w, w.org.id, 'introduction.cancel')).some((a) => a.entityId === intro!.id));
    await w.t.worker.runDue();
    const cancellation = w.smtp.received.find((m) => m.to.includes(volunteer.email!) && /METHOD:CANCEL/.test(m.raw));
    assert.ok(cancellation, 'the volunteer receives the calendar cancellation');
    assert.equal(icsProp(mimePart(cancellation.raw, 'text/calendar'), 'UID'), intro!.icsUid);
  });

  it('goal reached: the case is closed (no other pair runs) and no mail goes when the thank-you is unticked', async () => {
    const { user, client } = await signedIn(w, ['coordinator']);
    const { mentee, match } = await pair(user.userId);
    await client.get(`/pairs/${match.id}/close`);
    const mails = await outboxCount();
    const res = await client.post(`/pairs/${match.id}/close`, { version: '1', reason: 'goal_reached', returnChoice: 'auto' });
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, res.location!), /the case is closed\. No thank-you e-mail was sent\./);
    const me = await menteeRow(mentee.id);
    assert.equal(me.status, 'closed');
    assert.equal(me.statusReason, 'goal_reached');
    assert.equal(await outboxCount(), mails);
    assert.equal((await closings(match.id)).length, 0, 'no conversation given, none recorded');
  });

  it('"other" keeps its words; the user may override the default; another running pair keeps the person matched', async () => {
    const { user, client } = await signedIn(w, ['coordinator']);
    const { mentee, match, volunteer } = await pair(user.userId);
    const second = await activeVolunteer(w, { givenName: 'Jan', familyName: 'Nowak' });
    await withSystem(w.db, (tx) => tx.insert(matches).values({ organisationId: w.org.id, menteeId: mentee.id, volunteerId: second.id, coordinatorUserId: user.userId }));
    await client.get(`/pairs/${match.id}/close`);
    const res = await client.post(`/pairs/${match.id}/close`, { version: '1', reason: 'other', reasonText: 'Zofia started a new job', returnChoice: 'yes', sendThanks: 'true' });
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, res.location!), /Another pair of this person is still running/);
    assert.equal((await matchRow(match.id)).endReason, 'other:Zofia started a new job');
    assert.equal((await menteeRow(mentee.id)).status, 'matched');
    const [event] = await endedEvents(mentee.id);
    assert.equal(event!.detail.reason, 'Zofia started a new job');
    assert.ok(volunteer.email);

    // Moved away would not return the person by default; the user said yes.
    const other = await pair(user.userId);
    await client.get(`/pairs/${other.match.id}/close`);
    await client.post(`/pairs/${other.match.id}/close`, { version: '1', reason: 'moved_away', returnChoice: 'yes' });
    const back = await menteeRow(other.mentee.id);
    assert.equal(back.status, 'waiting');
    assert.equal(back.waitingSince?.toISOString(), WAITING_SINCE.toISOString());

    // A volunteer without an e-mail address: the form says so, and the pair still ends.
    const unreachable = await pair(user.userId, { volunteerEmail: null });
    assert.match((await client.get(`/pairs/${unreachable.match.id}/close`)).body, /has no e-mail address/);
    const mails = await outboxCount();
    const res2 = await client.post(`/pairs/${unreachable.match.id}/close`, { version: '1', reason: 'conflict', returnChoice: 'auto', sendThanks: 'true' });
    assert.match(await flashOn(client, res2.location!), /back on the waiting list and keeps their place\. No thank-you e-mail was sent\./);
    assert.equal(await outboxCount(), mails);
  });

  it('refuses bad input with a message next to the field and writes nothing', async () => {
    const { user, client } = await signedIn(w, ['coordinator']);
    const { mentee, match } = await pair(user.userId);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{}, 'reason', /Fill in this field/],
      [{ reason: 'other', reasonText: '   ' }, 'reasonText', /Write the other reason/],
      [{ reason: 'conflict', volunteerRating: '3' }, 'volunteerHeldOn', /Enter the date of the conversation/],
      [{ reason: 'conflict', menteeNotes: 'x', menteeHeldOn: addDays(today(), 1) }, 'menteeHeldOn', /cannot be in the future/],
      [{ reason: 'conflict', volunteerNotes: 'x', volunteerHeldOn: '2025-01-14' }, 'volunteerHeldOn', /before the pair began/],
      [{ reason: 'conflict', volunteerRating: '7', volunteerHeldOn: '2025-02-01' }, 'volunteerRating', /.+/],
      [{ reason: 'conflict', menteeNotes: 'x', menteeHeldOn: '2025-02-30' }, 'menteeHeldOn', /.+/],
      [{ reason: 'whatever' }, 'reason', /.+/],
    ];
    const mails = await outboxCount();
    for (const [body, field, message] of cases) {
      await client.get(`/pairs/${match.id}/close`);
      const res = await client.post(`/pairs/${match.id}/close`, { version: '1', returnChoice: 'auto', sendThanks: 'true', ...body });
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.match(fieldError(res.body, field) ?? '', message, `${field} for ${JSON.stringify(body)}`);
      assert.match(res.body, /class="error-summary"/);
      if (field === 'volunteerHeldOn') assert.match(res.body, /Date of the conversation with Zofia: /, 'the summary says whose conversation');
    }
    const m = await matchRow(match.id);
    assert.deepEqual([m.status, m.version, m.endReason], ['active', 1, null]);
    assert.equal((await menteeRow(mentee.id)).status, 'matched');
    assert.equal((await closings(match.id)).length, 0);
    assert.equal((await endedEvents(mentee.id)).length, 0);
    assert.equal(await outboxCount(), mails);
    assert.equal((await auditEntries(w, w.org.id, 'match.close')).filter((a) => a.entityId === match.id).length, 0);
  });

  it('answers a stale version with 409 and an ended pair with 409, writing nothing', async () => {
    const { user, client } = await signedIn(w, ['coordinator']);
    const { match } = await pair(user.userId);
    await client.get(`/pairs/${match.id}/close`);
    assert.equal((await client.post(`/pairs/${match.id}/close`, { version: '2', reason: 'conflict', returnChoice: 'auto' })).status, 409);
    assert.equal((await matchRow(match.id)).status, 'active');
    await client.get(`/pairs/${match.id}/close`);
    assert.equal((await client.post(`/pairs/${match.id}/close`, { version: '1', reason: 'conflict', returnChoice: 'auto' })).status, 303);
    assert.equal((await client.get(`/pairs/${match.id}/close`)).status, 409);
    assert.equal((await client.post(`/pairs/${match.id}/close`, { version: '2', reason: 'conflict', returnChoice: 'auto' })).status, 409);
  });

  it('lets only staff who follow the pair (or administrators) end it; another organisation’s pair is 404', async () => {
    const owner = await createUser(w.db, { organisationId: w.org.id, roles: ['coordinator'] });
    const { mentee, match } = await pair(owner.userId);
    const post = (c: Awaited<ReturnType<typeof signedIn>>['client']) => c.post(`/pairs/${match.id}/close`, { version: '1', reason: 'conflict', returnChoice: 'auto' });

    const stranger = await signedIn(w, ['coordinator']);
    assert.equal((await stranger.client.get(`/pairs/${match.id}/close`)).status, 403);
    assert.equal((await post(stranger.client)).status, 403);
    const volunteer = await signedIn(w, ['volunteer']);
    assert.equal((await volunteer.client.get(`/pairs/${match.id}/close`)).status, 403);
    assert.equal((await post(volunteer.client)).status, 403);
    const foreign = await signedIn(w, ['administrator'], { organisationId: w.other.id });
    assert.equal((await foreign.client.get(`/pairs/${match.id}/close`)).status, 404);
    assert.equal((await post(foreign.client)).status, 404);
    assert.equal((await stranger.client.get('/pairs/not-a-uuid/close')).status, 404);
    assert.equal((await matchRow(match.id)).status, 'active');

    // The case's social worker, the owner's cover today and an administrator may.
    const sw = await signedIn(w, ['social_worker']);
    await withSystem(w.db, (tx) => tx.insert(menteeCaseStaff).values({ organisationId: w.org.id, menteeId: mentee.id, userId: sw.user.userId }));
    assert.equal((await sw.client.get(`/pairs/${match.id}/close`)).status, 200);
    await withSystem(w.db, (tx) => tx.insert(covers).values({ organisationId: w.org.id, absentUserId: owner.userId, coverUserId: stranger.user.userId, startsOn: today(), endsOn: today(), createdByUserId: owner.userId }));
    assert.equal((await stranger.client.get(`/pairs/${match.id}/close`)).status, 200);
    const admin = await signedIn(w, ['administrator']);
    assert.equal((await admin.client.get(`/pairs/${match.id}/close`)).status, 200);
    assert.equal((await post(admin.client)).status, 303);
  });
});
