import { formatNumber } from '../../../../core/i18n/index.js';
import { DataTable, Form, Section, type PageContext } from '../../../../core/ui/index.js';
import type { DistrictWithUsage } from '../districts.service.js';
import { WeeklyHoursText } from './hours.js';
import { WEIGHT_KEYS, type VenueOutput, type WeightsOutput } from '../settings.schemas.js';
import { formatCoordinate } from './format.js';

function Districts({ ctx, districts, otherAllowed }: { ctx: PageContext; districts: DistrictWithUsage[]; otherAllowed: boolean }) {
  const { t, locale } = ctx;
  return (
    <Section
      id="districts-title"
      title={t('matching.settings.districts.title')}
      actions={
        <a class="button" href="/matching/settings/districts/new">
          {t('matching.settings.districts.add')}
        </a>
      }
    >
      <p class="hint">{t('matching.settings.districts.intro')}</p>
      <Form ctx={ctx} action="/matching/settings/districts/other" class="inline-form">
        <div class="field field-checkbox" id="district-other">
          <label class="checkbox" for="f-otherAllowed">
            <input id="f-otherAllowed" type="checkbox" name="otherAllowed" value="true" checked={otherAllowed} aria-describedby="f-otherAllowed-hint" /> {t('matching.settings.districts.otherLabel')}
          </label>
          <p class="hint" id="f-otherAllowed-hint">
            {t('matching.settings.districts.otherHint')}
          </p>
        </div>
        <button type="submit" class="button button-secondary">
          {t('matching.settings.districts.otherSave')}
        </button>
      </Form>
      <DataTable
        cards
        caption={t('matching.settings.districts.title')}
        rows={districts}
        empty={t('matching.settings.districts.empty')}
        columns={[
          { header: t('matching.settings.districts.name'), rowHeader: true, cell: (d) => d.name },
          {
            header: t('matching.settings.districts.centre'),
            cell: (d) => <span dir="ltr">{t('matching.settings.districts.point', { latitude: formatCoordinate(d.latitude, locale), longitude: formatCoordinate(d.longitude, locale) })}</span>,
          },
          { header: t('matching.settings.districts.namedBy'), cell: (d) => t('matching.settings.districts.usage', { volunteers: d.usage.volunteers, mentees: d.usage.mentees }) },
          {
            header: t('matching.settings.actions'),
            cell: (d) => (
              <div class="actions-row">
                <a href={`/matching/settings/districts/${d.id}/edit`}>{t('matching.settings.editNamed', { name: d.name })}</a>
                <a href={`/matching/settings/districts/${d.id}/delete`}>{t('matching.settings.deleteNamed', { name: d.name })}</a>
              </div>
            ),
          },
        ]}
      />
    </Section>
  );
}

function Venues({ ctx, venues }: { ctx: PageContext; venues: VenueOutput[] }) {
  const { t } = ctx;
  return (
    <Section
      id="venues-title"
      title={t('matching.settings.venues.title')}
      actions={
        <a class="button" href="/matching/settings/venues/new">
          {t('matching.settings.venues.add')}
        </a>
      }
    >
      <p class="hint">{t('matching.settings.venues.intro')}</p>
      <DataTable
        cards
        caption={t('matching.settings.venues.title')}
        rows={venues}
        empty={t('matching.settings.venues.empty')}
        columns={[
          {
            header: t('matching.settings.venues.name'),
            rowHeader: true,
            cell: (v) => (
              <>
                {v.name}
                <br />
                <span class="muted">{t(`matching.settings.venues.kind.${v.kind}`)}</span>
              </>
            ),
          },
          {
            header: t('matching.settings.venues.address'),
            cell: (v) => (
              <>
                {v.address}
                {v.district && (
                  <>
                    <br />
                    <span class="muted">{v.district}</span>
                  </>
                )}
              </>
            ),
          },
          { header: t('matching.settings.venues.openingHours'), cell: (v) => <WeeklyHoursText t={t} locale={ctx.locale} hours={v.weeklyHours} note={v.openingHours} /> },
          {
            header: t('matching.settings.venues.status'),
            cell: (v) => (
              <>
                {t(v.active ? 'matching.settings.venues.active' : 'matching.settings.venues.inactive')}
                <br />
                <span class="muted">{t(v.stepFree ? 'matching.settings.venues.stepFreeYes' : 'matching.settings.venues.stepFreeNo')}</span>
              </>
            ),
          },
          {
            header: t('matching.settings.actions'),
            cell: (v) => (
              <div class="actions-row">
                <a href={`/matching/settings/venues/${v.id}/edit`}>{t('matching.settings.editNamed', { name: v.name })}</a>
                <Form ctx={ctx} action={`/matching/settings/venues/${v.id}/${v.active ? 'deactivate' : 'reactivate'}`} class="inline-form">
                  <button type="submit" class="link-button">
                    {t(v.active ? 'matching.settings.venues.deactivate' : 'matching.settings.venues.reactivate')}
                    <span class="visually-hidden"> ({v.name})</span>
                  </button>
                </Form>
                <a href={`/matching/settings/venues/${v.id}/delete`}>{t('matching.settings.deleteNamed', { name: v.name })}</a>
              </div>
            ),
          },
        ]}
      />
    </Section>
  );
}

