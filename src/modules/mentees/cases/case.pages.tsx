import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z, ZodTypeAny } from 'zod';
import type { ModuleContext } from '../../../core/module.js';
import { submitForm, versionAsForm } from '../../../core/http/form.js';
import { idParam } from '../../../core/http/route-helpers.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { setFlash } from '../../../core/ui/index.js';
import { AcceptInput, ConsentInput, DeclineInput, NoteInput, StaffInput, StatusInput } from '../mentees.schemas.js';
import { menteesPolicy } from '../mentees.policy.js';
import { acceptRequest, declineRequest } from '../review/review.service.js';
import { casePage, type CaseReads } from './case-page.js';
import { changeStatus } from './case.service.js';
import { addNote, addStaff, recordConsent, removeStaff, withdrawConsent } from './case-parts.service.js';
import { currentMatchesFrom } from './current-matches.js';
import type { CaseForms } from './views/case-page.js';
import type { MessageKey } from '../../../core/i18n/index.js';

/**
 * One posted form of the case page: parse → service → flash and back to the case (303). Bad input or a refusal
 * re-renders the case with the messages in the form's section (422); someone else's change first → 409 with the
 * current state. Nothing is written in either case.
 */
async function handle<S extends ZodTypeAny>(
  reads: CaseReads,
  req: FastifyRequest,
  reply: FastifyReply,
  section: keyof CaseForms,
  schema: S,
  run: (input: z.output<S>) => Promise<{ key: MessageKey; params?: Record<string, string | number>; anchor?: string }>,
) {
  const id = idParam(req);
  return submitForm(req, reply, {
    schema,
    inputErrors: versionAsForm('mentees.validation.badForm'),
    view: (form, status, refusedBy) => {
      // A refusal of the whole staff form (the person cannot join the case) is shown above the staff list.
      const target = section === 'staff' && refusedBy === 'action' && form.errors._form ? 'staffProblem' : section;
      return casePage(reads, req, reply, id, { forms: { [target]: form }, status });
    },
    action: run,
    success: (done) => ({ flash: { key: done.key, params: done.params }, redirect: `/mentees/${id}${done.anchor ?? ''}` }),
    conflict: () => casePage(reads, req, reply, id, { conflict: true, status: 409 }),
  });
}

const paramOf = (req: FastifyRequest, name: string) => idParam(req, name).toLowerCase();

/** The case page /mentees/:id and its forms: status, review of a request, consents, case staff, case notes. */
export function casePages({ app, db, config, slots }: ModuleContext) {
  const reads: CaseReads = { db, currentMatches: currentMatchesFrom(slots) };
  const read = { access: { roles: menteesPolicy.roles('read') } };
  const manage = { access: { roles: menteesPolicy.roles('manage') } };

  app.get('/mentees/:id', { config: read }, async (req, reply) => casePage(reads, req, reply, idParam(req)));

  app.post('/mentees/:id/status', { config: manage }, async (req, reply) =>
    handle(reads, req, reply, 'status', StatusInput, async (input) => ({ key: `mentees.flash.status.${await changeStatus(db, actorOf(req), idParam(req), input, reads.currentMatches)}` })),
  );

  app.post('/mentees/:id/accept', { config: manage }, async (req, reply) =>
    handle(reads, req, reply, 'review', AcceptInput, async (input) => {
      await acceptRequest(db, actorOf(req), idParam(req), input.version);
      return { key: 'mentees.flash.accepted' };
    }),
  );

  app.post('/mentees/:id/decline', { config: manage }, async (req, reply) =>
    handle(reads, req, reply, 'review', DeclineInput, async (input) => {
      await declineRequest(db, actorOf(req), idParam(req), input, config.baseUrl);
      return { key: 'mentees.flash.declined' };
    }),
  );

  app.post('/mentees/:id/consents', { config: manage }, async (req, reply) =>
    handle(reads, req, reply, 'consent', ConsentInput, async (input) => {
      await recordConsent(db, actorOf(req), idParam(req), input);
      return { key: 'mentees.flash.consentRecorded', anchor: '#consents-heading' };
    }),
  );

  app.post('/mentees/:id/consents/:consentId/withdraw', { config: manage }, async (req, reply) => {
    await withdrawConsent(db, actorOf(req), idParam(req), paramOf(req, 'consentId'));
    setFlash(reply, 'success', 'mentees.flash.consentWithdrawn');
    return reply.redirect(`/mentees/${idParam(req)}#consents-heading`, 303);
  });

  app.post('/mentees/:id/staff', { config: read }, async (req, reply) =>
    handle(reads, req, reply, 'staff', StaffInput, async (input) => {
      await addStaff(db, actorOf(req), idParam(req), input.userId.toLowerCase());
      return { key: 'mentees.flash.staffAdded', anchor: '#staff-heading' };
    }),
  );

  app.post('/mentees/:id/staff/:userId/remove', { config: read }, async (req, reply) =>
    handle(reads, req, reply, 'staff', StaffInput.omit({ userId: true }), async () => {
      await removeStaff(db, actorOf(req), idParam(req), paramOf(req, 'userId'));
      return { key: 'mentees.flash.staffRemoved', anchor: '#staff-heading' };
    }),
  );

  app.post('/mentees/:id/notes', { config: read }, async (req, reply) =>
    handle(reads, req, reply, 'note', NoteInput, async (input) => {
      await addNote(db, actorOf(req), idParam(req), input.body);
      return { key: 'mentees.flash.noteAdded', anchor: '#notes-heading' };
    }),
  );
}
