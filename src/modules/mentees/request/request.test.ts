/**
 * The public request for support /o/:slug/request: in Ukrainian with the confirmation mail read back from a real SMTP
 * server, the consents' exact wording, bad input (nothing written), spam protection (honeypot, too fast, replayed,
 * another form's token), and the link from the organisation's public page.
 *   npx tsx scripts/test.ts --only=unit src/modules/mentees/request/request.test.ts
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { translator } from '../../../core/i18n/index.js';
import { appSecret } from '../../../core/http/secrets.js';
import { TestClient } from '../../../core/testing/client.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { issueFormToken } from '../../volunteers/index.js';
import { instantDaysAgo } from '../../../core/testing/clock.js';
import { outbox } from '../../../core/mail/mail.table.js';
import { menteeEvents, mentees } from '../mentees.table.js';
import { auditEntries, backdatedRequestToken, signedIn, caseStaffOf, validRequest, consentsOf, assertRowsAdded, counts, decodeMail, fieldError, eventsOf, formErrorOf, formTokenOf, menteeRow, world, useWorld } from '../test-helpers.js';

const w = useWorld(() => world({ smtp: true }));

const uk = translator('uk');

/** A token of the request form issued ten seconds ago (the real one needs a 3-second wait; tests do not wait). */
const backdated = (organisationId = w.org.id, ageMs = 10_000) => backdatedRequestToken(w, organisationId, ageMs);

async function send(form: Record<string, string | string[]>, opts: { lang?: string; token?: string; client?: TestClient } = {}) {
  const client = opts.client ?? new TestClient(w.t.app);
  const lang = opts.lang ?? 'uk';
  await client.get(`/o/alfa/request?lang=${lang}`);
  return { client, res: await client.post(`/o/alfa/request?lang=${lang}`, { _form: opts.token ?? (await backdated()), ...form }) };
}

