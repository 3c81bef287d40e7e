import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../core/module.js';
import { AppError } from '../../../core/http/errors.js';
import { fieldErrors } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { formBody, formErrorsOf, idParam, lenient } from '../http.js';
import { createMatch, MatchRefusedError } from '../matches.service.js';
import { matchingPolicy } from '../matching.policy.js';
import type { Refusal } from '../refusals.js';
import { excludePair, removeExclusion } from './exclusions.service.js';
import { updateVolunteerProfile } from './profile.service.js';
import { ChooseMentee, ChooseVolunteer, ExclusionInput, SuggestionQuery, VolunteerProfileInput } from './suggestions.schemas.js';
import { suggestionsForMentee, suggestionsForVolunteer } from './suggestions.service.js';
import { fullName } from './views/labels.js';
import { MenteePageView } from './views/mentee-page.js';
import { VolunteerPageView } from './views/volunteer-page.js';

interface Extras {
  refusal?: { refusals: Refusal[]; names: { mentee: string; volunteer: string } };
  exclusion?: { otherId: string; form: FormState };
  problem?: FormState;
  profile?: FormState;
}

const badForm = (): FormState => ({ values: {}, errors: { _form: { key: 'matching.badForm' } } });

/** The suggestion pages of one mentee and one volunteer, making a match from them, exclusions, the matching profile. */
export function suggestionsPages({ app, db }: ModuleContext) {
  const read = { access: { roles: matchingPolicy.read } };
  const decide = { access: { roles: matchingPolicy.decide } };

  const menteePage = async (req: FastifyRequest, reply: FastifyReply, id: string, extras: Extras = {}, status = 200) => {
    const query = lenient(SuggestionQuery, req.query);
    const view = await suggestionsForMentee(db, actorOf(req), id, query, req.t, req.locale);
    return sendPage(req, reply, (c) => c.t('matching.suggestions.menteeTitle', { name: fullName(view.mentee) }), (ctx) => <MenteePageView ctx={ctx} view={view} query={query} {...extras} />, status);
  };

  const volunteerPage = async (req: FastifyRequest, reply: FastifyReply, id: string, extras: Extras = {}, status = 200) => {
    const view = await suggestionsForVolunteer(db, actorOf(req), id, req.t, req.locale);
    const profile = extras.profile ?? emptyForm({ capacity: view.volunteer.capacity, gender: view.volunteer.gender ?? '' });
    return sendPage(req, reply, (c) => c.t('matching.suggestions.volunteerTitle', { name: fullName(view.volunteer) }), (ctx) => <VolunteerPageView ctx={ctx} view={view} {...extras} profile={profile} />, status);
  };

  /** After a refused match the page shows why (409: the state changed or the pair may not be made). */
  const refused = (err: unknown): Extras | null => (err instanceof MatchRefusedError ? { refusal: { refusals: err.refusals, names: err.names } } : null);

  app.get('/matching/mentees/:id', { config: read }, async (req, reply) => menteePage(req, reply, idParam(req)));

  app.post('/matching/mentees/:id/match', { config: decide }, async (req, reply) => {
    const menteeId = idParam(req);
    const parsed = ChooseVolunteer.safeParse(formBody(req));
    if (!parsed.success) return menteePage(req, reply, menteeId, { problem: badForm() }, 422);
    try {
      const match = await createMatch(db, actorOf(req), { menteeId, volunteerId: parsed.data.volunteerId });
      setFlash(reply, 'success', 'matching.match.created');
      return reply.redirect(`/matching/matches/${match.id}`, 303);
    } catch (err) {
      const extras = refused(err);
      if (!extras) throw err;
      return menteePage(req, reply, menteeId, extras, 409);
    }
  });

  app.get('/matching/volunteers/:id', { config: read }, async (req, reply) => volunteerPage(req, reply, idParam(req)));

  app.post('/matching/volunteers/:id/match', { config: decide }, async (req, reply) => {
    const volunteerId = idParam(req);
    const parsed = ChooseMentee.safeParse(formBody(req));
    if (!parsed.success) return volunteerPage(req, reply, volunteerId, { problem: badForm() }, 422);
    try {
      const match = await createMatch(db, actorOf(req), { menteeId: parsed.data.menteeId, volunteerId });
      setFlash(reply, 'success', 'matching.match.created');
      return reply.redirect(`/matching/matches/${match.id}`, 303);
    } catch (err) {
      const extras = refused(err);
      if (!extras) throw err;
      return volunteerPage(req, reply, volunteerId, extras, 409);
    }
  });

  app.post('/matching/volunteers/:id/profile', { config: decide }, async (req, reply) => {
    const volunteerId = idParam(req);
    const body = formBody(req);
    const parsed = VolunteerProfileInput.safeParse(body);
    if (!parsed.success) return volunteerPage(req, reply, volunteerId, { profile: { values: body, errors: fieldErrors(parsed.error) } }, 422);
    try {
      await updateVolunteerProfile(db, actorOf(req), volunteerId, parsed.data);
    } catch (err) {
      const errors = formErrorsOf(err);
      if (!errors) throw err;
      return volunteerPage(req, reply, volunteerId, { profile: { values: body, errors } }, 422);
    }
    setFlash(reply, 'success', 'matching.profile.saved');
    return reply.redirect(`/matching/volunteers/${volunteerId}#profile`, 303);
  });

  app.post('/matching/exclusions', { config: decide }, async (req, reply) => {
    const body = formBody(req);
    const parsed = ExclusionInput.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      const ids = ExclusionInput.pick({ menteeId: true, volunteerId: true, from: true }).strip().safeParse(body);
      // Without both ids there is no page to show the message on: the form was tampered with.
      if (!ids.success) throw new AppError('NOT_FOUND');
      const { menteeId, volunteerId, from } = ids.data;
      const exclusion = { otherId: from === 'mentee' ? volunteerId : menteeId, form: { values: body, errors } };
      return from === 'mentee' ? menteePage(req, reply, menteeId, { exclusion }, 422) : volunteerPage(req, reply, volunteerId, { exclusion }, 422);
    }
    const input = parsed.data;
    await excludePair(db, actorOf(req), input);
    setFlash(reply, 'success', 'matching.exclusions.saved');
    return reply.redirect(input.from === 'mentee' ? `/matching/mentees/${input.menteeId}` : `/matching/volunteers/${input.volunteerId}`, 303);
  });

  app.post('/matching/mentees/:id/exclusions/:exclusionId/delete', { config: decide }, async (req, reply) => {
    const menteeId = idParam(req);
    const exclusionId = idParam(req, 'exclusionId');
    const from = formBody(req).from === 'volunteer' ? 'volunteer' : 'mentee';
    const volunteerId = await removeExclusion(db, actorOf(req), menteeId, exclusionId);
    setFlash(reply, 'success', 'matching.exclusions.removed');
    return reply.redirect(from === 'volunteer' ? `/matching/volunteers/${volunteerId}` : `/matching/mentees/${menteeId}`, 303);
  });
}
