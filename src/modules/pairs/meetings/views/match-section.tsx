import { formatDate } from '../../../../core/i18n/index.js';
import { Section, type PageContext } from '../../../../core/ui/index.js';
import { formatHours } from '../format-hours.js';
import type { MatchMeetings } from '../pairs.service.js';

/** The "Meetings" section on the match page (/matching/matches/:id): how many, how long, the last, and the log. */
export function MatchMeetingsSection({ ctx, matchId, summary, timeZone }: { ctx: PageContext; matchId: string; summary: MatchMeetings; timeZone: string }) {
  const { t, locale } = ctx;
  return (
    <Section id="match-meetings-title" title={t('pairs.meetings.section.title')}>
      <p>
        {summary.meetings === 0
          ? t('pairs.meetings.section.none')
          : t('pairs.meetings.section.summary', {
              count: summary.meetings,
              hours: formatHours(summary.minutes, locale),
              date: formatDate(summary.lastMeetingDate ?? '', locale, timeZone),
            })}
      </p>
      <p>
        <a href={`/pairs/${matchId}`}>{t('pairs.meetings.section.link')}</a>
      </p>
    </Section>
  );
}
