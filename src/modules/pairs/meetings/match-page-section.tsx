import type { MatchPageSection } from '../../matching/index.js';
import { matchMeetings } from './pairs.service.js';
import { MatchMeetingsSection } from './views/match-section.js';

/** The pair's meeting log in short on matching's match page (added to matchPageSections by meetingsRoutes). */
export const matchMeetingsSection: MatchPageSection = async (db, actor, match) => {
  const summary = await matchMeetings(db, actor, match.id);
  return (ctx) => <MatchMeetingsSection ctx={ctx} matchId={match.id} summary={summary} timeZone={match.timeZone} />;
};
