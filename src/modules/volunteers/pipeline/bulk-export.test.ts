/**
 * Bulk moves from the list and the CSV/XLSX exports of the current view (read back and checked).
 *   node --import tsx --test src/modules/volunteers/pipeline/bulk-export.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { TestClient } from '../../../core/testing/client.js';
import { neutralise, toCsv } from './export.js';
import { anonymous, auditEntries, createVolunteer, eventsOf, signedIn, volunteerState, useWorld } from './test-helpers.js';

const w = useWorld();
let coordinator: TestClient;
before(async () => {
  coordinator = (await signedIn(w, ['coordinator'])).client;
});

/**
 * RFC 4180: fields separated by commas, quoted when needed, "" inside quotes, CRLF between records. With `sep`
 * another separator, as Excel reads a CSV in a region whose list separator is `;` (Polish, German).
 */
function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('bulk moves (POST /volunteers/bulk)', () => {
  it('moves those the rules allow, refuses the others with the reason, and reports both', async () => {
    const ok1 = await createVolunteer(w, w.org.id, { givenName: 'Anna', familyName: 'Bąk', stage: 'applied' });
    const ok2 = await createVolunteer(w, w.org.id, { givenName: 'Ірина', familyName: 'Бондар', stage: 'applied' });
    const skip = await createVolunteer(w, w.org.id, { givenName: 'Celina', familyName: 'Czajka', stage: 'training' });
    const minor = await createVolunteer(w, w.org.id, { givenName: 'Dawid', familyName: 'Dudek', stage: 'applied', birthDate: '2013-03-03' });
    const stale = await createVolunteer(w, w.org.id, { givenName: 'Edyta', familyName: 'Eliasz', stage: 'applied' });
    const foreign = await createVolunteer(w, w.other.id, { givenName: 'Obcy', familyName: 'Zewnętrzny', stage: 'applied' });
    await coordinator.get('/volunteers');
    const res = await coordinator.post('/volunteers/bulk?stage=applied', {
      ids: [`${ok1}:1`, `${ok2}:1`, `${skip}:1`, `${minor}:1`, `${stale}:7`, `${foreign}:1`],
      stage: 'contacted',
      reason: '',
    });
    assert.equal(res.status, 200);
    assert.match(res.body, /Bulk move to “Contacted”/);
    assert.match(res.body, /2 volunteers were moved; 4 were refused/);
    assert.match(res.body, /Moved \(2\)/);
    assert.match(res.body, /Bąk Anna<\/a>/);
    assert.match(res.body, /Бондар Ірина<\/a>/);
    assert.match(res.body, /Czajka Celina<\/a><\/th><td>This move is not possible from the current stage/);
    assert.match(res.body, /Dudek Dawid<\/a><\/th><td>The application of a person under 18/);
    assert.match(res.body, /Eliasz Edyta<\/a><\/th><td>Someone else changed this volunteer after the list was shown/);
    assert.match(res.body, /Unknown volunteer<\/th><td>This volunteer was not found/);
    assert.doesNotMatch(res.body, /Zewnętrzny/);
    assert.match(res.body, /href="\/volunteers\?stage=applied"/, 'back to the same view');
    for (const id of [ok1, ok2]) {
      const s = await volunteerState(w, id);
      assert.equal(s.stage, 'contacted');
      assert.equal(s.version, 2);
      assert.equal((await eventsOf(w, id)).length, 1);
    }
    for (const id of [skip, minor, stale, foreign]) {
      assert.equal((await volunteerState(w, id)).version, 1);
      assert.equal((await eventsOf(w, id)).length, 0);
    }
    assert.equal((await auditEntries(w, w.org.id, 'volunteer.stage')).filter((a) => a.entityId === ok1 || a.entityId === ok2).length, 2);
    assert.equal((await auditEntries(w, w.other.id, 'volunteer.stage')).length, 0);
  });

  it('needs a reason for every volunteer when rejecting in bulk', async () => {
    const a = await createVolunteer(w, w.org.id, { givenName: 'Filip', familyName: 'Fik' });
    await coordinator.get('/volunteers');
    const res = await coordinator.post('/volunteers/bulk', { ids: [`${a}:1`], stage: 'rejected', reason: ' ' });
    assert.equal(res.status, 200);
    assert.match(res.body, /Fik Filip<\/a><\/th><td>Give a reason for this move/);
    const ok = await coordinator.post('/volunteers/bulk', { ids: [`${a}:1`], stage: 'rejected', reason: 'Rezygnacja <b>telefoniczna</b>' });
    assert.match(ok.body, /1 volunteer was moved; none was refused/);
    assert.equal((await volunteerState(w, a)).stageReason, 'Rezygnacja <b>telefoniczna</b>');
  });

  it('re-renders the list with errors (422) when nothing is selected or the stage is missing, and writes nothing', async () => {
    const a = await createVolunteer(w, w.org.id, { givenName: 'Gabriela', familyName: 'Gil' });
    await coordinator.get('/volunteers');
    const none = await coordinator.post('/volunteers/bulk', { stage: 'contacted' });
    assert.equal(none.status, 422);
    assert.match(none.body, /class="error-summary"/);
    assert.match(none.body, /id="f-ids"/);
    const noStage = await coordinator.post('/volunteers/bulk', { ids: [`${a}:1`], stage: '' });
    assert.equal(noStage.status, 422);
    assert.match(noStage.body, /id="f-stage-error"/);
    assert.match(noStage.body, new RegExp(`value="${a}:1" checked`), 'the selection is kept');
    const tampered = await coordinator.post('/volunteers/bulk', { ids: ['<script>'], stage: 'contacted' });
    assert.equal(tampered.status, 422);
    assert.doesNotMatch(tampered.body, /<script>"/);
    assert.equal((await volunteerState(w, a)).version, 1);
  });

  it('is refused to programme managers (403), anonymous visitors (401) and without a CSRF token', async () => {
    const a = await createVolunteer(w, w.org.id, { givenName: 'Hanna', familyName: 'Hoża' });
    const pm = (await signedIn(w, ['programme_manager'])).client;
    await pm.get('/volunteers');
    assert.equal((await pm.post('/volunteers/bulk', { ids: [`${a}:1`], stage: 'contacted' })).status, 403);
    const anon = await anonymous(w);
    assert.equal((await anon.post('/volunteers/bulk', { ids: [`${a}:1`], stage: 'contacted' })).status, 401);
    await coordinator.get('/volunteers');
    assert.equal((await coordinator.request('POST', '/volunteers/bulk', { ids: [`${a}:1`], stage: 'contacted' })).status, 403);
    assert.equal((await volunteerState(w, a)).version, 1);
  });
});

describe('exports of the current view', () => {
  const EVIL = '=HYPERLINK("http://evil.example","klik")';
  before(async () => {
    await createVolunteer(w, w.other.id, { givenName: 'Łucja', familyName: 'Żółkiewska-Wąs', email: 'lucja@example.org', phone: '+48 600 100 200', stage: 'contacted', languages: [{ code: 'uk', level: 'B2' }], district: 'Śródmieście', activities: ['mentoring', 'events'] });
    await createVolunteer(w, w.other.id, { givenName: 'Олександра', familyName: 'Їжакевич', email: 'olex@example.org', stage: 'contacted', daysWaiting: 5, district: 'Bałuty, "Stare" Polesie' });
    await createVolunteer(w, w.other.id, { givenName: EVIL, familyName: '@SUM(A1)', email: '-2+3@example.org', stage: 'contacted', district: '\tTab' });
    await createVolunteer(w, w.other.id, { givenName: 'Nie', familyName: 'Eksportowany', stage: 'applied' });
  });

  it('neutralises formula-looking cells', () => {
    assert.equal(neutralise('=1+1'), "'=1+1");
    for (const s of ['+1', '-1', '@x', '\tx', '\rx']) assert.equal(neutralise(s)[0], "'");
    assert.equal(neutralise('Łódź'), 'Łódź');
    const csv = toCsv(['a'], [['x,"y"\nz']]).toString('utf8');
    assert.equal(csv, '\uFEFFa\r\n"x,""y""\nz"\r\n');
  });

  it('downloads CSV (UTF-8 with BOM, RFC 4180) with the filters and sort of the view, audited', async () => {
    const { client } = await signedIn(w, ['coordinator'], { organisationId: w.other.id });
    const res = await client.get('/volunteers/export.csv?stage=contacted&sort=name');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="volunteers-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.ok(res.body.startsWith('\uFEFF'));
    const rows = parseCsv(res.body.slice(1));
    assert.deepEqual(rows[0], ['Name', 'E-mail address', 'Phone number', 'Stage', 'Applied on', 'Days waiting', 'Languages', 'District or municipality', 'Kinds of help']);
    assert.equal(rows.length, 4, 'header and the three contacted volunteers');
    const names = rows.slice(1).map((r) => r[0]);
    assert.deepEqual(names, ["'@SUM(A1) " + EVIL, 'Żółkiewska-Wąs Łucja', 'Їжакевич Олександра']);
    const lucja = rows[2]!;
    assert.deepEqual(lucja.slice(1, 4), ['lucja@example.org', "'+48 600 100 200", 'Contacted']);
    assert.match(lucja[4]!, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(lucja.slice(6), ['Ukrainian (B2)', 'Śródmieście', 'Mentoring, Events']);
    assert.equal(rows[3]![7], 'Bałuty, "Stare" Polesie');
    assert.equal(rows[3]![5], '5');
    const evil = rows[1]!;
    assert.equal(evil[2], '');
    assert.equal(evil[1], "'-2+3@example.org");
    assert.equal(evil[7], "'\tTab");
    const audit = await auditEntries(w, w.other.id, 'volunteer.export');
    assert.equal(audit.length, 1);
    assert.ok(audit[0]!.fields!.includes('email'));
  });

  it('downloads XLSX that opens with the same rows, letters intact and formulas neutralised', async () => {
    const { client } = await signedIn(w, ['administrator'], { organisationId: w.other.id });
    const res = await w.t.app.inject({ method: 'GET', url: '/volunteers/export.xlsx?stage=contacted&sort=name&q=' + encodeURIComponent('zolkiewska'), headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.rowCount, 2);
    assert.equal(sheet.getRow(2).getCell(1).value, 'Żółkiewska-Wąs Łucja');

    const all = await w.t.app.inject({ method: 'GET', url: '/volunteers/export.xlsx?stage=contacted&sort=name', headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    assert.equal(rows.length, 4);
    const values = rows.map((r) => r.slice(1));
    assert.equal(values[0]![0], 'Name');
    assert.equal(values[1]![0], "'@SUM(A1) " + EVIL);
    assert.equal(values[3]![0], 'Їжакевич Олександра');
    for (const row of values) for (const cell of row) assert.equal(typeof cell === 'object' && cell !== null && 'formula' in cell, false, 'no formulas');
  });
});

describe('CSV export opened with another list separator', () => {
  it('quotes every field with a semicolon or a tab, so a spreadsheet splitting on them finds no formula', async () => {
    const { client } = await signedIn(w, ['coordinator']);
    await createVolunteer(w, w.org.id, { givenName: 'Semikolon', familyName: 'Kowal;=1+1;', email: 'semi@example.org', stage: 'applied', district: 'Bałuty;@SUM(A1)\t=2+2' });
    const res = await client.get('/volunteers/export.csv?q=Semikolon');
    assert.equal(res.status, 200);
    const text = res.body.slice(1);
    assert.deepEqual(parseCsv(text)[1]!.slice(0, 2), ['Kowal;=1+1; Semikolon', 'semi@example.org'], 'read with commas, the fields are intact');
    for (const sep of [';', '\t']) {
      const rows = parseCsv(text, sep);
      assert.equal(rows.length, 2, `header and one volunteer, read with ${JSON.stringify(sep)}`);
      for (const cell of rows.flat()) assert.doesNotMatch(cell, /^[=+\-@]/, `a cell read with ${JSON.stringify(sep)} as the separator starts like a formula: ${cell}`);
    }
  });
});
