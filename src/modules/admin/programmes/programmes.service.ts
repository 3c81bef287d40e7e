import { audit, changedFields } from '../../../core/audit/audit.js';
import type { Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { guardUnique } from '../../../core/db/unique.js';
import { AppError } from '../../../core/http/errors.js';
import { compareNames, type Locale } from '../../../core/i18n/index.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { findProgrammeById, findProgrammes, insertProgramme, nameTaken, updateProgramme as updateProgrammeRow, type ProgrammeRow } from './programmes.repository.js';
import type { ProgrammeInput, ProgrammeOutput } from './programmes.schemas.js';

export function presentProgramme(p: ProgrammeRow): ProgrammeOutput {
  return { id: p.id, name: p.name, description: p.description, active: p.active, createdAt: p.createdAt.toISOString() };
}

const nameTakenError = () => invalid('name', 'admin.programmes.nameTaken');

/** Runs a write; a unique-name violation (a race the pre-check missed) becomes the same field error. */
const guardName = <T>(work: () => Promise<T>) => guardUnique('programmes_name_per_org', nameTakenError, work);

/** The organisation's programmes, active first, then by name in the viewer's language. */
export async function listProgrammes(db: Db, actor: Actor, locale: Locale): Promise<ProgrammeOutput[]> {
  const rows = await withTenant(db, actor, (tx) => findProgrammes(tx, actor.organisationId));
  const compare = compareNames(locale);
  rows.sort((a, b) => Number(b.active) - Number(a.active) || compare(a.name, b.name));
  return rows.map(presentProgramme);
}

/** One programme of the actor's organisation, or NOT_FOUND (also for another organisation's id). */
export async function getProgrammeById(db: Db, actor: Actor, id: string): Promise<ProgrammeOutput> {
  const row = await withTenant(db, actor, (tx) => findProgrammeById(tx, actor.organisationId, id));
  if (!row) throw new AppError('NOT_FOUND');
  return presentProgramme(row);
}

/** Creates a programme (audited `programme.create`); a name in use is a field error on `name`. */
export async function createProgramme(db: Db, actor: Actor, input: ProgrammeInput): Promise<ProgrammeOutput> {
  return guardName(() =>
    withTenant(db, actor, async (tx) => {
      if (await nameTaken(tx, actor.organisationId, input.name)) throw nameTakenError();
      const id = await insertProgramme(tx, actor.organisationId, input);
      await audit(tx, actor, { action: 'programme.create', entity: 'programme', entityId: id, fields: Object.keys(input) });
      return presentProgramme((await findProgrammeById(tx, actor.organisationId, id))!);
    }),
  );
}

/** Replaces a programme's fields, auditing the names of those that changed (`programme.update`). */
export async function updateProgramme(db: Db, actor: Actor, id: string, input: ProgrammeInput): Promise<ProgrammeOutput> {
  return guardName(() =>
    withTenant(db, actor, async (tx) => {
      const before = await findProgrammeById(tx, actor.organisationId, id);
      if (!before) throw new AppError('NOT_FOUND');
      const fields = changedFields({ name: before.name, description: before.description, active: before.active }, input);
      if (fields.length > 0) {
        if (fields.includes('name') && (await nameTaken(tx, actor.organisationId, input.name, id))) throw nameTakenError();
        await updateProgrammeRow(tx, actor.organisationId, id, input);
        await audit(tx, actor, { action: 'programme.update', entity: 'programme', entityId: id, fields });
      }
      return presentProgramme((await findProgrammeById(tx, actor.organisationId, id))!);
    }),
  );
}
