import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditLog } from '../../../core/audit/audit.table.js';
import { withSystem } from '../../../core/db/tx.js';
import { createUser } from '../../../core/testing/fixtures.js';
import { matches } from '../../matching/index.js';
import { createMentee, createVolunteer } from '../../matching/testing.js';
import { adminWorld, useWorld, anonymous, countRows, freshOrganisation, signedIn } from '../test-helpers.js';
import { linkFor } from './audit-links.js';

const w = useWorld(adminWorld);

type Entry = { at: string; action: string; entity?: string; entityId?: string; actor?: string | null; fields?: string[] };
async function seed(organisationId: string, entries: Entry[]) {
  await withSystem(w.db, (tx) =>
    tx.insert(auditLog).values(
      entries.map((e) => ({
        organisationId,
        at: new Date(e.at),
        actorUserId: e.actor ?? null,
        action: e.action,
        entity: e.entity ?? 'person',
        entityId: e.entityId ?? null,
        fields: e.fields ?? null,
      })),
    ),
  );
}
const timesIn = (body: string) => [...body.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]!);
/** The sentences of the page as text (tags removed), in order. */
const sentencesIn = (body: string) => [...body.matchAll(/<p class="audit-sentence">([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/[\u2068\u2069]/g, ''));
async function pair(organisationId: string, volunteerId: string, menteeId: string) {
  const [row] = await withSystem(w.db, (tx) => tx.insert(matches).values({ organisationId, volunteerId, menteeId }).returning({ id: matches.id }));
  return row!.id;
}

describe('audit log /admin/audit: entries as sentences', () => {
  it('says who did what to which record in the viewer’s language, links the record, names the fields; a foreign or deleted record is named without a link', async () => {
    const org = await freshOrganisation(w);
    const en = await signedIn(w, ['administrator'], { organisationId: org.id, name: 'Anna Kowalska' });
    const pl = await signedIn(w, ['administrator'], { organisationId: org.id, name: 'Piotr Zieliński', locale: 'pl' });
    const volunteer = await createVolunteer(w, org.id, { givenName: 'Jan', familyName: 'Nowak' });
    const mentee = await createMentee(w, org.id, { givenName: 'Olena', familyName: 'Bondar' });
    const match = await pair(org.id, volunteer, mentee);
    const foreign = await createVolunteer(w, w.other.id, { givenName: 'Obcy', familyName: 'Wolontariusz' });
    const actor = en.user.userId;
    await seed(org.id, [
      { at: '2026-05-04T08:00:00Z', action: 'volunteer.view', entity: 'volunteer', entityId: volunteer, actor },
      { at: '2026-05-04T09:00:00Z', action: 'volunteer.update', entity: 'volunteer', entityId: volunteer, actor, fields: ['phone', 'district'] },
      { at: '2026-05-04T10:00:00Z', action: 'match.view', entity: 'match', entityId: match, actor },
      { at: '2026-05-04T11:00:00Z', action: 'volunteer.view', entity: 'volunteer', entityId: foreign, actor },
      { at: '2026-05-04T12:00:00Z', action: 'concern.escalate.auto', entity: 'concern', entityId: '00000000-0000-4000-8000-000000000000' },
      { at: '2026-05-04T13:00:00Z', action: 'membership.add', entity: 'person', entityId: 'not-a-uuid', actor, fields: ['roles.coordinator'] },
    ]);

    const page = await en.client.get('/admin/audit?from=2026-05-04&to=2026-05-04');
    assert.equal(page.status, 200);
    assert.deepEqual(sentencesIn(page.body), [
      'Anna Kowalska gave a role to (no longer available)',
      'System escalated the unacknowledged concern (no longer available) automatically',
      'Anna Kowalska viewed the volunteer (no longer available)',
      'Anna Kowalska viewed the pair Jan Nowak and Olena Bondar',
      'Anna Kowalska changed the details of the volunteer Jan Nowak',
      'Anna Kowalska viewed the volunteer Jan Nowak',
    ]);
    assert.match(page.body, new RegExp(`viewed the volunteer <a href="/volunteers/${volunteer}"><bdi>Jan Nowak</bdi></a>`));
    assert.match(page.body, new RegExp(`<a href="/pairs/${match}"><bdi>Jan Nowak and Olena Bondar</bdi></a>`));
    assert.doesNotMatch(page.body, new RegExp(foreign), 'a record of another organisation is neither named nor linked');
    assert.doesNotMatch(page.body, /Obcy|Wolontariusz/);
    assert.match(page.body, /Fields: phone number, district/);
    assert.match(page.body, /Fields: role: volunteer coordinator/);

    const polish = await pl.client.get('/admin/audit?from=2026-05-04&to=2026-05-04');
    assert.equal(polish.status, 200);
    const pls = sentencesIn(polish.body);
    assert.equal(pls[4], 'Anna Kowalska: zmiana danych wolontariusza — Jan Nowak');
    assert.equal(pls[3], 'Anna Kowalska: wyświetlenie pary — Jan Nowak i Olena Bondar');
    assert.equal(pls[1], 'System: automatyczne podniesienie wagi niepotwierdzonego zgłoszenia niepokoju — (już niedostępne)');
    assert.match(polish.body, new RegExp(`wyświetlenie danych wolontariusza — <a href="/volunteers/${volunteer}"><bdi>Jan Nowak</bdi></a>`));
    assert.match(polish.body, /Pola: numer telefonu i dzielnica/);
  });

  it('links a record only for roles that may open its page', () => {
    assert.equal(linkFor({ kind: 'volunteer', id: 'v1' }, ['administrator']), '/volunteers/v1');
    assert.equal(linkFor({ kind: 'volunteer', id: 'v1' }, ['social_worker']), null);
    assert.equal(linkFor({ kind: 'mail', id: 'm1' }, ['coordinator']), null);
    assert.equal(linkFor(null, ['administrator']), null);
  });

  it('shows the organisation’s entries newest first, 50 a page; reading the log is not audited; the other organisation’s entries never show', async () => {
    const org = await freshOrganisation(w);
    const { user, client } = await signedIn(w, ['administrator'], { organisationId: org.id, name: 'Anna Kowalska' });
    const base = Date.parse('2023-01-01T10:00:00Z');
    await seed(org.id, Array.from({ length: 120 }, (_, i) => ({ at: new Date(base + i * 60_000).toISOString(), action: 'person.view', entityId: `id-${i}`, actor: user.userId })));
    await seed(org.id, [{ at: '2023-06-01T10:00:00Z', action: 'person.update', actor: user.userId, entityId: 'changed-one', fields: ['email', 'phone'] }]);
    await seed(w.other.id, [{ at: '2023-06-02T10:00:00Z', action: 'person.update', entityId: 'other-org-entry' }]);
    const before = await countRows(w, 'audit_log', org.id);
    const page1 = await client.get('/admin/audit?group=people');
    assert.equal(page1.status, 200);
    const times = timesIn(page1.body);
    assert.equal(times.length, 50);
    assert.deepEqual([...times].sort().reverse(), times, 'newest first');
    assert.equal(times[0], '2023-06-01T10:00:00.000Z');
    assert.match(page1.body, /121 entries/);
    assert.doesNotMatch(page1.body, /2023-06-02T10/);
    assert.match(page1.body, /href="\/admin\/audit\?group=people&amp;page=2"/, 'the page links keep the filter');
    const page3 = await client.get('/admin/audit?group=people&page=3');
    assert.equal(timesIn(page3.body).length, 21);
    assert.match(page3.body, /rel="prev"/);
    assert.equal(await countRows(w, 'audit_log', org.id), before, 'reading the audit log is not audited');
  });
});

describe('audit log /admin/audit: filters chosen from lists', () => {
  it('filters by area, action, kind of record, account and Warsaw calendar days (both inclusive), keeping the choice in the form', async () => {
    const org = await freshOrganisation(w);
    const { user, client } = await signedIn(w, ['administrator'], { organisationId: org.id });
    const other = await createUser(w.db, { organisationId: org.id, roles: ['coordinator'], name: 'Ewa Mazur' });
    await seed(org.id, [
      { at: '2024-03-09T22:59:59Z', action: 'person.view' }, // 9 March 23:59:59 in Warsaw
      { at: '2024-03-09T23:30:00Z', action: 'person.view', actor: other.userId }, // 10 March 00:30
      { at: '2024-03-10T22:59:00Z', action: 'programme.update', entity: 'programme' }, // 10 March 23:59
      { at: '2024-03-10T23:00:00Z', action: 'person.update' }, // 11 March 00:00
      { at: '2024-07-01T22:30:00Z', action: 'concern.escalate', entity: 'concern' }, // 2 July 00:30 (summer time)
    ]);
    const times = async (query: string) => {
      const res = await client.get(`/admin/audit?${query}`);
      assert.equal(res.status, 200, query);
      return timesIn(res.body).map((t) => t.slice(0, 16));
    };
    assert.deepEqual(await times('from=2024-03-10&to=2024-03-10'), ['2024-03-10T22:59', '2024-03-09T23:30']);
    assert.deepEqual(await times('from=2024-07-02&to=2024-07-02'), ['2024-07-01T22:30']);
    assert.deepEqual(await times('group=people&to=2024-12-31'), ['2024-03-10T23:00', '2024-03-09T23:30', '2024-03-09T22:59']);
    assert.deepEqual(await times('group=concerns'), ['2024-07-01T22:30']);
    assert.deepEqual(await times('action=person.view'), ['2024-03-09T23:30', '2024-03-09T22:59']);
    assert.deepEqual(await times('group=people&action=person.update'), ['2024-03-10T23:00']);
    assert.deepEqual(await times('entity=programme'), ['2024-03-10T22:59']);
    assert.deepEqual(await times(`actor=${other.userId}`), ['2024-03-09T23:30']);
    const page = await client.get(`/admin/audit?group=people&action=person.view&entity=person&actor=${other.userId}`);
    assert.match(page.body, /<option value="people" selected>People<\/option>/);
    assert.match(page.body, /<optgroup label="People"><option value="person.create">… added the person …<\/option>/);
    assert.match(page.body, /<option value="person.view" selected>… viewed the details of …<\/option>/);
    assert.match(page.body, /<option value="concern.escalate.auto">… escalated the unacknowledged concern … automatically<\/option>/);
    assert.match(page.body, /<option value="person" selected>/);
    assert.match(page.body, new RegExp(`<option value="${other.userId}" selected>Mazur Ewa</option>`));
    assert.match(page.body, new RegExp(`<option value="${user.userId}"`));
    assert.match(page.body, /<option value>Everyone<\/option>/);
  });

  it('refuses invalid filters with messages next to the fields and shows no entries', async () => {
    const { client } = await signedIn(w, ['administrator']);
    const stranger = await createUser(w.db, { organisationId: w.other.id, roles: ['coordinator'] });
    const cases: [string, string, RegExp][] = [
      ['group=nothing', 'group', /Choose one of the options/],
      ['action=person.', 'action', /Choose one of the options/],
      ['group=concerns&action=person.view', 'action', /This action is not in the chosen area/],
      ['entity=secret_table', 'entity', /Choose one of the options/],
      ['from=2024-02-30', 'from', /./],
      ['to=yesterday', 'to', /./],
      ['from=2024-03-10&to=2024-03-01', 'to', /The end day must not be before the start day/],
      ['actor=not-a-uuid', 'actor', /./],
      [`actor=${stranger.userId}`, 'actor', /./],
    ];
    for (const [query, field, message] of cases) {
      const res = await client.get(`/admin/audit?${query}`);
      assert.equal(res.status, 422, query);
      const error = res.body.match(new RegExp(`id="f-${field}-error">([\\s\\S]*?)</p>`));
      assert.ok(error, `${query}: an error next to ${field}`);
      assert.match(error[1]!, message, query);
      assert.equal(timesIn(res.body).length, 0);
    }
    const xss = await client.get(`/admin/audit?action=${encodeURIComponent('<script>alert(1)</script>')}`);
    assert.equal(xss.status, 422);
    assert.doesNotMatch(xss.body, /<script>alert/);
  });

  it('says so when no entry matches, in Polish and in Arabic', async () => {
    const org = await freshOrganisation(w);
    for (const [locale, text] of [
      ['pl', 'Żaden wpis nie pasuje do tych filtrów.'],
      ['ar', 'لا توجد إدخالات تطابق عوامل التصفية هذه.'],
    ] as const) {
      const { client } = await signedIn(w, ['administrator'], { organisationId: org.id, locale });
      const none = await client.get('/admin/audit?group=concerns&from=2020-01-01&to=2020-01-31');
      assert.equal(none.status, 200);
      assert.ok(none.body.includes(`<p class="empty">${text}</p>`), locale);
      assert.equal(timesIn(none.body).length, 0);
    }
  });

  it('refuses other roles (403) and anonymous visitors', async () => {
    for (const role of ['coordinator', 'programme_manager', 'social_worker'] as const) {
      const { client } = await signedIn(w, [role]);
      assert.equal((await client.get('/admin/audit')).status, 403);
    }
    const anon = await anonymous(w);
    assert.match((await anon.get('/admin/audit')).location ?? '', /^\/sign-in\?next=/);
  });
});
