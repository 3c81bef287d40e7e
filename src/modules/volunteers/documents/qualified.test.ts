import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addActivationFacts } from '../pipeline/test-helpers.js';
import { signedFormatOf } from './qualified.service.js';
import { AGREEMENT, auditEntries, createVolunteer, docsWorld, useWorld, documentsOf, download, eventsOf, flashOn, issue, signedIn, upload } from './test-helpers.js';

const w = useWorld(docsWorld);
let coordinator: Awaited<ReturnType<typeof signedIn>>, manager: Awaited<ReturnType<typeof signedIn>>, foreign: Awaited<ReturnType<typeof signedIn>>;
before(async () => {
  coordinator = await signedIn(w, ['coordinator']);
  manager = await signedIn(w, ['programme_manager']);
  foreign = await signedIn(w, ['administrator', 'coordinator'], { organisationId: w.other.id });
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n% signed with a qualified electronic signature\n'), Buffer.alloc(2000, 0x41), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const ASICE = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26, 0), Buffer.from('mimetypeapplication/vnd.etsi.asic-e+zip', 'latin1'), Buffer.alloc(100, 0)]);
const XADES = Buffer.from('<?xml version="1.0"?><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:Object><xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#"/></ds:Object></ds:Signature>');
const fieldError = (html: string, name: string) =>
  new RegExp(`id="f-${name}-error"[^>]*>([\\s\\S]*?)</p>`).exec(html)?.[1]?.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').trim();

async function agreementOf() {
  const v = await createVolunteer(w, { stage: 'approved' });
  assert.equal((await issue(coordinator.client, v.id, { ...AGREEMENT, locale: 'pl' })).status, 303);
  const [doc] = await documentsOf(w, v.id);
  return { volunteerId: v.id, docId: doc!.id };
}

async function activate(volunteerId: string) {
  const page = await coordinator.client.get(`/volunteers/${volunteerId}`);
  return coordinator.client.post(`/volunteers/${volunteerId}/stage`, { stage: 'active', reason: '', version: /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '0' });
}

describe('an agreement signed with a qualified electronic signature', () => {
  it('judges the file by its content and its name together', () => {
    assert.equal(signedFormatOf(PDF, 'umowa.PDF'), 'pdf');
    assert.equal(signedFormatOf(ASICE, 'umowa.asice'), 'asice');
    assert.equal(signedFormatOf(XADES, 'umowa.xades'), 'xades');
    assert.equal(signedFormatOf(PNG, 'umowa.pdf'), null, 'a picture renamed to .pdf');
    assert.equal(signedFormatOf(PDF, 'umowa.png'), null, 'a PDF under another name');
    assert.equal(signedFormatOf(Buffer.from('<?xml version="1.0"?><note/>'), 'umowa.xml'), null, 'XML without a XAdES signature');
  });

  it('staff upload it with the confirmation; it counts as the written form for activation, recorded, audited and downloadable', async () => {
    const { volunteerId, docId } = await agreementOf();
    await addActivationFacts(w, w.org.id, volunteerId);
    assert.equal((await activate(volunteerId)).status, 422, 'no written agreement yet (service of 180 days)');
    const form = await coordinator.client.get(`/volunteers/documents/${docId}/qualified`);
    assert.equal(form.status, 200);
    assert.match(form.body, /enctype="multipart\/form-data"/);
    assert.match(form.body, /does not check the signature/);
    const res = await upload(w, coordinator.client, `/volunteers/documents/${docId}/qualified`, { signatureChecked: 'true' }, { name: 'porozumienie-podpisane.pdf', type: 'application/pdf', bytes: PDF });
    assert.equal(res.status, 303, res.body.slice(0, 300));
    assert.equal(res.location, `/volunteers/${volunteerId}#documents`);
    assert.match(await flashOn(coordinator.client, res.location), /signed agreement was recorded/);
    const [doc] = await documentsOf(w, volunteerId);
    assert.equal(doc!.acceptedHow, 'qualified');
    assert.ok(doc!.acceptedAt);
    assert.ok((await eventsOf(w, volunteerId)).some((e) => (e.detail as { action?: string }).action === 'signed_qualified' && e.actorUserId === coordinator.user.userId));
    assert.equal((await auditEntries(w, w.org.id, 'volunteer_document.qualified_upload')).filter((a) => a.entityId === docId && a.actorUserId === coordinator.user.userId).length, 1);
    const page = await coordinator.client.get(`/volunteers/${volunteerId}`);
    assert.match(page.body, /Signed with a qualified electronic signature/);
    assert.ok(page.body.includes(`/volunteers/documents/${docId}/signed-file`));

    for (const [who, client] of [['coordinator', coordinator.client], ['programme manager', manager.client]] as const) {
      const file = await download(w, client, `/volunteers/documents/${docId}/signed-file`);
      assert.equal(file.status, 200, who);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.match(String(file.headers['content-disposition']), /^attachment; filename="porozumienie-podpisane\.pdf"$/);
      assert.ok(Buffer.from(file.bytes).equals(PDF), `${who}: the same bytes`);
    }
    assert.equal((await auditEntries(w, w.org.id, 'volunteer_document.file_download')).filter((a) => a.entityId === docId).length, 2);
    assert.equal((await download(w, foreign.client, `/volunteers/documents/${docId}/signed-file`)).status, 404, 'another organisation');
    const volunteer = await createVolunteer(w, { account: true, stage: 'active' });
    assert.equal((await download(w, volunteer.client!, `/volunteers/documents/${docId}/signed-file`)).status, 403, 'a volunteer');
    assert.equal((await download(w, null, `/volunteers/documents/${docId}/signed-file`)).status, 303, 'no session: to the sign-in');

    assert.equal((await activate(volunteerId)).status, 303, 'now the written form is there');
    // Already signed: no second file.
    await coordinator.client.get(`/volunteers/documents/${docId}/qualified`);
    const again = await upload(w, coordinator.client, `/volunteers/documents/${docId}/qualified`, { signatureChecked: 'true' }, { name: 'b.pdf', bytes: PDF });
    assert.equal(again.status, 303);
    assert.match(await flashOn(coordinator.client, again.location), /already/i);
  });

  it('refuses a wrong type, a file too large, no file or no confirmation with 422 at the field, and writes nothing', async () => {
    const { volunteerId, docId } = await agreementOf();
    const url = `/volunteers/documents/${docId}/qualified`;
    await coordinator.client.get(url);
    const cases: [string, Record<string, string>, Parameters<typeof upload>[4], string, RegExp][] = [
      ['a picture named .pdf', { signatureChecked: 'true' }, { name: 'scan.pdf', type: 'application/pdf', bytes: PNG }, 'file', /not a PDF, XAdES or ASiC-E/],
      ['a PDF named .png', { signatureChecked: 'true' }, { name: 'scan.png', type: 'image/png', bytes: PDF }, 'file', /not a PDF, XAdES or ASiC-E/],
      ['too large', { signatureChecked: 'true' }, { name: 'big.pdf', type: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]) }, 'file', /larger than 5 MB/],
      ['no file', { signatureChecked: 'true' }, null, 'file', /Choose the signed file/],
      ['not confirmed', {}, { name: 'ok.pdf', type: 'application/pdf', bytes: PDF }, 'signatureChecked', /Confirm that you checked/],
    ];
    for (const [what, fields, file, field, message] of cases) {
      const res = await upload(w, coordinator.client, url, fields, file);
      assert.equal(res.status, 422, what);
      assert.match(fieldError(res.body, field) ?? '', message, what);
    }
    const [doc] = await documentsOf(w, volunteerId);
    assert.equal(doc!.acceptedAt, null, 'nothing recorded');
    assert.equal((await download(w, coordinator.client, `/volunteers/documents/${docId}/signed-file`)).status, 404);
    // An ASiC-E container is accepted too; a programme manager (read only) cannot upload; no CSRF token: refused.
    await manager.client.get('/volunteers');
    assert.equal((await upload(w, manager.client, url, { signatureChecked: 'true' }, { name: 'a.asice', bytes: ASICE })).status, 403);
    assert.equal((await upload(w, foreign.client, url, { signatureChecked: 'true' }, { name: 'a.asice', bytes: ASICE })).status, 404, 'another organisation');
    const stolen = { ...coordinator.client, csrf: 'forged', cookies: coordinator.client.cookies } as typeof coordinator.client;
    assert.equal((await upload(w, stolen, url, { signatureChecked: 'true' }, { name: 'a.asice', bytes: ASICE })).status, 403, 'no valid CSRF token');
    assert.equal((await upload(w, coordinator.client, url, { signatureChecked: 'true' }, { name: 'umowa.asice', bytes: ASICE })).status, 303);
    assert.equal((await documentsOf(w, volunteerId))[0]!.acceptedHow, 'qualified');
  });

  it('other forms refuse a multipart body', async () => {
    await coordinator.client.get('/volunteers');
    const res = await upload(w, coordinator.client, '/volunteers/settings', { reminderDays: '30' }, null);
    assert.equal(res.status, 400);
  });
});
