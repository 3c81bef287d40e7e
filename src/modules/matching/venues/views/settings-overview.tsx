import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../../core/i18n/index.js';
import { ButtonForm, DataTable, Form, MutedLine, Section, type PageContext } from '../../../../core/ui/index.js';
import type { DistrictWithUsage } from '../districts.service.js';
import { WeeklyHoursText } from './hours.js';
import { WEIGHT_KEYS, type VenueOutput, type WeightsOutput } from '../settings.schemas.js';
import { formatCoordinate } from './format.js';

/** One part of the settings page: its heading (with an "Add" button when `add` is given) and what it is for. */
function SettingsSection({ id, title, add, intro, children }: { id: string; title: string; add?: { href: string; label: string }; intro: string; children: ComponentChildren }) {
  return (
    <Section
      id={id}
      title={title}
      actions={
        add && (
          <a class="button" href={add.href}>
            {add.label}
          </a>
        )
      }
    >
      <p class="hint">{intro}</p>
      {children}
    </Section>
  );
}

function Districts({ ctx, districts, otherAllowed }: { ctx: PageContext; districts: DistrictWithUsage[]; otherAllowed: boolean }) {
  const { t, locale } = ctx;
  return (
    <SettingsSection
      id="districts-title"
      title={t('matching.settings.districts.title')}
      add={{ href: '/matching/settings/districts/new', label: t('matching.settings.districts.add') }}
      intro={t('matching.settings.districts.intro')}
    >
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
    </SettingsSection>
  );
}

function Venues({ ctx, venues }: { ctx: PageContext; venues: VenueOutput[] }) {
  const { t } = ctx;
  return (
    <SettingsSection
      id="venues-title"
      title={t('matching.settings.venues.title')}
      add={{ href: '/matching/settings/venues/new', label: t('matching.settings.venues.add') }}
      intro={t('matching.settings.venues.intro')}
    >
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
                <MutedLine>{t(`matching.settings.venues.kind.${v.kind}`)}</MutedLine>
              </>
            ),
          },
          {
            header: t('matching.settings.venues.address'),
            cell: (v) => (
              <>
                {v.address}
                {v.district && <MutedLine>{v.district}</MutedLine>}
              </>
            ),
          },
          { header: t('matching.settings.venues.openingHours'), cell: (v) => <WeeklyHoursText t={t} locale={ctx.locale} hours={v.weeklyHours} note={v.openingHours} /> },
          {
            header: t('matching.settings.venues.status'),
            cell: (v) => (
              <>
                {t(v.active ? 'matching.settings.venues.active' : 'matching.settings.venues.inactive')}
                <MutedLine>{t(v.stepFree ? 'matching.settings.venues.stepFreeYes' : 'matching.settings.venues.stepFreeNo')}</MutedLine>
              </>
            ),
          },
          {
            header: t('matching.settings.actions'),
            cell: (v) => (
              <div class="actions-row">
                <a href={`/matching/settings/venues/${v.id}/edit`}>{t('matching.settings.editNamed', { name: v.name })}</a>
                <ButtonForm ctx={ctx} action={`/matching/settings/venues/${v.id}/${v.active ? 'deactivate' : 'reactivate'}`} look="link">
                  {t(v.active ? 'matching.settings.venues.deactivate' : 'matching.settings.venues.reactivate')}
                  <span class="visually-hidden"> ({v.name})</span>
                </ButtonForm>
                <a href={`/matching/settings/venues/${v.id}/delete`}>{t('matching.settings.deleteNamed', { name: v.name })}</a>
              </div>
            ),
          },
        ]}
      />
    </SettingsSection>
  );
}

function Weights({ ctx, programmes }: { ctx: PageContext; programmes: (WeightsOutput & { active: boolean })[] }) {
  const { t, locale } = ctx;
  return (
    <SettingsSection id="weights-title" title={t('matching.settings.weights.title')} intro={t('matching.settings.weights.intro')}>
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
                {!p.active && <MutedLine>{t('matching.settings.weights.inactiveProgramme')}</MutedLine>}
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
    </SettingsSection>
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
