import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { withTenant } from '../../../core/db/tx.js';
import { translator } from '../../../core/i18n/index.js';
import { TestClient } from '../../../core/testing/client.js';
import { findVolunteerById } from '../volunteers.repository.js';
import { DocumentsPanel } from './panel.js';
import { loadDocumentsPanel } from './panel-data.js';
import { pdfInfo, pdfText } from './pdf-text.js';
import { AGREEMENT, CERTIFICATE, auditEntries, countRows, createVolunteer, docsWorld, useWorld, documentsOf, download, eventsOf, flashOn, issue, ORG_NAME, signedIn } from './test-helpers.js';

const w = useWorld(docsWorld);
let coordinator: Awaited<ReturnType<typeof signedIn>>;
before(async () => {
  coordinator = await signedIn(w, ['coordinator']);
});

describe('issuing documents and their PDFs', () => {
  it('generates an agreement and a certificate in Polish, Ukrainian and German with both names intact in the PDF text', async () => {
    const v = await createVolunteer(w);
    const sizes: number[] = [];
    for (const locale of ['pl', 'uk', 'de']) {
      for (const form of [AGREEMENT, CERTIFICATE]) {
        const res = await issue(coordinator.client, v.id, { ...form, locale });
        assert.equal(res.status, 303, `${form.kind} ${locale}: ${res.body.slice(0, 300)}`);
        assert.equal(res.location, `/volunteers/${v.id}#documents`);
      }
    }
    const docs = await documentsOf(w, v.id);
    assert.equal(docs.length, 6);
    for (const doc of docs) {
      const pdf = await download(w, coordinator.client, `/volunteers/documents/${doc.id}.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="[A-Za-z0-9._-]+\.pdf"$/);
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      sizes.push(pdf.bytes.length);
      // A name may wrap at a line end: compare with every run of white space as one space.
      const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
      assert.ok(text.includes('Олена Коваленко'), `${doc.kind} ${doc.locale}: the volunteer's name with its Ukrainian letters`);
      assert.ok(text.includes(ORG_NAME), `${doc.kind} ${doc.locale}: the organisation's name with its Polish letters`);
      assert.ok(text.includes('Świętochłowice'), 'the place in the letterhead and the date line');
      assert.equal((await pdfInfo(pdf.bytes)).title, doc.title, 'the PDF title metadata');
      if (doc.kind === 'certificate') {
        assert.ok(doc.verificationCode && /^[A-Za-z0-9_-]{24}$/.test(doc.verificationCode), '144-bit base64url code');
        assert.ok(text.includes(`http://tandem.test/verify/${doc.verificationCode}`), 'the verification URL is printed');
      } else {
        assert.equal(doc.verificationCode, null, 'agreements have no verification link');
      }
    }
    const pl = docs.find((d) => d.kind === 'agreement' && d.locale === 'pl')!;
    assert.equal(pl.title, 'Porozumienie wolontariackie');
    assert.match(pl.body, /art\. 44 ustawy z dnia 24 kwietnia 2003/);
    assert.match(pl.body, /od 1 maja 2025 do 31 października 2025/);
    assert.match(pl.body, /ryzyku dla zdrowia i bezpieczeństwa/, 'the health-and-safety information');
    assert.match(pl.body, /nie dłuższy niż 30 dni, Organizacja ubezpiecza/, 'the accident insurance for up to 30 days');
    const plCert = docs.find((d) => d.kind === 'certificate' && d.locale === 'pl')!;
    assert.match(plCert.body, /Łączny wymiar świadczeń: 22 godziny\./, 'Polish plural of hours');
    assert.match(docs.find((d) => d.kind === 'certificate' && d.locale === 'uk')!.body, /22 години/);
    assert.equal(docs.find((d) => d.kind === 'agreement' && d.locale === 'de')!.title, 'Ehrenamtsvereinbarung');
    const events = await eventsOf(w, v.id);
    assert.equal(events.filter((e) => e.kind === 'agreement').length, 3);
    assert.equal(events.filter((e) => e.kind === 'document').length, 3);
    assert.equal((await auditEntries(w, w.org.id, 'volunteer_document.issue')).length, 6);
    assert.ok((await auditEntries(w, w.org.id, 'volunteer_document.download')).length >= 6, 'staff downloads are audited');
    console.log(`PDF sizes (bytes): ${sizes.join(', ')}`);
  });

  it('leaves out the hours paragraph when no hours are given, and issues a reference with the assessment', async () => {
    const v = await createVolunteer(w);
    await issue(coordinator.client, v.id, { ...CERTIFICATE, hours: '', locale: 'en' });
    const res = await issue(coordinator.client, v.id, { kind: 'reference', locale: 'en', scope: 'school help.', periodFrom: '2025-01-01', periodTo: '2025-06-30', hours: '1', assessment: 'Reliable and kind.\n\nAlways on time.' });
    assert.equal(res.status, 303);
    const [cert, ref] = await documentsOf(w, v.id);
    assert.doesNotMatch(cert!.body, /Total time of service/);
    assert.match(ref!.body, /Scope of the services: school help\.\n/, 'no doubled full stop');
    assert.match(ref!.body, /Total time of service: 1 hour\./);
    assert.match(ref!.body, /# Assessment of the services\n\nReliable and kind\.\n\nAlways on time\./);
    assert.ok(ref!.verificationCode);
    assert.notEqual(ref!.verificationCode, cert!.verificationCode);
  });

  it('reads the hours typed in Arabic-Indic digits (a text field with a numeric keyboard, not a number field)', async () => {
    const v = await createVolunteer(w);
    const form = await coordinator.client.get(`/volunteers/${v.id}/documents/new?kind=certificate`);
    assert.match(form.body, /name="hours" type="text"[^>]* inputmode="numeric"/, 'type="number" would empty "٢٢" in Chromium');
    const res = await issue(coordinator.client, v.id, { ...CERTIFICATE, hours: '١٢٠', locale: 'en' });
    assert.equal(res.status, 303);
    const [cert] = await documentsOf(w, v.id);
    assert.match(cert!.body, /Total time of service: 120 hours\./);
  });

  it('refuses bad input with messages next to the fields, echoes it escaped, and writes nothing', async () => {
    const v = await createVolunteer(w);
    const before = await countRows(w, 'volunteer_documents');
    const bad = await issue(coordinator.client, v.id, { ...AGREEMENT, locale: 'pl', scope: '<script>alert(1)</script>', periodFrom: '2025-02-30', periodTo: '2025-01-01', place: '', termination: 'x'.repeat(2001) });
    assert.equal(bad.status, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /Enter a real date/);
    assert.match(bad.body, /Fill in this field/);
    assert.match(bad.body, /at most 2,000 characters/);
    assert.match(bad.body, /&lt;script>alert\(1\)&lt;\/script>/, 'echoed as text');
    assert.doesNotMatch(bad.body, /<script>alert/);
    const reversed = await issue(coordinator.client, v.id, { ...AGREEMENT, locale: 'pl', periodFrom: '2025-06-01', periodTo: '2025-05-01' });
    assert.equal(reversed.status, 422);
    assert.match(reversed.body, /The end of the period cannot be before its start/);
    const unknownLocale = await issue(coordinator.client, v.id, { ...AGREEMENT, locale: 'fr' });
    assert.equal(unknownLocale.status, 422, 'only the five languages are offered');
    const tampered = await issue(coordinator.client, v.id, { ...CERTIFICATE, locale: 'pl', extra: 'x' } as Record<string, string>);
    assert.equal(tampered.status, 422);
    const wrongKind = await coordinator.client.post(`/volunteers/${v.id}/documents`, { ...AGREEMENT, kind: 'diploma', locale: 'pl' });
    assert.equal(wrongKind.status, 400);
    assert.equal(await countRows(w, 'volunteer_documents'), before, 'nothing written');
  });

  it('keeps the issued text when the template changes later', async () => {
    const admin = await signedIn(w, ['administrator']);
    const v = await createVolunteer(w);
    await issue(coordinator.client, v.id, { ...CERTIFICATE, locale: 'en' });
    await admin.client.get('/volunteers/templates/certificate/en');
    const saved = await admin.client.post('/volunteers/templates/certificate/en', { title: 'Service certificate', body: 'New wording for {volunteerName}.' });
    assert.equal(saved.status, 303);
    await issue(coordinator.client, v.id, { ...CERTIFICATE, locale: 'en' });
    const [first, second] = await documentsOf(w, v.id);
    assert.equal(first!.title, 'Certificate of volunteer service');
    assert.match(first!.body, /certifies that Олена Коваленко performed/);
    assert.equal(second!.title, 'Service certificate');
    assert.equal(second!.body, 'New wording for Олена Коваленко.');
    await admin.client.get('/volunteers/templates/certificate/en');
    await admin.client.post('/volunteers/templates/certificate/en', { intent: 'reset' });
  });

  it('marks an agreement signed on paper once; a second time and a revoked one are refused', async () => {
    const v = await createVolunteer(w);
    await issue(coordinator.client, v.id, { ...AGREEMENT, locale: 'pl' });
    const [doc] = await documentsOf(w, v.id);
    const signed = await coordinator.client.post(`/volunteers/documents/${doc!.id}/paper-signed`, { volunteerId: v.id });
    assert.equal(signed.status, 303);
    assert.equal(signed.location, `/volunteers/${v.id}#documents`);
    const [after1] = await documentsOf(w, v.id);
    assert.equal(after1!.acceptedHow, 'paper');
    assert.ok(after1!.acceptedAt);
    assert.equal(after1!.body, doc!.body);
    await coordinator.client.get('/volunteers/templates');
    const again = await coordinator.client.post(`/volunteers/documents/${doc!.id}/paper-signed`, { volunteerId: v.id });
    assert.equal(again.status, 303);
    assert.match(await flashOn(coordinator.client, '/volunteers/templates'), /already been accepted or signed/);
    assert.equal((await documentsOf(w, v.id))[0]!.acceptedAt!.getTime(), after1!.acceptedAt!.getTime(), 'the first time-stamp stays');
    await issue(coordinator.client, v.id, { ...AGREEMENT, locale: 'en' });
    const open = (await documentsOf(w, v.id))[1]!;
    assert.equal((await coordinator.client.post(`/volunteers/documents/${open.id}/revoke`, { volunteerId: v.id })).status, 303);
    await coordinator.client.get('/volunteers/templates');
    await coordinator.client.post(`/volunteers/documents/${open.id}/paper-signed`, { volunteerId: v.id });
    assert.equal((await documentsOf(w, v.id))[1]!.acceptedAt, null, 'a revoked agreement cannot be signed');
    const events = await eventsOf(w, v.id);
    assert.ok(events.some((e) => e.kind === 'agreement' && e.detail.action === 'signed_on_paper'));
    assert.equal((await auditEntries(w, w.org.id, 'volunteer_document.paper_signed')).length, 1);
  });
});

describe('public verification page', () => {
  it('confirms a certificate with only what it says, in every language, and 404s for a wrong or revoked code', async () => {
    const v = await createVolunteer(w, { email: 'olena@example.org' });
    await issue(coordinator.client, v.id, { ...CERTIFICATE, locale: 'pl' });
    const [doc] = await documentsOf(w, v.id);
    const anonymous = new TestClient(w.t.app);
    const page = await anonymous.get(`/verify/${doc!.verificationCode}?lang=en`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Certificate of service/);
    assert.match(page.body, /Олена Коваленко/);
    assert.match(page.body, /Stowarzyszenie Łączy Nas – Świętochłowice/);
    assert.match(page.body, /1 May 2025 – 31 October 2025/);
    assert.doesNotMatch(page.body, /olena@example\.org/, 'no contact data');
    assert.doesNotMatch(page.body, /training|mentoring rodziny|22 godziny/i, 'no stage, no other content');
    for (const lang of ['pl', 'uk', 'de', 'ar']) assert.equal((await anonymous.get(`/verify/${doc!.verificationCode}?lang=${lang}`)).status, 200);
    assert.equal((await anonymous.get('/verify/AAAAAAAAAAAAAAAAAAAAAAAA?lang=en')).status, 404);
    const wrong = await anonymous.get('/verify/not-a-code?lang=en');
    assert.equal(wrong.status, 404);
    assert.match(wrong.body, /Document not found or revoked/);
    assert.ok((await auditEntries(w, w.org.id, 'volunteer_document.verify')).length >= 1);
    await coordinator.client.get('/volunteers/templates');
    await coordinator.client.post(`/volunteers/documents/${doc!.id}/revoke`, { volunteerId: v.id });
    assert.equal((await anonymous.get(`/verify/${doc!.verificationCode}?lang=en`)).status, 404, 'revoked');
    const pdf = await download(w, coordinator.client, `/volunteers/documents/${doc!.id}.pdf`);
    assert.match(await pdfText(pdf.bytes), /DOKUMENT UNIEWAŻNIONY/, 'a revoked document says so when printed');
  });
});

describe('documents panel and security', () => {
  it('the panel lists the documents with their state and the actions a coordinator may take', async () => {
    const v = await createVolunteer(w, { stage: 'approved', email: 'panel@example.org' });
    await issue(coordinator.client, v.id, { ...AGREEMENT, locale: 'pl', scope: '<img src=x onerror=alert(1)>' });
    const { volunteer, data } = await withTenant(w.db, { organisationId: w.org.id, userId: coordinator.user.userId }, async (tx) => ({
      volunteer: (await findVolunteerById(tx, w.org.id, v.id))!,
      data: await loadDocumentsPanel(tx, w.org.id, v.id),
    }));
    const ctx = { locale: 'en' as const, dir: 'ltr' as const, t: translator('en'), path: `/volunteers/${v.id}`, csrfToken: 'token', user: { displayName: 'C', roles: ['coordinator' as const], organisations: [], networkManager: false, administrator: false } };
    const html = render(h(DocumentsPanel, { ctx, volunteer, data }));
    assert.match(html, /Porozumienie wolontariackie/);
    assert.match(html, /Waiting for acceptance/);
    assert.match(html, /Mark as signed on paper/);
    assert.match(html, new RegExp(`href="/volunteers/documents/${data.documents[0]!.id}\\.pdf"`));
    assert.match(html, /Send an account invitation/);
    assert.match(html, /Issue a certificate of service/);
    const readOnly = render(h(DocumentsPanel, { ctx: { ...ctx, user: { ...ctx.user, roles: ['programme_manager' as const] } }, volunteer, data }));
    assert.doesNotMatch(readOnly, /Mark as signed on paper|Revoke|Issue a|Send an account invitation/);
    const page = await coordinator.client.get(`/volunteers/${v.id}?lang=en`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<section id="documents"/, 'the volunteer page shows the panel');
    assert.match(page.body, /Porozumienie wolontariackie/);
    assert.doesNotMatch(page.body, /<img src=x/);
  });

  it('security: no session → sign-in or 401; wrong role → 403; another organisation’s ids → 404 and nothing changed', async () => {
    const v = await createVolunteer(w, { stage: 'approved', email: 'sec@example.org' });
    await issue(coordinator.client, v.id, { ...AGREEMENT, locale: 'pl' });
    const [doc] = await documentsOf(w, v.id);
    const routes = {
      get: [`/volunteers/${v.id}/documents/new?kind=agreement`, `/volunteers/documents/${doc!.id}.pdf`],
      post: [`/volunteers/${v.id}/documents`, `/volunteers/documents/${doc!.id}/paper-signed`, `/volunteers/documents/${doc!.id}/revoke`, `/volunteers/${v.id}/invitation`],
    };
    const anon = new TestClient(w.t.app);
    for (const url of routes.get) assert.match(String((await anon.get(url)).location), /^\/sign-in\?next=/);
    await anon.get('/sign-in');
    for (const url of routes.post) assert.equal((await anon.post(url, { ...AGREEMENT, locale: 'pl' })).status, 401, url);

    const volunteerUser = await signedIn(w, ['volunteer']);
    for (const url of routes.get) assert.equal((await volunteerUser.client.get(url)).status, 403, url);
    for (const url of routes.post) assert.equal((await volunteerUser.client.post(url, { ...AGREEMENT, locale: 'pl' })).status, 403, url);

    const manager = await signedIn(w, ['programme_manager']);
    assert.equal((await download(w, manager.client, `/volunteers/documents/${doc!.id}.pdf`)).status, 200, 'read roles download');
    assert.equal((await manager.client.get(routes.get[0]!)).status, 403);
    for (const url of routes.post) assert.equal((await manager.client.post(url, { ...AGREEMENT, locale: 'pl' })).status, 403, url);

    const other = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    const before = await countRows(w, 'volunteer_documents');
    const eventsBefore = await countRows(w, 'volunteer_events');
    assert.equal((await other.client.get(routes.get[0]!)).status, 404);
    assert.equal((await download(w, other.client, routes.get[1]!)).status, 404);
    for (const url of routes.post) assert.equal((await other.client.post(url, { ...AGREEMENT, locale: 'pl', volunteerId: v.id })).status, 404, url);
    assert.equal((await other.client.get('/volunteers/documents/not-a-uuid.pdf')).status, 404);
    assert.equal(await countRows(w, 'volunteer_documents'), before);
    assert.equal(await countRows(w, 'volunteer_events'), eventsBefore);
    const [unchanged] = await documentsOf(w, v.id);
    assert.equal(unchanged!.acceptedAt, null);
    assert.equal(unchanged!.revokedAt, null);
  });
});

describe('documents API', () => {
  it('issues and lists documents with a personal access token; bad input is a 422 with fields; other organisations get 404', async () => {
    const { createAccessToken } = await import('../../../core/auth/access-tokens.js');
    const v = await createVolunteer(w);
    const { token } = await createAccessToken(w.db, { userId: coordinator.user.userId, organisationId: w.org.id, name: 'api' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await w.t.app.inject({ method: 'POST', url: `/api/v1/volunteers/${v.id}/documents`, headers, payload: JSON.stringify({ ...CERTIFICATE, hours: 40, locale: 'de' }) });
    assert.equal(created.statusCode, 201, created.body);
    const doc = created.json();
    assert.equal(doc.title, 'Tätigkeitsnachweis über ehrenamtliches Engagement');
    assert.match(doc.body, /Zeitlicher Umfang insgesamt: 40 Stunden\./);
    assert.match(doc.verificationUrl, /^http:\/\/tandem\.test\/verify\/[A-Za-z0-9_-]{24}$/);
    const bad = await w.t.app.inject({ method: 'POST', url: `/api/v1/volunteers/${v.id}/documents`, headers, payload: JSON.stringify({ kind: 'agreement', locale: 'pl', periodFrom: '2025-13-01' }) });
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.json().error.fields.scope && bad.json().error.fields.periodFrom);
    const list = await w.t.app.inject({ method: 'GET', url: `/api/v1/volunteers/${v.id}/documents`, headers });
    assert.equal(list.json().length, 1);
    const outsider = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    const { token: otherToken } = await createAccessToken(w.db, { userId: outsider.user.userId, organisationId: w.other.id, name: 'api' });
    assert.equal((await w.t.app.inject({ method: 'GET', url: `/api/v1/volunteers/${v.id}/documents`, headers: { authorization: `Bearer ${otherToken}` } })).statusCode, 404);
    assert.equal((await w.t.app.inject({ method: 'GET', url: `/api/v1/volunteers/${v.id}/documents` })).statusCode, 401);
    const spec = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.ok(spec.paths['/api/v1/volunteers/{id}/documents'].post);
  });
});
