import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z, ZodTypeAny } from 'zod';
import type { ModuleContext } from '../../../core/module.js';
import { AppError } from '../../../core/http/errors.js';
import { submitForm } from '../../../core/http/form.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { emptyForm, sendPage, setFlash, type FormState } from '../../../core/ui/index.js';
import { formBody, idParam, lenient } from '../http.js';
import { createMatch, MatchRefusedError } from '../matches.service.js';
import { matchingPolicy } from '../matching.policy.js';
import { excludePair, removeExclusion } from './exclusions.service.js';
import { updateVolunteerProfile } from './profile.service.js';
import { ChooseMentee, ChooseVolunteer, ExclusionInput, SuggestionQuery, VolunteerProfileInput } from './suggestions.schemas.js';
import { suggestionsForMentee, suggestionsForVolunteer } from './suggestions.service.js';
import { fullName } from './views/labels.js';
import { MenteePageView } from './views/mentee-page.js';
import { VolunteerPageView } from './views/volunteer-page.js';
import type { RefusedPost } from './views/parts.js';

interface Extras extends RefusedPost {
  profile?: FormState;
}

const badForm = (): FormState => ({ values: {}, errors: { _form: { key: 'matching.badForm' } } });

/** The suggestion pages of one mentee and one volunteer, making a match from them, exclusions, the matching profile. */
export function suggestionsPages({ app, db }: ModuleContext) {
  const read = { access: { roles: matchingPolicy.roles('read') } };
  const decide = { access: { roles: matchingPolicy.roles('decide') } };

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
  const refused = (err: AppError): Extras => {
    if (!(err instanceof MatchRefusedError)) throw err;
    return { refusal: { refusals: err.refusals, names: err.names } };
  };

  /**
   * "Match" on one side's page (`side` in the path, the other person's id posted): a tampered form shows that page
   * again (422), a refused match with the reasons (409).
   */
  const matchRoute = <S extends ZodTypeAny>(side: 'mentees' | 'volunteers', schema: S, page: typeof menteePage, pair: (id: string, input: z.output<S>) => { menteeId: string; volunteerId: string }) =>
    app.post(`/matching/${side}/:id/match`, { config: decide }, async (req, reply) => {
      const id = idParam(req);
      return submitForm(req, reply, {
        schema,
        view: (_form, status) => page(req, reply, id, { problem: badForm() }, status),
        action: (input) => createMatch(db, actorOf(req), pair(id, input)),
        success: (match) => ({ flash: 'matching.match.created', redirect: `/matching/matches/${match.id}` }),
        conflict: (err) => page(req, reply, id, refused(err), 409),
      });
    });

  app.get('/matching/mentees/:id', { config: read }, async (req, reply) => menteePage(req, reply, idParam(req)));

  matchRoute('mentees', ChooseVolunteer, menteePage, (menteeId, input) => ({ menteeId, volunteerId: input.volunteerId }));

  app.get('/matching/volunteers/:id', { config: read }, async (req, reply) => volunteerPage(req, reply, idParam(req)));

  matchRoute('volunteers', ChooseMentee, volunteerPage, (volunteerId, input) => ({ menteeId: input.menteeId, volunteerId }));

  app.post('/matching/volunteers/:id/profile', { config: decide }, async (req, reply) => {
    const volunteerId = idParam(req);
    return submitForm(req, reply, {
      schema: VolunteerProfileInput,
      view: (profile, status) => volunteerPage(req, reply, volunteerId, { profile }, status),
      action: (input) => updateVolunteerProfile(db, actorOf(req), volunteerId, input),
      success: () => ({ flash: 'matching.profile.saved', redirect: `/matching/volunteers/${volunteerId}#profile` }),
    });
  });

  app.post('/matching/exclusions', { config: decide }, async (req, reply) =>
    submitForm(req, reply, {
      schema: ExclusionInput,
      view: (form, status) => {
        const ids = ExclusionInput.pick({ menteeId: true, volunteerId: true, from: true }).strip().safeParse(form.values);
        // Without both ids there is no page to show the message on: the form was tampered with.
        if (!ids.success) throw new AppError('NOT_FOUND');
        const { menteeId, volunteerId, from } = ids.data;
        const exclusion = { otherId: from === 'mentee' ? volunteerId : menteeId, form };
        return from === 'mentee' ? menteePage(req, reply, menteeId, { exclusion }, status) : volunteerPage(req, reply, volunteerId, { exclusion }, status);
      },
      action: async (input) => {
        await excludePair(db, actorOf(req), input);
        return input;
      },
      success: (input) => ({ flash: 'matching.exclusions.saved', redirect: input.from === 'mentee' ? `/matching/mentees/${input.menteeId}` : `/matching/volunteers/${input.volunteerId}` }),
    }),
  );

  app.post('/matching/mentees/:id/exclusions/:exclusionId/delete', { config: decide }, async (req, reply) => {
    const menteeId = idParam(req);
    const exclusionId = idParam(req, 'exclusionId');
    const from = formBody(req).from === 'volunteer' ? 'volunteer' : 'mentee';
    const volunteerId = await removeExclusion(db, actorOf(req), menteeId, exclusionId);
    setFlash(reply, 'success', 'matching.exclusions.removed');
    return reply.redirect(from === 'volunteer' ? `/matching/volunteers/${volunteerId}` : `/matching/mentees/${menteeId}`, 303);
  });
}
