import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, withSystem } from '../../../core/db/tx.js';
import { enqueue } from '../../../core/jobs/queue.js';
import { outbox } from '../../../core/mail/mail.table.js';
import { notifyConcern } from './notify.service.js';
import { signedIn, addCover, auditEntries, header, mimePart, pairOf, volunteerFor, useWorld, type SignedIn } from './test-helpers.js';

const w = useWorld({ smtp: true });
let coord: SignedIn, cover: SignedIn, sw: SignedIn, admin: SignedIn, vol: SignedIn;
let matchId: string;

before(async () => {
  coord = await signedIn(w, ['coordinator'], { name: 'Celina Nowak', locale: 'en' });
  cover = await signedIn(w, ['coordinator'], { name: 'Krystyna Zastępska', locale: 'pl' });
  sw = await signedIn(w, ['social_worker'], { name: 'Ольга Шевченко', locale: 'uk' });
  admin = await signedIn(w, ['administrator'], { name: 'Anna Admin', locale: 'de' });
  vol = await signedIn(w, ['volunteer'], { name: 'Zofia Wiśniewska', locale: 'pl' });
  matchId = (await pairOf(w, { volunteerId: await volunteerFor(w, vol), coordinatorUserId: coord.user.userId, caseStaff: [sw.user.userId] })).match.id;
  // The coordinator is away today: their cover hears instead of them.
  await addCover(w, coord.user.userId, cover.user.userId);
});

const runJobs = () => w.t.worker.runDue();
/** Concern notices received by one address (other modules' mails, e.g. digests, are left out). */
const noticesTo = (a: SignedIn) => w.smtp.received.filter((m) => m.to.includes(a.user.email) && /\/concerns\/|\/matching\/matches\//.test(mimePart(m.raw, 'text/plain')));

async function raise(a: SignedIn, path: string, severity: string, summary: string): Promise<string> {
  await a.client.get(`${path}/new?matchId=${matchId}`);
  const res = await a.client.post(path, { matchId, severity, summary, description: 'Private details: the landlord at ul. Polna 3 shouted at her.' });
  assert.equal(res.status, 303, res.body.slice(0, 200));
  const [row] = await withSystem(w.db, async (tx) => rowsOf<{ id: string }>(await tx.execute(sql`select id from concerns where summary = ${summary}`)));
  return row!.id;
}

describe('concern notices', () => {
  it('a high concern reaches the cover (Polish) and the case social worker (Ukrainian) at once, with only first names and the severity', async () => {
    const id = await raise(vol, '/me/concerns', 'high', 'Olena seemed frightened');
    await runJobs();
    const [toCover] = noticesTo(cover);
    const [toSw] = noticesTo(sw);
    assert.ok(toCover && toSw, 'both received by the SMTP server');
    assert.equal(header(toCover.raw, 'Subject'), 'Pilne: zgłoszenie niepokoju, para Zofia i Олена (waga: Wysoka)');
    // (the test's header decoder may leave a space where the encoder folded the line)
    assert.match(header(toSw.raw, 'Subject'), /^Терміново: повідомлення про занепокоєння, пара Zofia і Олена \(рівень: Висока ?\)$/);
    const plText = mimePart(toCover.raw, 'text/plain');
    assert.match(plText, /Pojawiło się zgłoszenie niepokoju dotyczące pary Zofia i Олена\. Waga: Wysoka\./);
    assert.match(plText, new RegExp(`Otwórz zgłoszenie: http://tandem\\.test/concerns/${id}`));
    assert.match(mimePart(toSw.raw, 'text/plain'), new RegExp(`Відкрити повідомлення: http://tandem\\.test/concerns/${id}`));
    for (const mail of [toCover, toSw]) {
      const all = mimePart(mail.raw, 'text/plain') + mimePart(mail.raw, 'text/html');
      assert.doesNotMatch(all, /frightened|landlord|Polna|Wiśniewska|Коваленко/, 'no details and no family names in the mail');
    }
    assert.equal(noticesTo(coord).length, 0, 'the coordinator is away: the cover is told instead');
    assert.equal(noticesTo(admin).length, 0, 'administrators only for safeguarding');
    assert.equal(noticesTo(vol).length, 0, 'not the person who raised it');

    // Exactly once: the job again, a duplicate enqueue, a direct second run.
    const sent = w.smtp.received.length;
    await withSystem(w.db, (tx) => enqueue(tx, 'pairs.concern.notify', { concernId: id }, { uniqueKey: `concern-notify:${id}` }));
    await runJobs();
    assert.equal(await notifyConcern(w.db, id, 'http://tandem.test'), 'skipped');
    await runJobs();
    assert.equal(w.smtp.received.length, sent, 'no second notice');
    const [jobs] = await withSystem(w.db, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from jobs where unique_key = ${`concern-notify:${id}`}`)));
    assert.equal(jobs!.n, 1);
    assert.equal((await auditEntries(w, w.org.id, 'concern.notify')).filter((a) => a.entityId === id).length, 1);
  });

  it('a safeguarding concern also reaches the administrators, who get the pair page (they cannot open the concern)', async () => {
    const id = await raise(sw, '/concerns', 'safeguarding', 'Bruises seen');
    await runJobs();
    const [toAdmin] = noticesTo(admin);
    assert.ok(toAdmin);
    assert.equal(header(toAdmin.raw, 'Subject'), 'Dringend: Meldung zum Tandem Zofia und Олена (Dringlichkeit: Gefährdung)');
    const text = mimePart(toAdmin.raw, 'text/plain');
    assert.match(text, new RegExp(`Tandem öffnen: http://tandem\\.test/matching/matches/${matchId}`));
    assert.doesNotMatch(text, /\/concerns\//);
    assert.equal((await admin.client.get(`/concerns/${id}`)).status, 404, 'and indeed cannot open it');
    assert.ok(noticesTo(cover).some((m) => mimePart(m.raw, 'text/plain').includes(`/concerns/${id}`)));
    assert.equal(noticesTo(sw).filter((m) => mimePart(m.raw, 'text/plain').includes(`/concerns/${id}`)).length, 0, 'the social worker raised it');
  });

  it('a low concern goes to the coordinator (here: the cover) only, in the account language', async () => {
    const before = { cover: noticesTo(cover).length, sw: noticesTo(sw).length, admin: noticesTo(admin).length };
    const id = await raise(vol, '/me/concerns', 'low', 'Late twice');
    await runJobs();
    const got = noticesTo(cover).slice(before.cover);
    assert.equal(got.length, 1);
    assert.equal(header(got[0]!.raw, 'Subject'), 'Nowe zgłoszenie niepokoju: para Zofia i Олена (waga: Niska)');
    assert.equal(noticesTo(sw).length, before.sw);
    assert.equal(noticesTo(admin).length, before.admin);
    const queued = await withSystem(w.db, (tx) => tx.select().from(outbox).where(eq(outbox.toAddress, cover.user.email)));
    assert.ok(queued.some((m) => m.textBody.includes(`/concerns/${id}`) && m.locale === 'pl'));
  });
});
