import type { Tx } from '../core/db/tx.js';
import { venues } from '../modules/matching/matching.table.js';
import { districts } from '../core/tenancy/districts.table.js';

/** The demo's districts (the names the seeded volunteers and mentees use), as km east and north of the centre. */
const DISTRICTS: { name: string; eastKm: number; northKm: number }[] = [
  { name: 'Śródmieście', eastKm: 0, northKm: 0 },
  { name: 'Stare Miasto', eastKm: -0.6, northKm: 0.9 },
  { name: 'Zatorze', eastKm: 1.8, northKm: 2.4 },
  { name: 'Osiedle Słoneczne', eastKm: 3.1, northKm: -2.8 },
  { name: 'Lipki', eastKm: -2.7, northKm: -3.6 },
  { name: 'Dąbrówka Leśna', eastKm: -3.9, northKm: 4.5 },
];

/** A centre per demo city (fictional towns, placed in central Poland); any other city gets the first. */
const CENTRES: Record<string, { latitude: number; longitude: number }> = {
  'Zielona Dolina': { latitude: 51.7731, longitude: 19.4589 },
  'Dąbrówka Leśna': { latitude: 52.3312, longitude: 21.2427 },
};

const VENUES = (city: string): Omit<typeof venues.$inferInsert, 'organisationId'>[] => [
  { kind: 'cafe', name: 'Kawiarnia Pod Lipami', address: `ul. Lipowa 4, ${city}`, district: 'Śródmieście', openingHours: 'pon.–pt. 8:00–20:00, sob.–niedz. 10:00–18:00', stepFree: true },
  { kind: 'library', name: 'Biblioteka Publiczna – Filia nr 3', address: `ul. Słoneczna 12, ${city}`, district: 'Osiedle Słoneczne', openingHours: 'wt.–pt. 10:00–19:00, sob. 9:00–14:00', stepFree: true },
  { kind: 'community_centre', name: 'Dom Sąsiedzki „Zatorze”', address: `ul. Kolejowa 7, ${city}`, district: 'Zatorze', openingHours: 'pon.–pt. 9:00–21:00', stepFree: false },
  { kind: 'cafe', name: 'Kawiarnia Rynkowa', address: `Rynek 15, ${city}`, district: 'Stare Miasto', openingHours: 'codziennie 9:00–22:00', stepFree: false },
  { kind: 'other', name: 'Punkt Informacyjny dla Cudzoziemców', address: `ul. Ogrodowa 3, ${city}`, district: 'Lipki', openingHours: 'pon.–pt. 9:00–17:00', stepFree: true },
  // Kept deactivated: the settings page shows it below the active ones, and it is not offered for introductions.
  { kind: 'cafe', name: 'Klubokawiarnia Stacja', address: `ul. Dworcowa 1, ${city}`, district: 'Zatorze', openingHours: 'zamknięta do odwołania', stepFree: false, active: false },
];

const KM_PER_DEGREE = 111.32;

/**
 * The demo's matching settings of one organisation, in the seed's transaction: six districts a few kilometres
 * apart around the city's centre (so the distance component has something to measure) and six venues for
 * first meetings, one of them deactivated. Deterministic: the same rows on every install.
 */
export async function seedMatchingSettings(tx: Tx, organisationId: string, city: string): Promise<{ districts: number; venues: number }> {
  const centre = CENTRES[city] ?? CENTRES['Zielona Dolina']!;
  const kmPerLongitude = KM_PER_DEGREE * Math.cos((centre.latitude * Math.PI) / 180);
  const round = (n: number) => Math.round(n * 1e5) / 1e5;
  const d = await tx
    .insert(districts)
    .values(DISTRICTS.map((x) => ({ organisationId, name: x.name, latitude: round(centre.latitude + x.northKm / KM_PER_DEGREE), longitude: round(centre.longitude + x.eastKm / kmPerLongitude) })))
    .returning({ id: districts.id });
  const v = await tx
    .insert(venues)
    .values(VENUES(city).map((x) => ({ ...x, organisationId })))
    .returning({ id: venues.id });
  return { districts: d.length, venues: v.length };
}