function Weights({ ctx, programmes }: { ctx: PageContext; programmes: (WeightsOutput & { active: boolean })[] }) {
  const { t, locale } = ctx;
  return (
    <Section id="weights-title" title={t('matching.settings.weights.title')}>
      <p class="hint">{t('matching.settings.weights.intro')}</p>
      <DataTable
        cards
        caption={t('matching.settings.weights.title')}
        rows={programmes}
        empty={t('matching.settings.weights.noProgrammes')}
        columns={[
          {
            header: t('matching.settings.weights.programme'),
            rowHeader: true,
            cell: (p) => (
              <>
                {p.programme}
                {!p.active && (
                  <>
                    <br />
                    <span class="muted">{t('matching.settings.weights.inactiveProgramme')}</span>
                  </>
                )}
              </>
            ),
          },
          {
            header: t('matching.settings.weights.current'),
            cell: (p) => (
              <>
                <ul class="weight-summary">
                  {WEIGHT_KEYS.map((k) => (
                    <li>{t('matching.settings.weights.summaryItem', { label: t(`matching.settings.weights.${k}.label`), value: formatNumber(p.weights[k], locale) })}</li>
                  ))}
                  <li>{t('matching.settings.weights.maxDistance.summary', { km: formatNumber(p.maxDistanceKm, locale) })}</li>
                </ul>
                <span class="muted">{t(p.custom ? 'matching.settings.weights.custom' : 'matching.settings.weights.defaults')}</span>
              </>
            ),
          },
          { header: t('matching.settings.actions'), cell: (p) => <a href={`/matching/settings/weights/${p.programmeId}`}>{t('matching.settings.weights.editNamed', { name: p.programme })}</a> },
        ]}
      />
    </Section>
  );
}

/** /matching/settings: the organisation's districts, venues and the weights of each programme. */
export function SettingsOverviewView({
  ctx,
  districts,
  districtOtherAllowed,
  venues,
  programmes,
}: {
  ctx: PageContext;
  districts: DistrictWithUsage[];
  districtOtherAllowed: boolean;
  venues: VenueOutput[];
  programmes: (WeightsOutput & { active: boolean })[];
}) {
  const { t } = ctx;
  return (
    <>
      <p>
        <a href="/matching">{t('matching.settings.backToMatching')}</a>
      </p>
      <h1>{t('matching.settings.title')}</h1>
      <p class="lead">{t('matching.settings.lead')}</p>
      <nav aria-label={t('matching.settings.onThisPage')}>
        <ul class="plain-list actions-row">
          <li>
            <a href="#districts-title">{t('matching.settings.districts.title')}</a>
          </li>
          <li>
            <a href="#venues-title">{t('matching.settings.venues.title')}</a>
          </li>
          <li>
            <a href="#weights-title">{t('matching.settings.weights.title')}</a>
          </li>
        </ul>
      </nav>
      <Districts ctx={ctx} districts={districts} otherAllowed={districtOtherAllowed} />
      <Venues ctx={ctx} venues={venues} />
      <Weights ctx={ctx} programmes={programmes} />
    </>
  );
}