describe('the public request form', () => {
  it('is in the visitor’s language (the organisation’s by default), accessible without JavaScript, and linked from the public page', async () => {
    const client = new TestClient(w.t.app);
    const pl = await client.get('/o/alfa/request');
    assert.equal(pl.status, 200);
    assert.match(pl.body, /<html lang="pl"/);
    const page = await new TestClient(w.t.app).get('/o/alfa/request?lang=uk');
    assert.match(page.body, /<html lang="uk"/);
    assert.ok(page.body.includes(uk('mentees.request.title', { organisation: 'Stowarzyszenie Łączy Nas' })));
    assert.ok(page.body.includes(uk('mentees.request.consent.support', { organisation: 'Stowarzyszenie Łączy Nas' })), 'the consent wording as it will be stored');
    assert.match(page.body, /<option value="uk" selected>Українська<\/option>/, 'messages in the page’s language by default');
    assert.match(page.body, /<label for="f-website">/);
    assert.match(page.body, /name="_form" value="\d{13}\.[\w-]{22}\.[\w-]{43}"/);
    assert.equal((page.body.match(/name="availability"/g) ?? []).length, 21);
    assert.match(page.body, /<input id="f-district" name="district" type="text"/, 'free text while the organisation keeps no districts');
    for (const lang of ['en', 'de', 'ar']) assert.equal((await new TestClient(w.t.app).get(`/o/alfa/request?lang=${lang}`)).status, 200);
    assert.match((await new TestClient(w.t.app).get('/o/alfa/request?lang=ar')).body, /<html lang="ar" dir="rtl"/);
    const org = await new TestClient(w.t.app).get('/o/alfa?lang=en');
    assert.match(org.body, /<a href="\/o\/alfa\/request\?lang=en">Do you need support\? Ask for a volunteer<\/a>/);
    assert.equal((await new TestClient(w.t.app).get('/o/nobody/request')).status, 404);
  });

  it('writes a request in Ukrainian (status requested, no case staff, the consents’ wording) and mails a confirmation in Ukrainian', async () => {
    const before = await counts(w);
    const { client, res } = await send(validRequest());
    assert.equal(res.status, 303, fieldError(res.body, 'email') ?? formErrorOf(res.body) ?? res.body.slice(0, 200));
    assert.match(res.location!, /^\/o\/alfa\/request\/status\/[\w-]{43}\?lang=uk&sent=1$/, 'the thank-you page is the request’s own status page');
    const thanks = await client.get(res.location!);
    assert.ok(thanks.body.includes(uk('mentees.request.thanks.title')));
    assert.ok(thanks.body.includes(uk('mentees.request.status.keepMailed')));
    // No case staff until the request is reviewed.
    assertRowsAdded(before, await counts(w), { mentees: 1, mentee_case_staff: 0, used_form_tokens: 1 });

    const [person] = await withSystem(w.db, (tx) => tx.select().from(people).where(eq(people.email, 'oksana.h@example.org')));
    assert.equal(person!.givenName, 'Марко');
    assert.equal(person!.locale, 'uk');
    const [{ id }] = (await withSystem(w.db, (tx) => tx.select({ id: mentees.id }).from(mentees).where(eq(mentees.personId, person!.id)))) as [{ id: string }];
    const m = await menteeRow(w, id);
    assert.equal(m.status, 'requested');
    assert.equal(m.source, 'form');
    assert.equal(m.waitingSince, null);
    assert.equal(m.minor, true, 'an age of 11 makes a minor');
    assert.deepEqual(m.needs, ['school_help', 'leisure']);
    assert.equal(m.district, 'Zatorze');
    assert.deepEqual(await caseStaffOf(w, id), []);
    const consents = await consentsOf(w, id);
    assert.deepEqual(consents.map((c) => [c.purpose, c.lawfulBasis]), [['contact_email', 'consent'], ['support', 'consent']]);
    assert.equal(consents[1]!.text, uk('mentees.request.consent.support', { organisation: 'Stowarzyszenie Łączy Nas' }));
    const [created] = await eventsOf(w, id);
    assert.deepEqual(created!.detail, { source: 'form', carerName: 'Оксана Гнатюк', statedAge: 11 });
    const audit = (await auditEntries(w, w.org.id, 'mentee.request')).filter((a) => a.entityId === id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actorUserId, null);

    await w.t.worker.runDue();
    const mail = w.smtp.received.find((r) => r.to.includes('oksana.h@example.org'));
    assert.ok(mail, 'the SMTP server received the confirmation');
    const { subject, text } = decodeMail(mail.raw);
    assert.equal(subject, uk('mentees.mail.received.subject', { organisation: 'Stowarzyszenie Łączy Nas' }));
    assert.ok(text.includes(uk('mentees.mail.received.greeting', { name: 'Оксана Гнатюк' })), text);
    assert.ok(text.includes(uk('mentees.mail.received.bodyCarer', { organisation: 'Stowarzyszenie Łączy Nas' })), text);
  });

  it('refuses bad input with the message next to the field, in the visitor’s language, writing nothing', async () => {
    const cases: [Record<string, string | string[] | undefined>, string, string][] = [
      [{ needs: undefined }, 'needs', uk('validation.chooseAtLeast', { min: 1 })],
      [{ email: '', phone: '' }, 'email', uk('mentees.request.contactRequired')],
      [{ email: 'not-an-address' }, 'email', uk('validation.email')],
      [{ age: '', birthDate: '' }, 'age', uk('mentees.request.ageRequired')],
      [{ age: '', birthDate: '2999-01-01' }, 'birthDate', uk('validation.dateInFuture')],
      [{ carerName: '' }, 'carerName', uk('mentees.request.carerRequired')],
      [{ 'consents.support': undefined }, 'consents.support', uk('mentees.request.consentRequired')],
      [{ locale: 'xx' }, 'locale', uk('validation.choice')],
    ];
    for (const [change, field, message] of cases) {
      const before = await counts(w);
      const { res } = await send(validRequest({ email: 'bad.input@example.org', ...change }));
      assert.equal(res.status, 422, field);
      assert.equal(fieldError(res.body, field), message, field);
      assert.deepEqual(await counts(w), before, `${field}: nothing written`);
    }
  });

  it('refuses a name with a line break, a control character or a link (the confirmation repeats it to any address), in the visitor’s language, writing and mailing nothing', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ givenName: 'Марко\r\nBcc: victim@example.org' }, 'givenName', uk('validation.controlChars')],
      [{ familyName: 'Гнат\nюк' }, 'familyName', uk('validation.controlChars')],
      [{ familyName: 'Гнат\u2028юк' }, 'familyName', uk('validation.controlChars')],
      [{ carerName: 'Оксана\rГнатюк' }, 'carerName', uk('validation.controlChars')],
      [{ carerName: 'Оксана\tГнатюк' }, 'carerName', uk('validation.controlChars')],
      [{ givenName: 'Cheap pills https://spam.example' }, 'givenName', uk('validation.personName')],
      [{ familyName: 'see www.spam.example' }, 'familyName', uk('validation.personName')],
      [{ carerName: 'write to win@spam.example' }, 'carerName', uk('validation.personName')],
    ];
    for (const [change, field, message] of cases) {
      const before = await counts(w);
      const { res } = await send(validRequest({ email: 'victim@example.org', ...change }));
      assert.equal(res.status, 422, JSON.stringify(change));
      assert.equal(fieldError(res.body, field), message, JSON.stringify(change));
      assert.match(res.body, /<html lang="uk"/);
      assert.deepEqual(await counts(w), before, `${JSON.stringify(change)}: nothing written, nothing mailed`);
    }
  });

  it('refuses a filled honeypot, a form sent too fast, a volunteer form’s token and a replay — writing nothing', async () => {
    let before = await counts(w);
    const honeypot = await send(validRequest({ email: 'bot@example.org', website: 'http://spam.example' }));
    assert.equal(honeypot.res.status, 422);
    assert.ok(honeypot.res.body.includes(uk('volunteers.application.spam.honeypot')));
    assert.deepEqual(await counts(w), before);

    const fast = new TestClient(w.t.app);
    const page = await fast.get('/o/alfa/request?lang=uk');
    const tooFast = await fast.post('/o/alfa/request?lang=uk', { ...validRequest({ email: 'fast@example.org' }), _form: formTokenOf(page.body) });
    assert.equal(tooFast.status, 422);
    assert.equal(formErrorOf(tooFast.body), uk('volunteers.application.spam.tooFast'));
    assert.deepEqual(await counts(w), before);

    const volunteerToken = issueFormToken(await appSecret(w.db, 'form-hmac'), w.org.id, Date.now() - 10_000);
    const foreign = await send(validRequest({ email: 'foreign@example.org' }), { token: volunteerToken });
    assert.equal(foreign.res.status, 422);
    assert.equal(formErrorOf(foreign.res.body), uk('volunteers.application.spam.tampered'));
    assert.deepEqual(await counts(w), before);

    const token = await backdated();
    const first = await send(validRequest({ email: 'once@example.org' }), { token });
    assert.equal(first.res.status, 303);
    before = await counts(w);
    const replay = await send(validRequest({ email: 'once@example.org' }), { token, client: first.client });
    assert.equal(replay.res.status, 409);
    assert.equal(formErrorOf(replay.res.body), uk('mentees.request.spam.replayed'));
    assert.deepEqual(await counts(w), before);
  });
});

