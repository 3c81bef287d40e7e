/**
 * The JSON API of the documents: one document, paper signature, qualified signature (base64 upload), revocation, the
 * account invitation, and the volunteer's own reading and acceptance of their agreement.
 *   npm test -- src/modules/volunteers/documents/documents.api.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createAccessToken } from '../../../core/auth/access-tokens.js';
import { apiCall, type ErrorBody } from '../../../core/testing/api.js';
import { tokenFor } from '../../../core/testing/world.js';
import type { OwnDocumentOutput } from '../self-service/self-service.schemas.js';
import type { DocumentOutput } from './documents.schemas.js';
import { AGREEMENT, auditEntries, CERTIFICATE, countRows, createVolunteer, docsWorld, documentsOf, eventsOf, type World } from './test-helpers.js';

let w: World;
let coordinator: string;
before(async () => {
  w = await docsWorld();
  coordinator = await tokenFor(w, ['coordinator']);
});
after(() => w.t.close());

type Answer<T> = { status: number; body: T & ErrorBody };
const call = <T = DocumentOutput>(method: 'GET' | 'POST', url: string, token: string | null, body?: unknown): Promise<Answer<T>> =>
  apiCall(w, method, url, token, body).then((r) => ({ status: r.statusCode, body: r.json<T & ErrorBody>() }));
const post = <T = DocumentOutput>(url: string, body?: unknown, token = coordinator) => call<T>('POST', url, token, body);
const audited = async (action: string, entityId: string) => (await auditEntries(w, w.org.id, action)).filter((a) => a.entityId === entityId).length;
const eventActions = async (volunteerId: string) => (await eventsOf(w, volunteerId)).map((e) => (e.detail as { action?: string }).action);

/** Issues a document through the API (201) and returns it with its volunteer. */
async function issued(form: Record<string, string> = AGREEMENT, opts: Parameters<typeof createVolunteer>[1] = {}) {
  const v = await createVolunteer(w, opts);
  const res = await post(`/api/v1/volunteers/${v.id}/documents`, { ...form, locale: 'pl' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { volunteer: v, doc: res.body };
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n% signed with a qualified electronic signature\n'), Buffer.alloc(2000, 0x41), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
/** The JSON upload body; `signatureChecked: null` leaves the confirmation out. */
const upload = (name: string, bytes: Buffer, signatureChecked: boolean | null = true) => ({ file: { name, contentBase64: bytes.toString('base64') }, ...(signatureChecked === null ? {} : { signatureChecked }) });

describe('document actions over the JSON API', () => {
  it('reads one document; marks an agreement signed on paper (200 with the document); a second time or a certificate is 409', async () => {
    const { volunteer, doc } = await issued();
    const one = await call('GET', `/api/v1/volunteers/documents/${doc.id}`, coordinator);
    assert.equal(one.status, 200);
    assert.deepEqual(one.body, doc);

    const signed = await post(`/api/v1/volunteers/documents/${doc.id}/paper-signed`);
    assert.equal(signed.status, 200);
    assert.equal(signed.body.acceptedHow, 'paper');
    assert.ok(signed.body.acceptedAt);
    assert.equal(await audited('volunteer_document.paper_signed', doc.id), 1);
    assert.ok((await eventActions(volunteer.id)).includes('signed_on_paper'));
    const again = await post(`/api/v1/volunteers/documents/${doc.id}/paper-signed`);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'CONFLICT');

    const certificate = (await issued(CERTIFICATE)).doc;
    assert.equal((await post(`/api/v1/volunteers/documents/${certificate.id}/paper-signed`)).status, 409, 'not an agreement');
    assert.equal((await documentsOf(w, certificate.volunteerId))[0]!.acceptedAt, null);
  });

  it('revokes a document (200 with revokedAt); a second revocation is 409', async () => {
    const { volunteer, doc } = await issued(CERTIFICATE);
    const revoked = await post(`/api/v1/volunteers/documents/${doc.id}/revoke`);
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.revokedAt);
    assert.equal(await audited('volunteer_document.revoke', doc.id), 1);
    assert.ok((await eventActions(volunteer.id)).includes('revoked'));
    assert.equal((await post(`/api/v1/volunteers/documents/${doc.id}/revoke`)).status, 409);
  });

  it('takes the agreement signed with a qualified signature as base64 JSON (200, the file stored, audited); then it is signed (409)', async () => {
    const { volunteer, doc } = await issued();
    const res = await post(`/api/v1/volunteers/documents/${doc.id}/qualified`, upload('porozumienie-podpisane.pdf', PDF));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.acceptedHow, 'qualified');
    assert.equal(await audited('volunteer_document.qualified_upload', doc.id), 1);
    assert.ok((await eventActions(volunteer.id)).includes('signed_qualified'));
    assert.equal(await countRows(w, 'volunteer_document_files', sql`document_id = ${doc.id}`), 1);
    assert.equal((await post(`/api/v1/volunteers/documents/${doc.id}/qualified`, upload('b.pdf', PDF))).status, 409);
  });

  it('refuses a wrong type, a file too large, no file, bad base64 or no confirmation with 422 at the field (a body over the limit: 413), writing nothing', async () => {
    const { doc } = await issued();
    const url = `/api/v1/volunteers/documents/${doc.id}/qualified`;
    const cases: [string, unknown, string, RegExp][] = [
      ['a picture named .pdf', upload('scan.pdf', PNG), 'file', /not a PDF, XAdES or ASiC-E/],
      ['a PDF named .png', upload('scan.png', PDF), 'file', /not a PDF, XAdES or ASiC-E/],
      ['too large', upload('big.pdf', Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)])), 'file', /larger than 5 MB/],
      ['an empty file', upload('empty.pdf', Buffer.alloc(0)), 'file', /Choose the signed file/],
      ['not confirmed', upload('ok.pdf', PDF, null), 'signatureChecked', /Confirm that you checked/],
      ['confirmation false', upload('ok.pdf', PDF, false), 'signatureChecked', /Confirm that you checked/],
      ['not base64', { file: { name: 'ok.pdf', contentBase64: '%PDF-1.7!' }, signatureChecked: true }, 'file.contentBase64', /./],
      ['no file', { signatureChecked: true }, 'file', /./],
      ['an unknown field', { ...upload('ok.pdf', PDF), note: 'x' }, '_form', /./],
    ];
    for (const [what, body, field, message] of cases) {
      const res = await post(url, body);
      assert.equal(res.status, 422, what);
      assert.match(res.body.error.fields?.[field] ?? '', message, `${what}: ${JSON.stringify(res.body.error.fields)}`);
    }
    const huge = await post(url, upload('huge.pdf', Buffer.concat([PDF, Buffer.alloc(7 * 1024 * 1024)])));
    assert.equal(huge.status, 413);
    assert.equal(huge.body.error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal((await documentsOf(w, doc.volunteerId))[0]!.acceptedAt, null, 'nothing recorded');
    assert.equal(await countRows(w, 'volunteer_document_files', sql`document_id = ${doc.id}`), 0);
  });

  it('sends the account invitation to an approved volunteer (201); before approval or without an address it is 409', async () => {
    const approved = await createVolunteer(w, { stage: 'approved', email: 'olena.api@example.org' });
    const res = await post<{ volunteerId: string; personId: string }>(`/api/v1/volunteers/${approved.id}/invitation`);
    assert.equal(res.status, 201);
    assert.deepEqual(res.body, { volunteerId: approved.id, personId: approved.personId, outcome: 'invited' });
    assert.equal((await post<{ outcome: string }>(`/api/v1/volunteers/${approved.id}/invitation`)).body.outcome, 'resent', 'again: a fresh link');
    assert.equal(await countRows(w, 'invitations', sql`person_id = ${approved.personId}`), 1);
    assert.ok((await eventsOf(w, approved.id)).some((e) => e.kind === 'invitation'));
    const early = await createVolunteer(w, { stage: 'training', email: 'early@example.org' });
    const refused = await post(`/api/v1/volunteers/${early.id}/invitation`);
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /approved/i);
    assert.equal((await post(`/api/v1/volunteers/${(await createVolunteer(w, { stage: 'approved' })).id}/invitation`)).status, 409, 'no e-mail address');
    assert.equal(await countRows(w, 'invitations', sql`person_id = ${early.personId}`), 0);
  });

  it('security: no token 401, a social worker or a volunteer 403, a programme manager reads but may not act (403), another organisation 404 — nothing changes', async () => {
    const { volunteer, doc } = await issued(AGREEMENT, { stage: 'approved', email: 'sec@example.org' });
    const reads = [`/api/v1/volunteers/documents/${doc.id}`];
    const writes: [string, unknown][] = [
      [`/api/v1/volunteers/documents/${doc.id}/paper-signed`, undefined],
      [`/api/v1/volunteers/documents/${doc.id}/qualified`, upload('a.pdf', PDF)],
      [`/api/v1/volunteers/documents/${doc.id}/revoke`, undefined],
      [`/api/v1/volunteers/${volunteer.id}/invitation`, undefined],
    ];
    const state = async () => JSON.stringify([await documentsOf(w, volunteer.id), await countRows(w, 'invitations'), await countRows(w, 'volunteer_document_files')]);
    const before = await state();
    const cases: [string, string | null, number, number][] = [
      ['no token', null, 401, 401],
      ['social worker', await tokenFor(w, ['social_worker']), 403, 403],
      ['volunteer', await tokenFor(w, ['volunteer']), 403, 403],
      ['programme manager', await tokenFor(w, ['programme_manager']), 200, 403],
      ['another organisation', await tokenFor(w, ['coordinator'], w.other.id), 404, 404],
    ];
    for (const [who, token, readStatus, writeStatus] of cases) {
      for (const url of reads) assert.equal((await call('GET', url, token)).status, readStatus, `${who} ${url}`);
      for (const [url, body] of writes) assert.equal((await call('POST', url, token, body)).status, writeStatus, `${who} ${url}`);
    }
    assert.equal((await post('/api/v1/volunteers/documents/not-a-uuid/revoke')).status, 404);
    assert.equal(await state(), before);
  });
});

