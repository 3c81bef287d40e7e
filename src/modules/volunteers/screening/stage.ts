import { audit, type Actor } from '../../../core/audit/audit.js';
import type { Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { checkTransition, type Stage } from '../pipeline/stages.js';
import { addEvent, volunteerFacts, type VolunteerRow } from '../volunteers.repository.js';
import { moveVolunteer } from './screening.repository.js';

/** What happened to the stage: moved, not moved with the rule that says why, or nothing to do. */
export type StageOutcome = { moved: true; to: Stage } | { moved: false; reason: string; params?: Record<string, string | number> } | null;

/**
 * Moves the volunteer to `to` by the pipeline rules, in the caller's transaction. A refused move is not an
 * error here: the interview is recorded anyway and the coordinator is told the rule. A concurrent change of
 * the volunteer (version moved on) is a CONFLICT, which rolls the whole transaction back.
 */
export async function advanceStage(tx: Tx, actor: Actor, v: VolunteerRow, to: Stage): Promise<StageOutcome> {
  if (v.stage === to) return null;
  const check = checkTransition(await volunteerFacts(tx, actor.organisationId, v), to);
  if (!check.ok) return { moved: false, reason: check.reason, params: check.params };
  if (!(await moveVolunteer(tx, actor.organisationId, v.id, v.version, to))) throw new AppError('CONFLICT');
  await addEvent(tx, actor.organisationId, { volunteerId: v.id, actorUserId: actor.userId, kind: 'stage', fromStage: v.stage, toStage: to });
  await audit(tx, actor, { action: 'volunteer.move', entity: 'volunteer', entityId: v.id, fields: ['stage'] });
  return { moved: true, to };
}
