import { audit, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { compareNames, type Locale } from '../../../core/i18n/index.js';
import { findProgramme, findProgrammes, saveFollowUp, type ProgrammeFollowUpRow } from './check-ins.repository.js';
import { DEFAULT_FOLLOW_UP, FOLLOW_UP_KEYS, followUpOf, type FollowUpInput, type FollowUpSettings } from './follow-up.js';

export interface ProgrammeFollowUp {
  programmeId: string;
  name: string;
  active: boolean;
  /** Whether the programme stores its own values (else it follows the defaults). */
  custom: boolean;
  settings: FollowUpSettings;
}

const present = (p: ProgrammeFollowUpRow): ProgrammeFollowUp => ({ programmeId: p.id, name: p.name, active: p.active, custom: Object.keys(p.followUp).length > 0, settings: followUpOf(p.followUp) });

/** Every programme with its follow-up settings: active first, then by name in the reader's language. */
export async function programmesFollowUp(db: Db, actor: Actor, locale: Locale): Promise<ProgrammeFollowUp[]> {
  return withTenant(db, actor, async (tx) => {
    const compare = compareNames(locale);
    const rows = await findProgrammes(tx, actor.organisationId);
    return rows.sort((a, b) => Number(b.active) - Number(a.active) || compare(a.name, b.name)).map(present);
  });
}

/** One programme's settings; NOT_FOUND for another organisation's programme. */
export async function getFollowUp(db: Db, actor: Actor, programmeId: string): Promise<ProgrammeFollowUp> {
  return withTenant(db, actor, async (tx) => {
    const p = await findProgramme(tx, actor.organisationId, programmeId);
    if (!p) throw new AppError('NOT_FOUND');
    return present(p);
  });
}

/** Stores all three values for a programme (audited `programme.follow_up` with the names of those that changed). */
export async function saveFollowUpSettings(db: Db, actor: Actor, programmeId: string, input: FollowUpInput): Promise<ProgrammeFollowUp> {
  return withTenant(db, actor, async (tx) => {
    const before = await findProgramme(tx, actor.organisationId, programmeId, true);
    if (!before) throw new AppError('NOT_FOUND');
    const old = followUpOf(before.followUp);
    const stored = Object.fromEntries(FOLLOW_UP_KEYS.map((k) => [k, input[k]]));
    const fields = FOLLOW_UP_KEYS.filter((k) => old[k] !== input[k]);
    if (fields.length > 0 || Object.keys(before.followUp).length === 0) {
      await saveFollowUp(tx, actor.organisationId, programmeId, stored);
      await audit(tx, actor, { action: 'programme.follow_up', entity: 'programme', entityId: programmeId, fields: fields.map((k) => `followUp.${k}`) });
    }
    return present({ ...before, followUp: stored });
  });
}

export { DEFAULT_FOLLOW_UP };
