import type { ComponentChildren } from 'preact';
import { formatDate } from '../../../../core/i18n/index.js';
import { DefinitionList, PageHead, type PageContext } from '../../../../core/ui/index.js';
import type { MatchOutput } from '../../matches.schemas.js';
import { fullName, label, needList } from './labels.js';
import { Fit, ReasonsBlock } from './parts.js';

interface Props {
  ctx: PageContext;
  match: MatchOutput;
  programmeName: string | null;
  createdByName: string | null;
  timeZone: string;
  /** What later modules add below the match (matchPageSections: the pair's meeting log in short, from pairs). */
  sections?: ((ctx: PageContext) => ComponentChildren)[];
}

/** One match: who, which needs, since when, by whom, and the score and reasons as they were when it was made. */
export function MatchPageView({ ctx, match, programmeName, createdByName, timeZone, sections = [] }: Props) {
  const { t, locale } = ctx;
  const mentee = fullName(match.mentee);
  const volunteer = fullName(match.volunteer);
  const rows: [string, ComponentChildren][] = [
    [
      t('matching.mentee'),
      <>
        <a href={`/mentees/${match.mentee.id}`}>{mentee}</a> · <a href={`/matching/mentees/${match.mentee.id}`}>{t('matching.links.menteeSuggestions')}</a>
      </>,
    ],
    [t('matching.volunteer'), <a href={`/matching/volunteers/${match.volunteer.id}`}>{volunteer}</a>],
    [t('matching.match.needs'), needList(t, locale, match.needs) || t('matching.match.noNeeds')],
    [t('matching.match.since'), formatDate(match.startedAt, locale, timeZone)],
    [t('matching.match.status'), label(t, 'matchStatus', match.status)],
    [t('matching.match.origin'), t(`matching.origin.${match.origin}`)],
    [t('matching.match.madeBy'), createdByName ?? t('matching.someone')],
  ];
  if (programmeName) rows.push([t('matching.match.programme'), programmeName]);
  return (
    <>
      <p class="actions-row">
        <a href="/matching/matches">{t('matching.links.matches')}</a>
        <a href="/matching">{t('matching.links.overview')}</a>
      </p>
      <PageHead title={t('matching.match.title', { mentee, volunteer })} />
      <DefinitionList items={rows} />
      <h2>
        {t('matching.match.why')} <Fit ctx={ctx} percent={match.percent} />
      </h2>
      <ReasonsBlock ctx={ctx} r={match} />
      {sections.map((section) => section(ctx))}
      {match.status === 'active' && (
        <p>
          <a class="button" href={`/matching/matches/${match.id}/introduction`}>
            {t('matching.match.introduction')}
          </a>
        </p>
      )}
    </>
  );
}
