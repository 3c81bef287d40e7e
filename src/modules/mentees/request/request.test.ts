/**
 * The public request for support /o/:slug/request: in Ukrainian with the confirmation mail read back from a real SMTP
 * server, the consents' exact wording, bad input (nothing written), spam protection (honeypot, too fast, replayed,
 * another form's token), and the link from the organisation's public page.
 *   npx tsx scripts/test.ts --only=unit src/modules/mentees/request/request.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../../../core/db/tx.js';
import { appSecret } from '../../../core/http/secrets.js';
import { translator } from '../../../core/i18n/index.js';
import { TestClient } from '../../../core/testing/client.js';
import { startSmtp } from '../../../core/testing/smtp.js';
import { people } from '../../../core/tenancy/tenancy.table.js';
import { issueFormToken } from '../../volunteers/application/form-token.js';
import { mentees } from '../mentees.table.js';
import { auditEntries, caseStaffOf, consentsOf, counts, decodeMail, errorOf, eventsOf, formErrorOf, formTokenOf, menteeRow, world, type World } from '../test-helpers.js';

let w: World;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
before(async () => {
  smtp = await startSmtp();
  w = await world({ SMTP_URL: smtp.url });
});
after(async () => {
  await w.t.close();
  await smtp.close();
});

const uk = translator('uk');

/** A token of the request form issued ten seconds ago (the real one needs a 3-second wait; tests do not wait). */
const backdated = async (organisationId = w.org.id, ageMs = 10_000) => issueFormToken(await appSecret(w.db, 'mentee-request-hmac'), organisationId, Date.now() - ageMs);

function validRequest(overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> {
  const base: Record<string, string | string[] | undefined> = {
    website: '',
    givenName: 'Марко',
    familyName: 'Гнатюк',
    age: '11',
    forSomeoneElse: 'yes',
    carerName: 'Оксана Гнатюк',
    email: 'oksana.h@example.org',
    phone: '',
    locale: 'uk',
    needs: ['school_help', 'leisure'],
    'languages.0.code': 'uk',
    'languages.0.level': 'native',
    availability: ['mon-afternoon', 'wed-afternoon'],
    district: 'Zatorze',
    'consents.support': 'yes',
    'consents.contactEmail': 'yes',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string | string[]] => e[1] !== undefined));
}

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
    assert.equal(res.status, 303, errorOf(res.body, 'email') ?? formErrorOf(res.body) ?? res.body.slice(0, 200));
    assert.equal(res.location, '/o/alfa/request/thanks?lang=uk');
    const thanks = await client.get(res.location!);
    assert.ok(thanks.body.includes(uk('mentees.request.thanks.title')));
    const after = await counts(w);
    assert.equal(after.mentees - before.mentees, 1);
    assert.equal(after.mentee_case_staff - before.mentee_case_staff, 0, 'no case staff until reviewed');
    assert.equal(after.used_form_tokens - before.used_form_tokens, 1);

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
    const mail = smtp.received.find((r) => r.to.includes('oksana.h@example.org'));
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
      assert.equal(errorOf(res.body, field), message, field);
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
      assert.equal(errorOf(res.body, field), message, JSON.stringify(change));
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
