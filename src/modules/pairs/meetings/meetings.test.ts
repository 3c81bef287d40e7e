import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { jobs } from '../../../core/jobs/jobs.table.js';
import { concernActions, concerns, meetings } from '../pairs.table.js';
import { auditEntries, countAll, createMatch, matchedMentee, daysAgo, fieldError, flashOn, browserOf, signedIn, textOf, volunteerAccount, useWorld } from './test-helpers.js';

const w = useWorld();

const meetingsOf = (matchId: string) => withSystem(w.db, (tx) => tx.select().from(meetings).where(eq(meetings.matchId, matchId)).orderBy(meetings.meetingDate));

/** A signed-in volunteer (English pages) with one active pair with Olena. */
async function volunteerWithPair(opts: { pairs?: number } = {}) {
  const account = await volunteerAccount(w);
  const pairs = [];
  for (let i = 0; i < (opts.pairs ?? 1); i++) {
    const mentee = await matchedMentee(w, { givenName: i === 0 ? 'Олена' : 'Mariam' });
    pairs.push(await createMatch(w, mentee.id, account.volunteer.id));
  }
  const client = await browserOf(w, account.user);
  return { ...account, client, match: pairs[0]!, pairs };
}

describe('the meeting log of a volunteer', () => {
  it('logs three meetings through the form and shows them newest first with the totals', async () => {
    const { client, match, volunteer, user } = await volunteerWithPair();
    const form = await client.get('/me/meetings/new');
    assert.equal(form.status, 200);
    assert.match(form.body, new RegExp(`<input type="hidden" name="matchId" value="${match.id}"`), 'one pair: a hidden field, no select');
    assert.doesNotMatch(form.body, /<select[^>]*name="matchId"/);
    assert.match(textOf(form.body), /Meeting with Олена/);
    assert.match(form.body, /name="meetingDate" type="date" value="\d{4}-\d{2}-\d{2}"/, 'the date defaults to today');
    assert.match(form.body, /type="radio" name="duration" value="60" checked/, 'one hour is preselected');
    assert.match(form.body, /name="minutes" type="text" inputmode="numeric"/, 'typed minutes: a numeric keyboard, any script’s digits');

    const logs: Record<string, string>[] = [
      { meetingDate: daysAgo(3), duration: '60', activity: 'conversation', place: 'Kawiarnia Pod Lipami', note: 'Rozmawiałyśmy o szkole.' },
      { meetingDate: daysAgo(2), duration: '90', activity: 'language_practice', place: '', note: '' },
      // Typed on an Arabic phone keyboard: Arabic-Indic digits (the field is text with a numeric keyboard, since a
      // number field would empty them).
      { meetingDate: daysAgo(1), duration: '60', minutes: '٤٥', activity: 'office_visit', place: 'Urząd', note: '' },
    ];
    for (const log of logs) {
      await client.get('/me/meetings/new');
      const res = await client.post('/me/meetings', { matchId: match.id, ...log });
      assert.equal(res.status, 303, res.body.slice(0, 300));
      assert.equal(res.location, '/me/meetings');
    }
    const rows = await meetingsOf(match.id);
    assert.deepEqual(
      rows.map((r) => [r.meetingDate, r.minutes, r.activity, r.place, r.volunteerId, r.loggedByUserId, r.worry]),
      [
        [daysAgo(3), 60, 'conversation', 'Kawiarnia Pod Lipami', volunteer.id, user.userId, false],
        [daysAgo(2), 90, 'language_practice', null, volunteer.id, user.userId, false],
        [daysAgo(1), 45, 'office_visit', 'Urząd', volunteer.id, user.userId, false],
      ],
      'typed minutes (45) win over the radio',
    );
    assert.equal((await auditEntries(w, w.org.id, 'meeting.create')).filter((a) => rows.some((r) => r.id === a.entityId)).length, 3);

    const page = await client.get('/me/meetings');
    assert.equal(page.status, 200);
    const text = textOf(page.body);
    assert.match(text, /3\.3 hours in total 3 meetings/, '195 minutes = 3.25 hours, shown with one decimal');
    const order = [...page.body.matchAll(/<h3>([^<]*) with Олена<\/h3>/g)].map((m) => m[1]);
    assert.equal(order.length, 3);
    assert.match(text, new RegExp(`${order[0]} with Олена 0\\.8 h · Visit to an office · Urząd`), 'newest first, 45 min = 0.8 h');
    assert.match(text, /Rozmawiałyśmy o szkole\./);
  });

  it('shows a select of pairs when the volunteer has more than one, and the totals in the locale format', async () => {
    const { client, pairs } = await volunteerWithPair({ pairs: 2 });
    const form = await client.get('/me/meetings/new');
    assert.match(form.body, /<select id="f-matchId" name="matchId"/);
    assert.match(form.body, /Mariam/);
    const res = await client.post('/me/meetings', { matchId: pairs[1]!.id, meetingDate: daysAgo(1), duration: '90', activity: 'leisure' });
    assert.equal(res.status, 303);
    const pl = await client.get('/me/meetings?lang=pl');
    assert.match(textOf(pl.body), /1,5 godz\. łącznie 1 spotkanie/, 'Polish decimal comma and plural');
  });

  it('refuses bad input with a message next to the field and writes nothing', async () => {
    const { client, match } = await volunteerWithPair();
    const tomorrow = daysAgo(-1);
    const cases: { name: string; form: Record<string, string>; field: string; message: RegExp }[] = [
      { name: 'a date in the future', form: { meetingDate: tomorrow, duration: '60' }, field: 'meetingDate', message: /cannot be in the future/ },
      { name: 'before the match started', form: { meetingDate: '2000-01-01', duration: '60' }, field: 'meetingDate', message: /The pair started on .*: the meeting cannot be earlier/ },
      { name: '30 hours', form: { meetingDate: daysAgo(1), minutes: '1800' }, field: 'minutes', message: /at most 12 hours/ },
      { name: 'negative minutes', form: { meetingDate: daysAgo(1), minutes: '-30' }, field: 'minutes', message: /more than 0 minutes/ },
      { name: 'zero minutes', form: { meetingDate: daysAgo(1), minutes: '0' }, field: 'minutes', message: /more than 0 minutes/ },
      { name: 'not a number', form: { meetingDate: daysAgo(1), minutes: 'an hour' }, field: 'minutes', message: /whole number of minutes/ },
      { name: 'no length at all', form: { meetingDate: daysAgo(1) }, field: 'duration', message: /Choose how long/ },
      { name: 'not a date', form: { meetingDate: '2024-02-30', duration: '60' }, field: 'meetingDate', message: /./ },
      { name: 'an unknown activity', form: { meetingDate: daysAgo(1), duration: '60', activity: 'party' }, field: 'activity', message: /./ },
      { name: 'a note that is too long', form: { meetingDate: daysAgo(1), duration: '60', note: 'x'.repeat(501) }, field: 'note', message: /500/ },
    ];
    const before = await countAll(w);
    for (const c of cases) {
      await client.get('/me/meetings/new');
      const res = await client.post('/me/meetings', { matchId: match.id, activity: 'conversation', ...c.form });
      assert.equal(res.status, 422, c.name);
      assert.match(fieldError(res.body, c.field) ?? '', c.message, `${c.name}: message next to ${c.field}`);
      assert.match(res.body, /class="error-summary"/, c.name);
    }
    assert.deepEqual(await countAll(w), before, 'nothing written');
  });

  it('answers 404 for another volunteer’s pair or another organisation’s, and 422 for an ended pair of one’s own', async () => {
    const { client, volunteer } = await volunteerWithPair();
    const other = await volunteerAccount(w, { givenName: 'Anna' });
    const theirs = await createMatch(w, (await matchedMentee(w)).id, other.volunteer.id);
    const foreignVolunteer = await volunteerAccount(w, { organisationId: w.other.id });
    const foreign = await createMatch(w, (await matchedMentee(w, { organisationId: w.other.id })).id, foreignVolunteer.volunteer.id, { organisationId: w.other.id });
    const ended = await createMatch(w, (await matchedMentee(w)).id, volunteer.id, { status: 'closed' });
    const before = await countAll(w);
    for (const matchId of [theirs.id, foreign.id, '00000000-0000-4000-8000-000000000000']) {
      await client.get('/me/meetings/new');
      const res = await client.post('/me/meetings', { matchId, meetingDate: daysAgo(1), duration: '60', activity: 'conversation' });
      assert.equal(res.status, 404);
      assert.doesNotMatch(res.body, /Anna|Олена/);
    }
    await client.get('/me/meetings/new');
    const res = await client.post('/me/meetings', { matchId: ended.id, meetingDate: daysAgo(1), duration: '60', activity: 'conversation' });
    assert.equal(res.status, 422);
    assert.match(res.body, /no longer active/);
    assert.deepEqual(await countAll(w), before);
    assert.doesNotMatch((await client.get('/me/meetings/new')).body, new RegExp(ended.id), 'ended pairs are not offered');
  });

  it('“something worries me” opens a concern with the severity and one-line summary the volunteer chose, its first action and the notice, in one transaction', async () => {
    const { client, match, volunteer, user } = await volunteerWithPair();
    const form = (await client.get('/me/meetings/new')).body;
    assert.match(textOf(form), /How serious is it\? \(required if something worries you\)/, 'never "optional" on a field that becomes required');
    assert.match(textOf(form), /In one line: what worries you\? \(required if something worries you\)/);
    const res = await client.post('/me/meetings', {
      matchId: match.id,
      meetingDate: daysAgo(1),
      duration: '60',
      activity: 'errand',
      note: 'Olena mówiła, że nie ma co jeść w domu. Dzieci chodzą głodne do szkoły.',
      worry: 'true',
      worrySeverity: 'high',
      worrySummary: 'Rodzina nie ma jedzenia',
    });
    assert.equal(res.status, 303);
    assert.match(await flashOn(client, res.location!), /coordinator was told/);
    const [meeting] = await meetingsOf(match.id);
    assert.equal(meeting!.worry, true);
    const [concern] = await withSystem(w.db, (tx) => tx.select().from(concerns).where(eq(concerns.meetingId, meeting!.id)));
    assert.ok(concern);
    assert.deepEqual(
      { severity: concern.severity, raisedAs: concern.raisedAs, status: concern.status, matchId: concern.matchId, menteeId: concern.menteeId, volunteerId: concern.volunteerId, raisedBy: concern.raisedByUserId, summary: concern.summary },
      { severity: 'high', raisedAs: 'volunteer', status: 'open', matchId: match.id, menteeId: match.menteeId, volunteerId: volunteer.id, raisedBy: user.userId, summary: 'Rodzina nie ma jedzenia' },
    );
    assert.equal(concern.description, 'Olena mówiła, że nie ma co jeść w domu. Dzieci chodzą głodne do szkoły.', 'the note is the description');
    const actions = await withSystem(w.db, (tx) => tx.select().from(concernActions).where(eq(concernActions.concernId, concern.id)));
    assert.deepEqual(actions.map((a) => [a.kind, a.detail]), [['status', { from: null, to: 'open' }]]);
    const [job] = await withSystem(w.db, (tx) => tx.select().from(jobs).where(eq(jobs.uniqueKey, `concern-notify:${concern.id}`)));
    assert.equal(job?.kind, 'pairs.concern.notify');
    assert.deepEqual(job?.payload, { concernId: concern.id });
    assert.ok((await auditEntries(w, w.org.id, 'concern.create')).some((a) => a.entityId === concern.id));

    // A worry needs its severity and its line: refused next to the fields, nothing written, the answers kept.
    const counted = await countAll(w);
    await client.get('/me/meetings/new');
    const missing = await client.post('/me/meetings', { matchId: match.id, meetingDate: daysAgo(2), duration: '30', activity: 'conversation', note: 'Coś jest nie tak.', worry: 'true' });
    assert.equal(missing.status, 422);
    assert.match(textOf(missing.body), /Choose how serious it is, so that the right person is told\./);
    assert.match(textOf(missing.body), /Write in one line what worries you\./);
    assert.match(missing.body, /href="#f-worrySeverity"/);
    assert.match(missing.body, /href="#f-worrySummary"/);
    assert.deepEqual(await countAll(w), counted);
    // Without the tick, severity and line are not asked for.
    const quiet = await client.post('/me/meetings', { matchId: match.id, meetingDate: daysAgo(2), duration: '30', activity: 'conversation', worry: '' });
    assert.equal(quiet.status, 303);
    assert.equal((await withSystem(w.db, (tx) => tx.select().from(concerns).where(eq(concerns.matchId, match.id)))).length, 1);

    // A worry with bad input writes neither the meeting nor the concern.
    const before = await countAll(w);
    await client.get('/me/meetings/new');
    const bad = await client.post('/me/meetings', { matchId: match.id, meetingDate: daysAgo(1), minutes: '1800', activity: 'conversation', worry: 'true', worrySeverity: 'low', worrySummary: 'Zmęczenie' });
    assert.equal(bad.status, 422);
    assert.match(bad.body, /name="worry" value="true" checked/, 'the tick is kept');
    assert.deepEqual(await countAll(w), before);
  });

  it('is only for volunteers: staff get 403, someone without a volunteer record a friendly page, strangers the sign-in', async () => {
    const { client: staff } = await signedIn(w, ['coordinator']);
    assert.equal((await staff.get('/me/meetings')).status, 403);
    assert.equal((await staff.get('/me/meetings/new')).status, 403);
    const { client: bare } = await signedIn(w, ['volunteer']);
    const page = await bare.get('/me/meetings/new');
    assert.equal(page.status, 200);
    assert.match(page.body, /no volunteer record/);
    const anon = await (await import('./test-helpers.js')).anonymous(w);
    const res = await anon.get('/me/meetings/new');
    assert.equal(res.status, 303);
    assert.match(res.location ?? '', /^\/sign-in/);
  });

  it('the whole log page (HTML, CSS and JavaScript) weighs under 30 KB gzip', async () => {
    const { client } = await volunteerWithPair({ pairs: 2 });
    const html = await client.get('/me/meetings/new?lang=uk');
    assert.equal(html.status, 200);
    const css = await client.get('/static/app.css');
    const js = await client.get('/static/app.js');
    assert.equal(css.status, 200);
    assert.equal(js.status, 200);
    assert.doesNotMatch(html.body, /<img|<link rel="preload"/, 'nothing else to fetch');
    const sizes = [html.body, css.body, js.body].map((b) => gzipSync(Buffer.from(b, 'utf8')).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    assert.ok(total < 30 * 1024, `total ${total} bytes gzip (html ${sizes[0]}, css ${sizes[1]}, js ${sizes[2]})`);
  });
});
