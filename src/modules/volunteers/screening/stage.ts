import type { RequestActor } from '../../../core/tenancy/actor.js';
import type { Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { applyMove } from '../pipeline/pipeline.service.js';
import type { Stage } from '../pipeline/stages.js';
import type { VolunteerRow } from '../volunteers.repository.js';
import type { MessageKey } from '../../../core/i18n/index.js';

/** What happened to the stage: moved, not moved with the rule that says why, or nothing to do. */
export type StageOutcome = { moved: true; to: Stage } | { moved: false; reason: MessageKey; params?: Record<string, string | number> } | null;

/**
 * Moves the volunteer to `to` by the pipeline's own move (rules, version check, timeline, audit), in the
 * caller's transaction. A refused move is not an error here: the interview is recorded anyway and the
 * coordinator is told the rule. A concurrent change of the volunteer is a CONFLICT, which rolls the whole
 * transaction back. Screening only moves to interview stages, never to approved, so no invitation base URL.
 */
export async function advanceStage(tx: Tx, actor: RequestActor, v: VolunteerRow, to: Stage): Promise<StageOutcome> {
  if (v.stage === to) return null;
  const outcome = await applyMove(tx, actor, v, to, undefined, v.version, new Date(), null, true);
  if (outcome.ok) return { moved: true, to };
  if (outcome.conflict) throw new AppError('CONFLICT');
  return { moved: false, reason: outcome.key };
}
