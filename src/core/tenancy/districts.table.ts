import { sql } from 'drizzle-orm';
import { check, doublePrecision, text, unique } from 'drizzle-orm/pg-core';
import { tenantTable } from './tenancy.table.js';

// An organisation's places: volunteers and mentees pick their district from this list, matching measures distances
// with it and keeps it (matching/venues). In core so that every module may read it.
/** An organisation's districts with their centre coordinates, for the distance between volunteer and mentee. */
export const districts = tenantTable(
  'districts',
  {
    name: text().notNull(),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
  },
  (t) => [
    unique('districts_name_per_org').on(t.organisationId, t.name),
    check('districts_coordinates', sql`${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180`),
  ],
);
