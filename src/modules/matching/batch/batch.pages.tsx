import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { idParam } from '../http.js';
import { matchingPolicy } from '../matching.policy.js';
import { settingsPolicy } from '../venues/settings.policy.js';
import type { Refusal } from '../refusals.js';
import { RejectInput, RunInput } from './batch.schemas.js';
import { acceptAll, acceptProposal, batchHome, rejectProposal, runBatch, viewRun } from './batch.service.js';
import { matchingOverview } from './overview.service.js';
import { BatchHomeView } from './views/batch-home.js';
import { runTitle } from './views/labels.js';
import { OverviewView } from './views/overview.js';
import { AcceptAllView, RunPageView } from './views/run.js';
import { allowed } from '../../../core/policy.js';

/** The matching overview, batch runs and the review of their proposals. */
export function batchPages({ app, db }: ModuleContext) {
  const read = { access: { roles: matchingPolicy.roles('read') } };
  const decide = { access: { roles: matchingPolicy.roles('decide') } };

  app.get('/matching', { config: read }, async (req, reply) => {
    const view = await matchingOverview(db, actorOf(req), req.t, req.locale);
    const canConfigure = allowed(req.auth, settingsPolicy, 'configure');
    return sendPage(req, reply, (c) => c.t('matching.overview.title'), (ctx) => <OverviewView ctx={ctx} view={view} canConfigure={canConfigure} />);
  });

  const homePage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const home = await batchHome(db, actorOf(req));
    return sendPage(req, reply, (c) => c.t('matching.batch.title'), (ctx) => <BatchHomeView ctx={ctx} {...home} form={form} />, status);
  };

  app.get('/matching/batch', { config: read }, async (req, reply) => homePage(req, reply, emptyForm()));

  app.post('/matching/batch', { config: decide }, async (req, reply) =>
    submitForm(req, reply, {
      schema: RunInput,
      view: (form, status) => homePage(req, reply, form, status),
      action: (input) => runBatch(db, actorOf(req), input),
      success: (run) => ({ flash: 'matching.batch.ran', redirect: `/matching/batch/${run.id}` }),
    }),
  );

  const runPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    runId: string,
    extras: { refusal?: { refusals: Refusal[]; names: { mentee: string; volunteer: string } }; rejection?: { proposalId: string; form: FormState } } = {},
    status = 200,
  ) => {
    const view = await viewRun(db, actorOf(req), runId, req.t, req.locale);
    return sendPage(req, reply, (c) => runTitle(c, view.run, view.timeZone), (ctx) => <RunPageView ctx={ctx} view={view} {...extras} />, status);
  };

  app.get('/matching/batch/:runId', { config: read }, async (req, reply) => runPage(req, reply, idParam(req, 'runId')));

  app.post('/matching/batch/:runId/proposals/:proposalId/accept', { config: decide }, async (req, reply) => {
    const runId = idParam(req, 'runId');
    const decision = await acceptProposal(db, actorOf(req), idParam(req, 'proposalId'), { runId });
    if (decision.kind === 'stale') {
      const p = decision.proposal;
      const names = { mentee: `${p.menteeGivenName} ${p.menteeFamilyName}`, volunteer: `${p.volunteerGivenName} ${p.volunteerFamilyName}` };
      return runPage(req, reply, runId, { refusal: { refusals: decision.refusals, names } }, 409);
    }
    if (decision.kind === 'decided') setFlash(reply, 'info', 'matching.batch.alreadyDecided');
    else setFlash(reply, 'success', 'matching.batch.acceptedFlash');
    return reply.redirect(`/matching/batch/${runId}#proposal-${decision.proposal.id}`, 303);
  });

  app.post('/matching/batch/:runId/proposals/:proposalId/reject', { config: decide }, async (req, reply) => {
    const runId = idParam(req, 'runId');
    const proposalId = idParam(req, 'proposalId');
    return submitForm(req, reply, {
      schema: RejectInput,
      view: (form, status) => runPage(req, reply, runId, { rejection: { proposalId, form } }, status),
      action: async (input) => ({ input, decision: await rejectProposal(db, actorOf(req), proposalId, input, { runId }) }),
      success: ({ input, decision }) => ({
        flash: decision.kind === 'decided' ? { kind: 'info', key: 'matching.batch.alreadyDecided' } : input.exclude ? 'matching.batch.rejectedExcludedFlash' : 'matching.batch.rejectedFlash',
        redirect: `/matching/batch/${runId}#proposal-${proposalId}`,
      }),
    });
  });

  app.get('/matching/batch/:runId/accept-all', { config: decide }, async (req, reply) => {
    const runId = idParam(req, 'runId');
    const view = await viewRun(db, actorOf(req), runId, req.t, req.locale);
    if (view.run.status !== 'open' || view.run.proposed === 0) {
      setFlash(reply, 'info', 'matching.batch.nothingToAccept');
      return reply.redirect(`/matching/batch/${runId}`, 303);
    }
    return sendPage(req, reply, (c) => c.t('matching.batch.acceptAllTitle', { count: view.run.proposed }), (ctx) => <AcceptAllView ctx={ctx} view={view} />);
  });

  app.post('/matching/batch/:runId/accept-all', { config: decide }, async (req, reply) => {
    const runId = idParam(req, 'runId');
    const decisions = await acceptAll(db, actorOf(req), runId);
    const accepted = decisions.filter((d) => d.kind === 'accepted').length;
    setFlash(reply, accepted === decisions.length ? 'success' : 'info', 'matching.batch.acceptAllDone', { accepted, stale: decisions.length - accepted });
    return reply.redirect(`/matching/batch/${runId}`, 303);
  });
}
