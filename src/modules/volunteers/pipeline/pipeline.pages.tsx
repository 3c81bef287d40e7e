import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm, versionAsForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, type FormState } from '../../../core/ui/index.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { exportFile } from './export-view.js';
import { idParam, lenientQuery, listQuery } from './http.js';
import { BulkInput, MoveInput, type VolunteerQuery } from './pipeline.schemas.js';
import { BOARD_LIMIT, bulkMove, listVolunteers, MoveRefused, moveVolunteer, viewVolunteer, volunteerBoard } from './pipeline.service.js';
import { BoardView } from './views/board.js';
import { BulkResultView } from './views/bulk-result.js';
import { fullName, stageName } from './views/labels.js';
import { VolunteerPageView, type Refusal } from './views/volunteer.js';
import { VolunteerListView, viewQuery } from './views/volunteer-list.js';
import { allowed } from '../../../core/policy.js';

/** HTML pages of the coordinator's pipeline: list, board, one volunteer, moves, bulk moves, exports. */
export function pipelinePages({ app, db, config }: ModuleContext) {
  const read = { access: { roles: volunteersPolicy.roles('read') } };
  const manage = { access: { roles: volunteersPolicy.roles('manage') } };
  const canManage = (req: FastifyRequest) => allowed(req.auth, volunteersPolicy, 'manage');

  const listPage = async (req: FastifyRequest, reply: FastifyReply, query: VolunteerQuery, bulk?: FormState, status = 200, ignored: Record<string, string> = {}) => {
    const page = await listVolunteers(db, actorOf(req), query, req.locale);
    return sendPage(req, reply, (c) => c.t('volunteers.pipeline.title'), (ctx) => <VolunteerListView ctx={ctx} page={page} query={query} ignored={ignored} canManage={canManage(req)} bulk={bulk} />, status);
  };

  const volunteerPage = async (req: FastifyRequest, reply: FastifyReply, id: string, form: FormState, status = 200, conflict = false, refusal?: Refusal) => {
    const view = await viewVolunteer(db, actorOf(req), id);
    return sendPage(req, reply, fullName(view.volunteer), (ctx) => <VolunteerPageView ctx={ctx} view={view} form={form} canManage={canManage(req)} conflict={conflict} refusal={refusal} />, status);
  };

  app.get('/volunteers', { config: read }, async (req, reply) => {
    const { query, ignored } = listQuery(req.query);
    return listPage(req, reply, query, undefined, 200, ignored);
  });

  app.get('/volunteers/board', { config: read }, async (req, reply) => {
    const board = await volunteerBoard(db, actorOf(req), req.locale);
    return sendPage(req, reply, (c) => c.t('volunteers.pipeline.boardTitle'), (ctx) => <BoardView ctx={ctx} board={board} limit={BOARD_LIMIT} />);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/volunteers/export.${format}`, { config: manage }, async (req, reply) => exportFile(db, req, reply, format, lenientQuery(req.query)));
  }

  app.post('/volunteers/bulk', { config: manage }, async (req, reply) => {
    const query = lenientQuery(req.query);
    return submitForm(req, reply, {
      schema: BulkInput,
      view: (bulk, status) => listPage(req, reply, query, bulk, status),
      action: (input) => bulkMove(db, actorOf(req), input, req.locale, config.baseUrl),
      // The outcome of each volunteer is shown at once (200), not after a redirect.
      respond: (result) => sendPage(req, reply, (c) => c.t('volunteers.pipeline.bulk.resultTitle', { stage: stageName(c.t, result.stage) }), (ctx) => <BulkResultView ctx={ctx} result={result} back={`/volunteers${viewQuery(query)}`} />),
    });
  });

  app.get('/volunteers/:id', { config: read }, async (req, reply) => volunteerPage(req, reply, idParam(req), emptyForm()));

  app.post('/volunteers/:id/stage', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    return submitForm(req, reply, {
      schema: MoveInput,
      inputErrors: versionAsForm('volunteers.pipeline.badForm'),
      view: (form, status, _by, err) => {
        // A move the stage rules refuse: the page also says what is missing.
        const refusal = err instanceof MoveRefused ? { to: err.to, key: err.key, field: err.field, missing: err.missing, stoppedAt: err.stoppedAt } : undefined;
        return volunteerPage(req, reply, id, refusal ? { values: form.values, errors: { [refusal.field]: { key: refusal.key } } } : form, status, false, refusal);
      },
      action: (input) => moveVolunteer(db, actorOf(req), id, input, config.baseUrl),
      success: (state) => ({ flash: { key: 'volunteers.pipeline.moved', params: { stage: stageName(req.t, state.stage) } }, redirect: `/volunteers/${id}` }),
      conflict: () => volunteerPage(req, reply, id, emptyForm(), 409, true),
    });
  });
}
