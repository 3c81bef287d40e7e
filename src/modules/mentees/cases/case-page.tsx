import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../core/db/database.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { sendPage } from '../../../core/ui/index.js';
import { menteesPolicy } from '../mentees.policy.js';
import { fullName } from '../views/labels.js';
import { viewCase } from './case.service.js';
import type { CurrentMatchesReader } from './current-matches.js';
import { CasePageView, type CaseForms } from './views/case-page.js';
import { allowed } from '../../../core/policy.js';

/** What the case page reads with: the database and the reader of current matches (currentMatchesFrom(ctx.slots)). */
export interface CaseReads {
  db: Db;
  currentMatches: CurrentMatchesReader;
}

/**
 * Renders the case page of mentee `id` (audited as a view), with a refused form's errors in its section, or after a
 * lost race (`conflict`: the current state with a notice, status 409).
 */
export async function casePage(
  { db, currentMatches }: CaseReads,
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  opts: { forms?: CaseForms; conflict?: boolean; status?: number } = {},
) {
  const view = await viewCase(db, actorOf(req), id, currentMatches);
  const canManage = allowed(req.auth, menteesPolicy, 'manage');
  return sendPage(req, reply, fullName(view.mentee), (ctx) => <CasePageView ctx={ctx} view={view} canManage={canManage} forms={opts.forms ?? {}} conflict={opts.conflict} />, opts.status ?? 200);
}
