import type { ModuleContext } from '../../../core/module.js';
import { lenientQuery as leniently } from '../../../core/http/validation.js';
import { actorOf } from '../../../core/tenancy/actor.js';
import { sendPage } from '../../../core/ui/index.js';
import { MenteeQuery } from '../mentees.schemas.js';
import { menteesPolicy } from '../mentees.policy.js';
import { listMentees } from './list.service.js';
import { MenteeListView } from './views/mentee-list.js';

/**
 * The list's query for pages: a bad value (hand-edited link) is dropped rather than refused, so the social worker
 * still sees the list. The API is strict instead (422).
 */
export const lenientQuery = (input: unknown): MenteeQuery => leniently(MenteeQuery, input).query;

/** The waiting list /mentees: tabs by status (requests to review first), search, filters, paging. */
export function listPages({ app, db }: ModuleContext) {
  app.get('/mentees', { config: { access: { roles: menteesPolicy.roles('read') } } }, async (req, reply) => {
    const query = lenientQuery(req.query);
    const view = await listMentees(db, actorOf(req), query, req.locale);
    return sendPage(req, reply, (c) => c.t('mentees.list.title'), (ctx) => <MenteeListView ctx={ctx} view={view} query={query} />);
  });
}
