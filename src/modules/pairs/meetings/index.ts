import type { ModuleContext } from '../../../core/module.js';
import { matchPageSections } from '../../matching/index.js';
import { hoursApi } from './hours.api.js';
import { hoursPages } from './hours.pages.js';
import { matchMeetingsSection } from './match-page-section.js';
import { meetingsApi } from './meetings.api.js';
import { meetingsPages } from './meetings.pages.js';
import { pairsApi } from './pairs.api.js';
import { pairsPages } from './pairs.pages.js';

export { hoursByMatch, hoursByMonth, hoursByProgramme, hoursByVolunteer, meetingTotals, periodStarts, toHours, trainingMinutes, type DateRange, type MeetingFilter, type Totals, type TrainingTotals } from './hours.js';
export { formatHourValue, formatHours } from './format-hours.js';
export { matchMeetings, type MatchMeetings } from './pairs.service.js';
export { MatchMeetingsSection } from './views/match-section.js';
export { CONCERN_NOTIFY_JOB } from './meetings.service.js';

/**
 * The meeting log and hours (issue 6 points 1 and 7): the volunteer's fast log from a phone, history and totals,
 * staff views of the pairs they follow with comments, and the hours certificate; each with its JSON twin (*.api.ts).
 * hours.ts is for other parts too.
 */
export function meetingsRoutes(ctx: ModuleContext) {
  meetingsPages(ctx);
  pairsPages(ctx);
  hoursPages(ctx);
  meetingsApi(ctx);
  pairsApi(ctx);
  hoursApi(ctx);
  ctx.slots.add(matchPageSections, matchMeetingsSection);
}
