import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/tx.js';
import type { Locale } from '../i18n/locales.js';
import { personSearchText } from './people-search.js';
import { people } from './tenancy.table.js';

/**
 * Writing a person record: the one place that keeps `search_text` in step with the name and e-mail (people-search.ts),
 * for every module that records people (people, mentees, volunteer applications, invitations).
 */

/** The columns of a person the app writes. `gender` left out (undefined) keeps what is stored, or NULL on insert. */
export interface PersonFields {
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  gender?: string | null;
  locale: Locale;
}

/** The person columns of a form's input: an optional field the form left empty is stored as NULL. */
export function personFields(input: { givenName: string; familyName: string; email?: string | null; phone?: string | null; birthDate?: string | null }, locale: Locale): PersonFields {
  return { givenName: input.givenName, familyName: input.familyName, email: input.email ?? null, phone: input.phone ?? null, birthDate: input.birthDate ?? null, locale };
}

/** A new person of the organisation; returns its id. */
export async function insertPersonRecord(tx: Tx, organisationId: string, p: PersonFields): Promise<string> {
  const [row] = await tx
    .insert(people)
    .values({ organisationId, ...p, searchText: personSearchText(p) })
    .returning({ id: people.id });
  return row!.id;
}

/** Rewrites a person's columns (and search text) as of `at`. */
export async function updatePersonRecord(tx: Tx, organisationId: string, id: string, p: PersonFields, at: Date): Promise<void> {
  await tx
    .update(people)
    .set({ ...p, searchText: personSearchText(p), updatedAt: at })
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
}