describe('the volunteer’s own agreement over the JSON API', () => {
  /** A volunteer with an account and a bearer token of it, and an agreement issued to them. */
  async function mine(form: Record<string, string> = AGREEMENT) {
    const { volunteer, doc } = await issued(form, { account: true });
    const { token } = await createAccessToken(w.db, { userId: volunteer.userId!, organisationId: w.org.id, name: 'app' });
    return { volunteer, doc, token };
  }

  it('reads it and accepts it (200, electronic, audited, the text’s hash on the timeline); a second acceptance is 409', async () => {
    const { volunteer, doc, token } = await mine();
    const read = await call<OwnDocumentOutput>('GET', `/api/v1/me/volunteer/documents/${doc.id}`, token);
    assert.equal(read.status, 200);
    assert.deepEqual([read.body.title, read.body.acceptedHow, read.body.lawyerNote], [doc.title, null, null]);
    assert.ok(!('volunteerId' in read.body) && !('verificationUrl' in read.body));

    const accepted = await post<OwnDocumentOutput>(`/api/v1/me/volunteer/documents/${doc.id}/accept`, { confirm: true }, token);
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.acceptedHow, 'electronic');
    assert.ok(accepted.body.acceptedAt);
    assert.equal(await audited('volunteer_document.accept', doc.id), 1);
    assert.ok((await eventsOf(w, volunteer.id)).some((e) => (e.detail as { action?: string; bodySha256?: string }).action === 'accepted_electronically' && /^[0-9a-f]{64}$/.test(String((e.detail as { bodySha256?: string }).bodySha256))));
    const again = await post(`/api/v1/me/volunteer/documents/${doc.id}/accept`, { confirm: true }, token);
    assert.equal(again.status, 409);
  });

  it('refuses without the confirmation (422), another volunteer’s or a revoked document (404), a certificate (409), staff (403)', async () => {
    const { doc, token } = await mine();
    for (const body of [{}, { confirm: false }, { confirm: 'yes' }, undefined]) {
      const res = await post(`/api/v1/me/volunteer/documents/${doc.id}/accept`, body, token);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.match(res.body.error.fields?.confirm ?? '', /./);
    }
    const someoneElse = await mine();
    assert.equal((await post(`/api/v1/me/volunteer/documents/${someoneElse.doc.id}/accept`, { confirm: true }, token)).status, 404);
    assert.equal((await call('GET', `/api/v1/me/volunteer/documents/${someoneElse.doc.id}`, token)).status, 404);
    const certificate = await mine(CERTIFICATE);
    assert.equal((await post(`/api/v1/me/volunteer/documents/${certificate.doc.id}/accept`, { confirm: true }, certificate.token)).status, 409);
    assert.equal((await post(`/api/v1/volunteers/documents/${someoneElse.doc.id}/revoke`)).status, 200);
    assert.equal((await call('GET', `/api/v1/me/volunteer/documents/${someoneElse.doc.id}`, someoneElse.token)).status, 404, 'revoked');
    assert.equal((await post(`/api/v1/me/volunteer/documents/${doc.id}/accept`, { confirm: true })).status, 403, 'a coordinator is not the volunteer');
    assert.equal((await post(`/api/v1/me/volunteer/documents/${doc.id}/accept`, { confirm: true }, null as unknown as string)).status, 401);
    assert.equal((await documentsOf(w, doc.volunteerId))[0]!.acceptedAt, null, 'nothing accepted');
  });
});
