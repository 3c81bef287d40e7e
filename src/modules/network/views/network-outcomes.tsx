import { formatDate, formatNumber, type Locale } from '../../../core/i18n/index.js';
import { ErrorSummary, Section, SelectField, SubmitButton, type FormState, type PageContext } from '../../../core/ui/index.js';
import type { NetworkAggregates, NetworkTable } from '../network.schemas.js';
import { PERIOD_CHOICES } from '../period.js';
import { formatHourValue } from '../../pairs/index.js';
import type { ShownCount, ShownFigure, ShownMedian } from '../suppression.js';
import { OrganisationsTable } from './organisations-table.js';

export const OUTCOMES = ['activePairs', 'pairsStarted', 'hours', 'medianWaitingDays', 'concerns', 'highConcerns'] as const;

type Period = NetworkAggregates['period'];

/** The period's dates in the viewer's locale. */
export function periodDates(period: Period, locale: Locale) {
  return { from: formatDate(period.from, locale), to: formatDate(period.to, locale), date: formatDate(period.reportingDate, locale) };
}

/** The GET form that chooses the period: works without JavaScript (a select and a button). */
export function PeriodForm({ ctx, form, years, period }: { ctx: PageContext; form: FormState; years: number[]; period: Period }) {
  const { t } = ctx;
  const all = period.choice === 'year' && period.year !== null && !years.includes(period.year) ? [period.year, ...years] : years;
  const options = [
    ...PERIOD_CHOICES.map((c) => ({ value: c, label: t(`network.period.${c}`) })),
    ...all.map((y) => ({ value: String(y), label: String(y) })),
  ];
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={{ period: t('network.period') }} />
      <form method="get" action="/network" class="filters" aria-label={t('network.periodLabel')}>
        <SelectField ctx={ctx} form={form} name="period" label={t('network.period')} required options={options} />
        <SubmitButton secondary>{t('network.show')}</SubmitButton>
      </form>
    </>
  );
}

/** One network's outcome figures over the period: a table on a wide screen, a card per organisation on a phone. */
export function OutcomesTable({ ctx, network, period, threshold }: { ctx: PageContext; network: NetworkTable; period: Period; threshold: number }) {
  const { t, locale } = ctx;
  const dates = periodDates(period, locale);
  const headingId = `outcomes-${network.slug}`;
  const label = (m: (typeof OUTCOMES)[number]) => t(`network.outcomes.${m}`, { date: dates.date });
  return (
    <>
      <h3 id={headingId}>{t('network.outcomes.heading', { from: dates.from, to: dates.to })}</h3>
      <OrganisationsTable
        ctx={ctx}
        network={network}
        measures={OUTCOMES}
        label={label}
        cell={(f, m) => <Figure ctx={ctx} measure={m} figure={f.outcomes[m]} threshold={threshold} />}
        labelledBy={headingId}
        describedBy="outcome-definitions suppression-note outcomes-suppression-note"
      />
    </>
  );
}

function Figure({ ctx, measure, figure, threshold }: { ctx: PageContext; measure: (typeof OUTCOMES)[number]; figure: ShownCount | ShownFigure | ShownMedian; threshold: number }) {
  const format = (value: number) => (measure === 'hours' ? formatHourValue(value, ctx.locale) : formatNumber(value, ctx.locale));
  return <Shown ctx={ctx} figure={figure} threshold={threshold} format={format} />;
}

/** A published figure: "fewer than 5" or "hidden" when suppressed, "no median" for an empty group, else the value. */
export function Shown({ ctx, figure, threshold, format }: { ctx: PageContext; figure: ShownCount | ShownFigure | ShownMedian; threshold: number; format: (value: number) => string }) {
  const { t, locale } = ctx;
  if (figure.suppression === 'small') return <span class="suppressed">{t('network.fewerThan', { threshold: formatNumber(threshold, locale) })}</span>;
  if (figure.suppression === 'secondary') return <span class="suppressed">{t('network.hidden')}</span>;
  if (figure.value === null) return <span class="muted">{t('network.outcomes.noMedian')}</span>;
  return <>{format(figure.value)}</>;
}

/** One definition of each figure, and how small groups are protected: shown once, under the tables. */
export function OutcomeDefinitions({ ctx, period, threshold }: { ctx: PageContext; period: Period; threshold: number }) {
  const { t, locale } = ctx;
  const dates = periodDates(period, locale);
  return (
    <Section id="outcome-definitions-heading" title={t('network.definitions.heading')}>
      <dl id="outcome-definitions" class="definitions">
        {OUTCOMES.map((m) => (
          <>
            <dt>{t(`network.outcomes.${m}`, { date: dates.date })}</dt>
            <dd>{t(`network.definitions.${m}`, { date: dates.date })}</dd>
          </>
        ))}
      </dl>
      <p class="muted" id="outcomes-suppression-note">
        {t('network.outcomesSuppressionNote', { threshold: formatNumber(threshold, locale) })}
      </p>
    </Section>
  );
}
