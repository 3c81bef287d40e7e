import { formatNumber } from '../../../core/i18n/index.js';
import type { FormState, PageContext } from '../../../core/ui/index.js';
import type { NetworkAggregates, NetworkTable } from '../network.schemas.js';
import { OutcomeDefinitions, OutcomesTable, PeriodForm, Shown } from './network-outcomes.js';
import { OrganisationsTable } from './organisations-table.js';

const MEASURES = ['volunteers', 'mentees', 'staff', 'activeProgrammes'] as const;

/**
 * The aggregates page: per network, today's counts and the outcome figures over the chosen period (organisations
 * as rows, a total per column; cards on a phone), then one definition of each figure. No personal data.
 */
export function NetworkAggregatesView({ ctx, data, form, years }: { ctx: PageContext; data: NetworkAggregates; form: FormState; years: number[] }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('network.title')}</h1>
      <p class="lead">{t('network.intro')}</p>
      {data.networks.length === 0 ? (
        <p class="empty">{t('network.none')}</p>
      ) : (
        <>
          <PeriodForm ctx={ctx} form={form} years={years} period={data.period} />
          <p class="muted" id="suppression-note">
            {t('network.suppressionNote', { min: formatNumber(1, ctx.locale), max: formatNumber(data.threshold - 1, ctx.locale), threshold: formatNumber(data.threshold, ctx.locale) })}
          </p>
          {data.networks.map((network) => (
            <NetworkSection ctx={ctx} network={network} threshold={data.threshold} period={data.period} />
          ))}
          <OutcomeDefinitions ctx={ctx} period={data.period} threshold={data.threshold} />
        </>
      )}
    </>
  );
}

function NetworkSection({ ctx, network, threshold, period }: { ctx: PageContext; network: NetworkTable; threshold: number; period: NetworkAggregates['period'] }) {
  const { t } = ctx;
  const headingId = `network-${network.slug}`;
  const count = network.organisations.length;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{network.name}</h2>
      <p class="muted">{t('network.organisationCount', { count, formatted: formatNumber(count, ctx.locale) })}</p>
      {count === 0 ? (
        <p class="empty">{t('network.noOrganisations')}</p>
      ) : (
        <>
          <h3 id={`${headingId}-today`}>{t('network.countsHeading')}</h3>
          <OrganisationsTable
            ctx={ctx}
            network={network}
            measures={MEASURES}
            label={(m) => t(`network.${m}`)}
            cell={(f, m) => <Shown ctx={ctx} figure={f[m]} threshold={threshold} format={(v) => formatNumber(v, ctx.locale)} />}
            caption={t('network.caption', { network: network.name })}
            describedBy="suppression-note"
          />
          <OutcomesTable ctx={ctx} network={network} period={period} threshold={threshold} />
        </>
      )}
    </section>
  );
}
