import type { ModuleContext } from '../../../core/module.js';
import { withTenant } from '../../../core/db/tx.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { sendPage } from '../../../core/ui/index.js';
import { idParam, lenient } from '../http.js';
import { MatchQuery } from '../matches.schemas.js';
import { listMatches, viewMatch } from '../matches.service.js';
import { matchingPolicy } from '../matching.policy.js';
import { findProgrammes } from '../profiles.repository.js';
import { matchPageSections } from './match-sections.js';
import { fullName } from './views/labels.js';
import { MatchListView } from './views/match-list.js';
import { MatchPageView } from './views/match-page.js';

/** The list of matches and one match's page (the introduction page below it belongs to matching/introductions). */
export function matchesPages({ app, db, slots }: ModuleContext) {
  const read = { access: { roles: matchingPolicy.roles('read') } };

  app.get('/matching/matches', { config: read }, async (req, reply) => {
    const query = lenient(MatchQuery, req.query);
    const actor = actorOf(req);
    const page = await listMatches(db, actor, query, req.t, req.locale);
    const programmes = await withTenant(db, actor, (tx) => findProgrammes(tx, actor.organisationId));
    return sendPage(req, reply, (c) => c.t('matching.matches.title'), (ctx) => <MatchListView ctx={ctx} page={page} query={query} programmes={programmes} />);
  });

  app.get('/matching/matches/:id', { config: read }, async (req, reply) => {
    const view = await viewMatch(db, actorOf(req), idParam(req), req.t, req.locale);
    const actor = actorOf(req);
    const sections = await Promise.all(slots.get(matchPageSections).map((load) => load(db, actor, { id: view.match.id, timeZone: view.timeZone })));
    return sendPage(
      req,
      reply,
      (c) => c.t('matching.match.title', { mentee: fullName(view.match.mentee), volunteer: fullName(view.match.volunteer) }),
      (ctx) => <MatchPageView ctx={ctx} match={view.match} programmeName={view.programmeName} createdByName={view.createdByName} timeZone={view.timeZone} sections={sections} />,
    );
  });
}
