import { formatNumber } from '../../../../core/i18n/index.js';
import { Section, type PageContext } from '../../../../core/ui/index.js';
import { formatHours } from '../../../pairs/index.js';
import type { DashboardData } from '../dashboard.service.js';

const k = <K extends string>(key: K) => `home.dashboard.${key}` as const;

/** One figure as a card whose whole label is the link to the list behind it. */
export function FigureCard({ ctx, value, label, href }: { ctx: PageContext; value: number | string; label: string; href: string }) {
  return (
    <li class="card dash-card">
      <a href={href}>
        <span class="stat-value">{typeof value === 'number' ? formatNumber(value, ctx.locale) : value}</span> {label}
      </a>
    </li>
  );
}

/** The coordinator's and administrator's home: what needs attention today, each figure linking to its list. */
export function CoordinatorDashboard({ ctx, data }: { ctx: PageContext; data: NonNullable<DashboardData['coordinator']> }) {
  const { t } = ctx;
  const c = <K extends string>(key: K) => k(`coordinator.${key}` as const);
  return (
    <Section id="dash-coordinator" title={t(c('title'))}>
      <p class="muted">{t(data.allPairs ? c('scopeAll') : c('scopeMine'))}</p>
      <ul class="cards dash-grid">
        <FigureCard ctx={ctx} value={data.applied} label={t(c('applied'), { count: data.applied })} href="/volunteers?stage=applied" />
        <FigureCard ctx={ctx} value={data.overdue} label={t(c('overdue'), { count: data.overdue })} href="/pairs/overdue" />
        <FigureCard ctx={ctx} value={data.quiet} label={t(c('quiet'), { count: data.quiet })} href="/pairs/overdue" />
        <FigureCard ctx={ctx} value={data.concerns} label={t(c('concerns'), { count: data.concerns })} href="/concerns" />
        <FigureCard ctx={ctx} value={formatHours(data.monthMinutes, ctx.locale)} label={t(c('hours'))} href="/pairs" />
        <FigureCard ctx={ctx} value={data.requested} label={t(k('requests'), { count: data.requested })} href="/mentees?status=requested" />
        <FigureCard ctx={ctx} value={data.waiting} label={t(c('waiting'), { count: data.waiting })} href="/mentees?status=waiting" />
      </ul>
    </Section>
  );
}
