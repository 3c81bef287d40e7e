import type { ComponentChildren } from 'preact';
import type { Db } from '../../../core/db/database.js';
import { Slot } from '../../../core/module.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import type { PageContext } from '../../../core/ui/index.js';

/**
 * A section a later module adds to a match's page (/matching/matches/:id), below the match itself: it loads its data
 * for the signed-in actor and returns what to render. Pairs adds the meeting log this way, so matching does not
 * import pairs (pairs comes after matching in the module order).
 */
export type MatchPageSection = (db: Db, actor: RequestActor, match: { id: string; timeZone: string }) => Promise<(ctx: PageContext) => ComponentChildren>;

/** The match page's sections, in the order the modules register them. */
export const matchPageSections = new Slot<MatchPageSection>('matching.match-page');
