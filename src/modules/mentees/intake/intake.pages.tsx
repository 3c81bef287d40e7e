import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm, versionAsForm } from '../../../core/http/form.js';
import { formBody, idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { fullName, sendPage, type FormState } from '../../../core/ui/index.js';
import { languageField } from '../../volunteers/index.js';
import type { MenteeRow } from '../mentees.repository.js';
import { MenteeInput, MenteeUpdate } from '../mentees.schemas.js';
import { menteesPolicy } from '../mentees.policy.js';
import type { Option } from '../options.repository.js';
import { casePage } from '../cases/case-page.js';
import { currentMatchesFrom } from '../cases/current-matches.js';
import { formFieldErrors, languageRowsFor, menteeFromForm } from './intake-form.js';
import { createMentee, editMentee, intakeOptions, menteeForEdit } from './intake.service.js';
import { IntakeFormView } from './views/intake-form.js';


/** The form's values of a recorded mentee (for the edit page). */
export function valuesOf(m: MenteeRow): Record<string, unknown> {
  const values: Record<string, unknown> = {
    givenName: m.givenName,
    familyName: m.familyName,
    email: m.email ?? '',
    phone: m.phone ?? '',
    birthDate: m.birthDate ?? '',
    gender: m.gender ?? '',
    locale: m.locale,
    programmeId: m.programmeId ?? '',
    needs: m.needs,
    availability: m.availability,
    district: m.district ?? '',
    interests: m.interests.join(', '),
    preferredVolunteerGender: m.preferredVolunteerGender ?? '',
    preferredVolunteerAgeMin: m.preferredVolunteerAgeMin ?? '',
    preferredVolunteerAgeMax: m.preferredVolunteerAgeMax ?? '',
    minor: m.minor ? 'yes' : '',
    vulnerableAdult: m.vulnerableAdult ? 'yes' : '',
    summary: m.summary ?? '',
    socialWorkerUserId: m.socialWorkerUserId ?? '',
    languageRows: m.languages.length,
  };
  m.languages.forEach((l, i) => {
    values[languageField(i, 'code')] = l.code;
    values[languageField(i, 'level')] = l.level;
  });
  return values;
}

/** Staff intake: /mentees/new records a person on the waiting list; /mentees/:id/edit corrects a profile (optimistic version). */
export function intakePages({ app, db, slots }: ModuleContext) {
  const caseReads = { db, currentMatches: currentMatchesFrom(slots) };
  const manage = { access: { roles: menteesPolicy.roles('manage') } };

  const newPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, rows: number, status = 200) => {
    const options = await intakeOptions(db, actorOf(req));
    const me: Option = { value: req.auth!.userId, label: req.t('mentees.intake.you', { name: req.auth!.displayName }) };
    return sendPage(req, reply, (c) => c.t('mentees.intake.title'), (ctx) => <IntakeFormView ctx={ctx} form={form} options={options} languageRows={rows} mode={{ kind: 'create' }} keepWorker={me} />, status);
  };

  const editPage = async (req: FastifyRequest, reply: FastifyReply, m: MenteeRow, form: FormState, rows: number, status = 200) => {
    const options = await intakeOptions(db, actorOf(req), m.programmeId);
    const keep: Option | null = m.socialWorkerUserId ? { value: m.socialWorkerUserId, label: m.socialWorkerName ?? m.socialWorkerUserId } : null;
    const mode = { kind: 'edit' as const, id: m.id, version: m.version, name: fullName(m) };
    return sendPage(req, reply, (c) => c.t('mentees.intake.editTitle', { name: fullName(m) }), (ctx) => <IntakeFormView ctx={ctx} form={form} options={options} languageRows={rows} mode={mode} keepWorker={keep} />, status);
  };

  app.get('/mentees/new', { config: manage }, async (req, reply) => {
    return newPage(req, reply, { values: { locale: actorOf(req).org.locale, socialWorkerUserId: req.auth!.userId }, errors: {} }, languageRowsFor(0));
  });

  app.post('/mentees/new', { config: manage }, async (req, reply) => {
    const { _add, ...body } = formBody(req);
    const { input, values } = menteeFromForm(body, 'create');
    const filled = Number(values.languageRows);
    // "Add a language" (works without JavaScript): the same form with one more row; nothing is checked or written.
    if (_add === 'language') return newPage(req, reply, { values, errors: {} }, languageRowsFor(filled, 1));
    return submitForm(req, reply, {
      schema: MenteeInput,
      input,
      values,
      inputErrors: formFieldErrors,
      view: (form, status) => newPage(req, reply, form, languageRowsFor(filled), status),
      action: async (mentee) => ({ id: await createMentee(db, actorOf(req), mentee), name: fullName(mentee) }),
      success: ({ id, name }) => ({ flash: { key: 'mentees.intake.created', params: { name } }, redirect: `/mentees/${id}` }),
    });
  });

  app.get('/mentees/:id/edit', { config: manage }, async (req, reply) => {
    const m = await menteeForEdit(db, actorOf(req), idParam(req));
    return editPage(req, reply, m, { values: valuesOf(m), errors: {} }, languageRowsFor(m.languages.length));
  });

  app.post('/mentees/:id/edit', { config: manage }, async (req, reply) => {
    const id = idParam(req);
    const { _add, ...body } = formBody(req);
    const { input, values } = menteeFromForm(body, 'edit');
    const filled = Number(values.languageRows);
    // The form keeps the version it was opened with, whatever the row has now: a stale save is still a conflict.
    const again = async (form: FormState, rows: number, status: number) => {
      const current = await menteeForEdit(db, actorOf(req), id);
      return editPage(req, reply, { ...current, version: Number(values.version) || current.version }, form, rows, status);
    };
    if (_add === 'language') return again({ values, errors: {} }, languageRowsFor(filled, 1), 200);
    return submitForm(req, reply, {
      schema: MenteeUpdate,
      input,
      values,
      inputErrors: (errors) => versionAsForm('mentees.validation.badForm')(formFieldErrors(errors)),
      view: (form, status) => again(form, languageRowsFor(filled), status),
      action: (update) => editMentee(db, actorOf(req), id, update),
      success: () => ({ flash: 'mentees.intake.saved', redirect: `/mentees/${id}` }),
      conflict: () => casePage(caseReads, req, reply, id, { conflict: true, status: 409 }),
    });
  });
}
