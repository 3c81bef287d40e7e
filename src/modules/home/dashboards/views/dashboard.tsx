import { formatList, formatNumber } from '../../../../core/i18n/index.js';
import { Form, Section, Stats, type PageContext } from '../../../../core/ui/index.js';
import type { DashboardData } from '../dashboard.service.js';
import { CoordinatorDashboard } from './coordinator.js';
import { SocialWorkerDashboard } from './social-worker.js';
import { VolunteerDashboard } from './volunteer.js';

/** The organisation switch, for people who belong to several organisations. */
function OrganisationSwitch({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const user = ctx.user!;
  return (
    <Form ctx={ctx} action="/organisation/switch" class="inline-form org-switch">
      <label for="org-switch">{t('home.organisation')}</label>{' '}
      <select id="org-switch" name="organisationId">
        {user.organisations.map((o) => (
          <option value={o.id} selected={o.id === user.currentOrganisationId}>
            {o.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="button button-secondary">
        {t('home.switch')}
      </button>
    </Form>
  );
}

const FIGURES = ['volunteers', 'mentees', 'staff', 'programmes'] as const;

/** The organisation's overall figures (staff only). */
function Figures({ ctx, counts }: { ctx: PageContext; counts: NonNullable<DashboardData['figures']> }) {
  const { t, locale } = ctx;
  return (
    <Section id="dash-figures" title={t('home.figures')}>
      <Stats items={FIGURES.map((k) => ({ value: formatNumber(counts[k], locale), label: t(`home.${k}`, { count: counts[k] }) }))} />
    </Section>
  );
}

/** The signed-in home page: a part per role (volunteer, coordinator, social worker), then the organisation's figures. */
export function Dashboard({ ctx, data }: { ctx: PageContext; data: DashboardData | null }) {
  const { t } = ctx;
  const user = ctx.user!;
  return (
    <>
      <h1>{t('home.welcome', { name: user.displayName })}</h1>
      {user.organisations.length > 1 && <OrganisationSwitch ctx={ctx} />}
      {!data ? (
        <p>{t('home.noOrganisation')}</p>
      ) : (
        <>
          <p class="muted">{t('home.roles', { roles: formatList(user.roles.map((r) => t(`role.${r}`)), ctx.locale) })}</p>
          {data.parts.volunteer && <VolunteerDashboard ctx={ctx} data={data.volunteer} timeZone={data.timeZone} />}
          {data.coordinator && <CoordinatorDashboard ctx={ctx} data={data.coordinator} />}
          {data.socialWorker && <SocialWorkerDashboard ctx={ctx} data={data.socialWorker} timeZone={data.timeZone} showRequests={!data.coordinator} />}
          {data.figures && <Figures ctx={ctx} counts={data.figures} />}
        </>
      )}
    </>
  );
}
