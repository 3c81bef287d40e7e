/**
 * The planned length of service is shown as the volunteer chose it ("More than 30 days", "Up to 30 days",
 * "Open-ended…"), never as the stored stand-in figure (365 days for "more than 30 days"), while the law's rules keep
 * reading the stored days (over 30 days: a written agreement; 30 or less: accident insurance).
 *   npm test -- --only=pglite src/modules/volunteers/pipeline/planned-length.test.ts
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { translator } from '../../../core/i18n/index.js';
import { TestClient } from '../../../core/testing/client.js';
import { PLANNED_LENGTHS, plannedLengthOf } from '../application/application.schemas.js';
import { apply, query, signedIn, validForm, world, useWorld } from '../application/test-helpers.js';
import { isLongService } from './stages.js';

const w = useWorld(world);
let coordinator: TestClient;
before(async () => {
  coordinator = (await signedIn(w, ['coordinator'])).client;
});

async function applied(plannedLength: string, email: string) {
  const res = await apply(w, new TestClient(w.t.app), validForm({ email, plannedLength }));
  assert.equal(res.status, 303);
  const [row] = await query<{ id: string; planned_days: number | null }>(w, sql`select v.id, v.planned_days from volunteers v join people p on p.id = v.person_id where p.email = ${email}`);
  return row!;
}

describe('planned length of service', () => {
  for (const lang of ['en', 'pl', 'ar'] as const) {
    it(`the volunteer page shows the choice, not a figure that misstates it [${lang}]`, async () => {
      const t = translator(lang);
      for (const [choice, email] of [['over_30', `long-${lang}@example.org`], ['up_to_30', `short-${lang}@example.org`], ['open', `open-${lang}@example.org`]] as const) {
        const row = await applied(choice, email);
        const page = await coordinator.get(`/volunteers/${row.id}?lang=${lang}`);
        assert.equal(page.status, 200);
        const shown = new RegExp(`<dt>${t('volunteers.pipeline.plannedDays')}</dt>\\s*<dd dir="auto">([^<]*)</dd>`).exec(page.body)?.[1];
        assert.equal(shown, t(`volunteers.application.planned.${choice}`), `${choice} is shown as its label`);
        assert.ok(!page.body.includes(t('volunteers.pipeline.days', { count: 365 })), 'no "365 days"');
      }
    });
  }

  it('keeps the law’s rules on the stored days: more than 30 days and open-ended are long service, up to 30 days is short', () => {
    assert.equal(isLongService(PLANNED_LENGTHS.over_30), true);
    assert.equal(isLongService(PLANNED_LENGTHS.open), true);
    assert.equal(isLongService(PLANNED_LENGTHS.up_to_30), false);
    for (const choice of Object.keys(PLANNED_LENGTHS) as (keyof typeof PLANNED_LENGTHS)[]) assert.equal(plannedLengthOf(PLANNED_LENGTHS[choice]), choice, 'each stored value reads back as its choice');
    assert.equal(plannedLengthOf(20), 'up_to_30');
    assert.equal(plannedLengthOf(180), 'over_30');
  });
});
