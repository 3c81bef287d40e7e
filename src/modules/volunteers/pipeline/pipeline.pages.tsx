import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { AppError } from '../../../core/http/errors.js';
import { fieldErrors } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { can, volunteersPolicy } from '../volunteers.policy.js';
import { exportFile } from './export-view.js';
import { formBody, formErrorsOf, idParam, lenientQuery, listQuery } from './http.js';
import { BulkInput, MoveInput, type VolunteerQuery } from './pipeline.schemas.js';
import { BOARD_LIMIT, bulkMove, listVolunteers, MoveRefused, moveVolunteer, viewVolunteer, volunteerBoard } from './pipeline.service.js';
import { BoardView } from './views/board.js';
import { BulkResultView } from './views/bulk-result.js';
import { fullName, stageName } from './views/labels.js';
import { VolunteerPageView, type Refusal } from './views/volunteer.js';
import { VolunteerListView, viewQuery } from './views/volunteer-list.js';

/** HTML pages of the coordinator's pipeline: list, board, one volunteer, moves, bulk moves, exports. */
export function pipelinePages({ app, db, config }: ModuleContext) {
  const read = { access: { roles: volunteersPolicy.read } };
  const manage = { access: { roles: volunteersPolicy.manage } };
  const canManage = (req: FastifyRequest) => can(req.auth?.roles ?? [], 'manage');

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
    const body = formBody(req);
    const parsed = BulkInput.safeParse(body);
    if (!parsed.success) return listPage(req, reply, query, { values: body, errors: fieldErrors(parsed.error) }, 422);
    const result = await bulkMove(db, actorOf(req), parsed.data, req.locale, config.baseUrl);
    return sendPage(req, reply, (c) => c.t('volunteers.pipeline.bulk.resultTitle', { stage: stageName(c.t, result.stage) }), (ctx) => <BulkResultView ctx={ctx} result={result} back={`/volunteers${viewQuery(query)}`} />);
  });

  app.get('/volunteers/:id', { config: read }, async (req, reply) => volunteerPage(req, reply, idParam(req), emptyForm()));

  app.post('/volunteers/:id/stage', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    const body = formBody(req);
    const parsed = MoveInput.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      // The version is a hidden field: a tampered one is a problem of the whole form.
      if (errors.version) errors._form = { key: 'volunteers.pipeline.badForm' };
      delete errors.version;
      return volunteerPage(req, reply, id, { values: body, errors }, 422);
    }
    try {
      const state = await moveVolunteer(db, actorOf(req), id, parsed.data, config.baseUrl);
      setFlash(reply, 'success', 'volunteers.pipeline.moved', { stage: stageName(req.t, state.stage) });
      return reply.redirect(`/volunteers/${id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT') return volunteerPage(req, reply, id, emptyForm(), 409, true);
      if (err instanceof MoveRefused) {
        const refusal = { to: err.to, key: err.key, field: err.field, missing: err.missing, stoppedAt: err.stoppedAt };
        return volunteerPage(req, reply, id, { values: body, errors: { [err.field]: { key: err.key } } }, 422, false, refusal);
      }
      const errors = formErrorsOf(err);
      if (!errors) throw err;
      return volunteerPage(req, reply, id, { values: body, errors }, 422);
    }
  });
}