/** The id of the request whose sender gave `email`, and the status link's path from the redirect after sending. */
async function sent(email: string, overrides: Record<string, string | string[] | undefined> = {}, lang = 'uk') {
  const { client, res } = await send(validRequest({ email, ...overrides }), { lang });
  assert.equal(res.status, 303, fieldError(res.body, 'preferredVolunteerAgeMax') ?? formErrorOf(res.body) ?? '');
  const [row] = await withSystem(w.db, (tx) => tx.select({ id: mentees.id }).from(mentees).innerJoin(people, eq(people.id, mentees.personId)).where(eq(people.email, email)));
  return { id: row!.id, client, path: res.location!.replace('&sent=1', '') };
}

describe('the request’s preferences and its private status page', () => {
  it('keeps the wished volunteer’s gender and age range for matching, and refuses an age range upside down', async () => {
    const page = await new TestClient(w.t.app).get('/o/alfa/request?lang=en');
    assert.match(page.body, /<input type="radio" name="preferredVolunteerGender" value="any" checked/, 'no preference unless the person says so');
    const { id } = await sent('prefs@example.org', { preferredVolunteerGender: 'female', preferredVolunteerAgeMin: '25', preferredVolunteerAgeMax: '40' });
    const m = await menteeRow(w, id);
    assert.deepEqual([m.preferredVolunteerGender, m.preferredVolunteerAgeMin, m.preferredVolunteerAgeMax], ['female', 25, 40]);
    assert.deepEqual(m.languages, [{ code: 'uk', level: 'native' }]);
    assert.deepEqual(m.availability, ['mon-afternoon', 'wed-afternoon']);

    for (const [change, field, message] of [
      [{ preferredVolunteerAgeMin: '50', preferredVolunteerAgeMax: '30' }, 'preferredVolunteerAgeMax', uk('mentees.validation.ageRange')],
      [{ preferredVolunteerAgeMin: '12' }, 'preferredVolunteerAgeMin', uk('validation.tooSmall', { min: 16 })],
      [{ preferredVolunteerGender: 'robot' }, 'preferredVolunteerGender', uk('validation.choice')],
    ] as [Record<string, string>, string, string][]) {
      const before = await counts(w);
      const { res } = await send(validRequest({ email: 'upside@example.org', ...change }));
      assert.equal(res.status, 422, field);
      assert.equal(fieldError(res.body, field), message, field);
      assert.deepEqual(await counts(w), before);
    }
  });

  it('mails the status link (hidden from staff reading outgoing mail) and shows the steps as the request moves, in the visitor’s language', async () => {
    const { id, path } = await sent('status@example.org');
    await w.t.worker.runDue();
    const mail = w.smtp.received.find((r) => r.to.includes('status@example.org'));
    assert.ok(mail);
    const { text } = decodeMail(mail.raw);
    assert.ok(text.includes(uk('mentees.mail.received.statusLink')), text);
    const token = /request\/status\/([\w-]{43})/.exec(text)?.[1];
    assert.ok(token && path.includes(token), 'the mail carries the same private link');
    const [row] = await withSystem(w.db, (tx) => tx.select({ displayText: outbox.displayText, subject: outbox.subject }).from(outbox).where(eq(outbox.toAddress, 'status@example.org')));
    assert.ok(!row!.displayText!.includes(token!), 'staff reading outgoing mail do not see the link');
    const [stored] = await withSystem(w.db, (tx) => tx.select({ hash: mentees.statusTokenHash }).from(mentees).where(eq(mentees.id, id)));
    assert.match(stored!.hash!, /^[0-9a-f]{64}$/);
    assert.notEqual(stored!.hash, token, 'only the hash is kept');

    const visitor = new TestClient(w.t.app);
    let page = await visitor.get(path);
    assert.equal(page.status, 200);
    assert.match(page.body, /<html lang="uk"/);
    assert.equal(page.headers['x-robots-tag'], 'noindex, nofollow');
    assert.match(String(page.headers['cache-control']), /no-store/);
    assert.ok(page.body.includes(uk('mentees.request.status.title')));
    assert.match(page.body, /<li class="step step-current" aria-current="step"><span class="step-title">[^<]*<\/span>/);
    assert.ok(page.body.includes(uk('mentees.request.status.step.reviewedNotYet')) === false, 'future steps show no detail');
    assert.equal(currentStep(page.body), uk('mentees.request.status.step.received'));

    // A social worker accepts it: the person is on the waiting list, since the day they sent it.
    const worker = await signedIn(w, ['social_worker']);
    assert.equal((await worker.client.post(`/mentees/${id}/accept`, { version: '1' })).status, 303);
    await withSystem(w.db, (tx) => tx.update(mentees).set({ waitingSince: instantDaysAgo(5) }).where(eq(mentees.id, id)));
    page = await visitor.get(path);
    assert.equal(currentStep(page.body), uk('mentees.request.status.step.waiting'));
    assert.match(page.body, /\(5 днів\)/, 'days waiting counted in the organisation’s calendar');
    const pl = await visitor.get(path.replace('lang=uk', 'lang=pl'));
    assert.match(pl.body, /\(5 dni\)/);

    // A volunteer is found: the page says so and nothing about who.
    await withSystem(w.db, async (tx) => {
      await tx.update(mentees).set({ status: 'matched' }).where(eq(mentees.id, id));
      await tx.insert(menteeEvents).values({ organisationId: w.org.id, menteeId: id, kind: 'match', fromStatus: 'waiting', toStatus: 'matched', detail: { matchId: '00000000-0000-4000-8000-000000000001', volunteerId: '00000000-0000-4000-8000-000000000002' } });
    });
    page = await visitor.get(path.replace('lang=uk', 'lang=en'));
    assert.equal(currentStep(page.body), 'A volunteer has been found');
    assert.ok(page.body.includes(translator('en')('mentees.request.status.nextMatched', { organisation: 'Stowarzyszenie Łączy Nas' })));
    assert.ok(!page.body.includes('00000000-0000-4000-8000-00000000000'), 'no trace of the match or the volunteer');

    for (const status of ['on_hold', 'closed', 'declined'] as const) {
      await withSystem(w.db, (tx) => tx.update(mentees).set({ status }).where(eq(mentees.id, id)));
      page = await visitor.get(path);
      assert.equal(page.status, 200);
      assert.ok(page.body.includes(uk(`mentees.request.status.stopped.${status}`, { organisation: 'Stowarzyszenie Łączy Nas' })), status);
      assert.equal(currentStep(page.body), undefined, `${status}: no step is current`);
    }
  });

  it('answers any wrong, altered or other organisation’s link with the same “not found” page, writing nothing', async () => {
    const { path } = await sent('wrong@example.org', {}, 'en');
    const token = /status\/([\w-]{43})/.exec(path)![1]!;
    const before = await counts(w);
    const client = new TestClient(w.t.app);
    const notFound = translator('en')('mentees.request.status.invalid');
    for (const bad of [
      `/o/beta/request/status/${token}?lang=en`, // the same token at another organisation
      `/o/alfa/request/status/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}?lang=en`,
      `/o/alfa/request/status/${token.slice(1)}?lang=en`,
      `/o/alfa/request/status/${'x'.repeat(101)}?lang=en`,
      `/o/alfa/request/status/'%20or%201=1--?lang=en`,
      `/o/nobody/request/status/${token}?lang=en`,
    ]) {
      const res = await client.get(bad);
      assert.equal(res.status, 404, bad);
      if (!bad.startsWith('/o/nobody')) assert.ok(res.body.includes(notFound), bad);
      assert.doesNotMatch(res.body, /at .*\.ts:|select |SQL/i);
    }
    assert.deepEqual(await counts(w), before);
    assert.equal((await client.get(path)).status, 200);
  });
});

