import type { Db } from '../../core/db/database.js';
import { withTenant } from '../../core/db/tx.js';
import { audit, changedFields, type Actor } from '../../core/audit/audit.js';
import { AppError, found } from '../../core/http/errors.js';
import { compareNames, isLocale, type Locale } from '../../core/i18n/index.js';
import { findPeople, findPersonById, insertPerson, updatePerson as updatePersonRow, type PersonRow } from './people.repository.js';
import type { PeopleQuery, PersonInput, PersonOutput } from './people.schemas.js';

export const PAGE_SIZE = 25;

/** Keeps database rows out of responses: only these fields leave the service. */
export function presentPerson(p: PersonRow): PersonOutput {
  return {
    id: p.id,
    givenName: p.givenName,
    familyName: p.familyName,
    email: p.email,
    phone: p.phone,
    birthDate: p.birthDate,
    locale: isLocale(p.locale) ? p.locale : 'pl',
    roles: p.roles,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A page of people sorted by family name, then given name, by the viewer's language. The listing is audited. */
export async function listPeople(db: Db, actor: Actor, query: PeopleQuery, locale: Locale) {
  return withTenant(db, actor, async (tx) => {
    const rows = await findPeople(tx, actor.organisationId, { q: query.q, role: query.role });
    const compare = compareNames(locale);
    rows.sort((a, b) => compare(a.familyName, b.familyName) || compare(a.givenName, b.givenName));
    const start = (query.page - 1) * PAGE_SIZE;
    const items = rows.slice(start, start + PAGE_SIZE).map(presentPerson);
    await audit(tx, actor, { action: 'person.list', entity: 'person', fields: items.length ? ['name', 'email'] : [] });
    return { items, total: rows.length, page: query.page, pageSize: PAGE_SIZE };
  });
}

/** One person of the actor's organisation, or NOT_FOUND (also for another organisation's id). The view is audited. */
export async function viewPerson(db: Db, actor: Actor, id: string): Promise<PersonOutput> {
  return withTenant(db, actor, async (tx) => {
    const row = found(await findPersonById(tx, actor.organisationId, id));
    await audit(tx, actor, { action: 'person.view', entity: 'person', entityId: id });
    return presentPerson(row);
  });
}

export async function createPerson(db: Db, actor: Actor, input: PersonInput): Promise<string> {
  return withTenant(db, actor, async (tx) => {
    const id = await insertPerson(tx, actor.organisationId, input);
    await audit(tx, actor, { action: 'person.create', entity: 'person', entityId: id, fields: Object.keys(input).filter((k) => input[k as keyof PersonInput] !== undefined) });
    return id;
  });
}

/**
 * Applies a change and records which fields changed. A form sends every field (`replace`: an emptied field
 * is cleared); an API PATCH sends some (omitted fields keep their value).
 */
export async function updatePerson(db: Db, actor: Actor, id: string, change: Partial<PersonInput>, mode: 'replace' | 'patch'): Promise<PersonOutput> {
  return withTenant(db, actor, async (tx) => {
    const before = await findPersonById(tx, actor.organisationId, id);
    if (!before) throw new AppError('NOT_FOUND');
    const current: PersonInput = {
      givenName: before.givenName,
      familyName: before.familyName,
      email: before.email ?? undefined,
      phone: before.phone ?? undefined,
      birthDate: before.birthDate ?? undefined,
      locale: isLocale(before.locale) ? before.locale : 'pl',
    };
    const merged =
      mode === 'replace'
        ? (change as PersonInput)
        : ({ ...current, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as PersonInput);
    const fields = changedFields(current as Record<string, unknown>, merged as Record<string, unknown>);
    if (fields.length > 0) {
      await updatePersonRow(tx, actor.organisationId, id, merged);
      await audit(tx, actor, { action: 'person.update', entity: 'person', entityId: id, fields });
    }
    const after = await findPersonById(tx, actor.organisationId, id);
    return presentPerson(after!);
  });
}
