import type { ModuleContext } from '../../../core/module.js';
import { ApiError, apiDoc } from '../../../core/http/api.js';
import { AppError } from '../../../core/http/errors.js';
import { IdParams, parseInput } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { idParam } from '../http.js';
import { matchingPolicy } from '../matching.policy.js';
import { MatchRefusedError } from '../matches.service.js';
import { ProposalOutput, RejectInput, RunInput, RunOutput } from './batch.schemas.js';
import { acceptProposal, getProposal, rejectProposal, runBatch, viewRun, type Decision } from './batch.service.js';

const nameOf = (given: string, family: string) => `${given} ${family}`;

/** A decision the caller did not get (stale or decided by someone else): 409, after the stale mark was committed. */
function conflictOf(decision: Decision): AppError | null {
  if (decision.kind === 'decided') return new AppError('CONFLICT', 'matching.batch.alreadyDecided');
  if (decision.kind !== 'stale') return null;
  const p = decision.proposal;
  return new MatchRefusedError(decision.refusals, { mentee: nameOf(p.menteeGivenName, p.menteeFamilyName), volunteer: nameOf(p.volunteerGivenName, p.volunteerFamilyName) });
}

/** JSON API of batch matching: run, read a run, decide proposals. */
export function batchApi({ app, db }: ModuleContext) {
  const read = { access: { roles: matchingPolicy.roles('read') } };
  const decide = { access: { roles: matchingPolicy.roles('decide') } };

  const runOutput = async (req: Parameters<typeof actorOf>[0], id: string): Promise<RunOutput> => {
    const { run, unmatched } = await viewRun(db, actorOf(req), id, req.t, req.locale);
    const { proposed: _proposed, proposals, ...rest } = run;
    return { ...rest, proposals: proposals.map(({ refusals: _refusals, ...p }) => p), unmatched };
  };

  app.post(
    '/api/v1/matching/runs',
    {
      config: decide,
      schema: apiDoc({ summary: 'Run batch matching over a waiting list (one programme, or all when programmeId is left out)', tag: 'matching', body: RunInput, response: { 201: RunOutput }, example: { body: { programmeId: 'all' } } }),
    },
    async (req, reply) => {
      const run = await runBatch(db, actorOf(req), parseInput(RunInput, req.body ?? {}));
      return reply.status(201).send(await runOutput(req, run.id));
    },
  );

  app.get(
    '/api/v1/matching/runs/:id',
    { config: read, schema: apiDoc({ summary: 'A batch run with its figures and proposals', tag: 'matching', params: IdParams, response: { 200: RunOutput } }) },
    async (req) => runOutput(req, idParam(req)),
  );

  app.post(
    '/api/v1/matching/proposals/:id/accept',
    {
      config: decide,
      schema: apiDoc({
        summary: 'Accept a proposal: the match is made after a re-check on fresh data',
        tag: 'matching',
        params: IdParams,
        response: { 200: ProposalOutput, 409: ApiError.describe('Not accepted (code CONFLICT): decided by someone else, or it cannot be made any more — then the proposal is now `stale` and `message`/`fields` say why') },
      }),
    },
    async (req) => {
      const id = idParam(req);
      const decision = await acceptProposal(db, actorOf(req), id);
      const conflict = conflictOf(decision);
      if (conflict) throw conflict;
      return getProposal(db, actorOf(req), id, req.t, req.locale);
    },
  );

  app.post(
    '/api/v1/matching/proposals/:id/reject',
    {
      config: decide,
      schema: apiDoc({
        summary: 'Reject a proposal (optionally ruling the pair out for good; that needs a reason)',
        tag: 'matching',
        params: IdParams,
        body: RejectInput,
        example: { body: { reason: 'Za daleko od siebie', exclude: false } },
        response: { 200: ProposalOutput, 409: ApiError.describe('Someone else decided this proposal first (code CONFLICT); nothing was written') },
      }),
    },
    async (req) => {
      const id = idParam(req);
      const input = parseInput(RejectInput, req.body ?? {});
      const conflict = conflictOf(await rejectProposal(db, actorOf(req), id, input));
      if (conflict) throw conflict;
      return getProposal(db, actorOf(req), id, req.t, req.locale);
    },
  );
}