describe('digits typed in the Arabic script (a phone keyboard in Arabic types ٠١٢٣)', () => {
  it('keeps an age, a wished age range and a phone number typed in Arabic-Indic digits, as ASCII numbers', async () => {
    const page = await new TestClient(w.t.app).get('/o/alfa/request?lang=ar');
    // A number field (type="number") empties Arabic-Indic digits in Chromium: the server would never see them.
    for (const name of ['age', 'preferredVolunteerAgeMin', 'preferredVolunteerAgeMax']) {
      assert.match(page.body, new RegExp(`name="${name}" type="text"[^>]* inputmode="numeric"`), `${name}: a text field with a numeric keyboard`);
    }
    const { id } = await sent(
      'arabic.digits@example.org',
      { givenName: 'عمر', familyName: 'الخطيب', forSomeoneElse: undefined, carerName: undefined, locale: 'ar', age: '٣٥', phone: '+٤٨ ٦٠١ ٢٣٤ ٥٦٧', 'consents.contactPhone': 'yes', preferredVolunteerAgeMin: '۲۵', preferredVolunteerAgeMax: '٤٠' },
      'ar',
    );
    const m = await menteeRow(w, id);
    assert.deepEqual([m.preferredVolunteerAgeMin, m.preferredVolunteerAgeMax], [25, 40]);
    assert.equal((await eventsOf(w, id))[0]!.detail?.statedAge, 35, 'the stated age counts (it is not "missing")');
    const [person] = await withSystem(w.db, (tx) => tx.select({ phone: people.phone, givenName: people.givenName }).from(people).where(eq(people.email, 'arabic.digits@example.org')));
    assert.deepEqual(person, { phone: '+48 601 234 567', givenName: 'عمر' });
  });

  it('still refuses what is not a number, in Arabic, with what was typed kept', async () => {
    const ar = translator('ar');
    const { res } = await send(validRequest({ email: 'not.a.number@example.org', age: 'ثلاثون', phone: '+٤٨ abc' }), { lang: 'ar' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.body, 'age'), ar('validation.invalid'));
    assert.equal(fieldError(res.body, 'phone'), ar('validation.phone'));
    assert.match(res.body, /name="age" type="text" value="ثلاثون"/);
  });
});

/** The title of the step marked as current on a status page. */
function currentStep(body: string): string | undefined {
  return /aria-current="step"><span class="step-title">([^<]*)<\/span>/.exec(body)?.[1];
}
