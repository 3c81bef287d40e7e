import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { withSystem } from '../core/db/tx.js';
import { createOrganisation } from '../core/testing/fixtures.js';
import { useApp } from '../core/testing/world.js';
import { venues } from '../modules/matching/matching.table.js';
import { districts } from '../core/tenancy/districts.table.js';
import { seedMatchingSettings } from './matching.js';

const t = useApp();

/** Great-circle distance in km between two points in degrees. */
function km(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('seedMatchingSettings', () => {
  it('gives each organisation the demo districts a few km apart and venues in them, the same on every run', async () => {
    const a = await createOrganisation(t.database.db, 'mops-test', 'MOPS');
    const b = await createOrganisation(t.database.db, 'razem-test', 'Razem');
    assert.deepEqual(await withSystem(t.database.db, (tx) => seedMatchingSettings(tx, a.id, 'Zielona Dolina')), { districts: 6, venues: 6 });
    await withSystem(t.database.db, (tx) => seedMatchingSettings(tx, b.id, 'Zielona Dolina'));
    const rowsOf = (org: string) => withSystem(t.database.db, (tx) => tx.select().from(districts).where(eq(districts.organisationId, org)).orderBy(districts.name));
    const da = await rowsOf(a.id);
    const db = await rowsOf(b.id);
    assert.deepEqual(da.map((d) => d.name).sort(), ['Dąbrówka Leśna', 'Lipki', 'Osiedle Słoneczne', 'Stare Miasto', 'Zatorze', 'Śródmieście'].sort());
    assert.deepEqual(da.map((d) => [d.name, d.latitude, d.longitude]), db.map((d) => [d.name, d.latitude, d.longitude]), 'deterministic');
    for (const x of da)
      for (const y of da) {
        if (x === y) continue;
        const apart = km(x, y);
        assert.ok(apart > 0.5 && apart < 12, `${x.name}–${y.name}: ${apart.toFixed(1)} km`);
      }
    const vs = await withSystem(t.database.db, (tx) => tx.select().from(venues).where(eq(venues.organisationId, a.id)));
    assert.deepEqual(new Set(vs.map((v) => v.kind)), new Set(['cafe', 'library', 'community_centre', 'other']));
    assert.equal(vs.filter((v) => v.active).length, 5);
    assert.ok(vs.every((v) => v.address.endsWith('Zielona Dolina') && v.openingHours !== '' && da.some((d) => d.name === v.district)));
  });
});
