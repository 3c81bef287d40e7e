import { formatNumber } from '../../../../core/i18n/index.js';
import { Form, type PageContext } from '../../../../core/ui/index.js';
import type { DistrictWithUsage } from '../districts.service.js';
import { WeeklyHoursText } from './hours.js';
import { WEIGHT_KEYS, type VenueOutput, type WeightsOutput } from '../settings.schemas.js';
import { formatCoordinate } from './format.js';

function Districts({ ctx, districts, otherAllowed }: { ctx: PageContext; districts: DistrictWithUsage[]; otherAllowed: boolean }) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="districts-title">
      <div class="page-head">
        <h2 id="districts-title">{t('matching.settings.districts.title')}</h2>
        <a class="button" href="/matching/settings/districts/new">
          {t('matching.settings.districts.add')}
        </a>
      </div>
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
      {districts.length === 0 ? (
        <p class="empty">{t('matching.settings.districts.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('matching.settings.districts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('matching.settings.districts.name')}</th>
                <th scope="col">{t('matching.settings.districts.centre')}</th>
                <th scope="col">{t('matching.settings.districts.namedBy')}</th>
                <th scope="col">{t('matching.settings.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {districts.map((d) => (
                <tr>
                  <th scope="row">{d.name}</th>
                  <td>
                    <span dir="ltr">{t('matching.settings.districts.point', { latitude: formatCoordinate(d.latitude, locale), longitude: formatCoordinate(d.longitude, locale) })}</span>
                  </td>
                  <td>{t('matching.settings.districts.usage', { volunteers: d.usage.volunteers, mentees: d.usage.mentees })}</td>
                  <td>
                    <div class="actions-row">
                      <a href={`/matching/settings/districts/${d.id}/edit`}>{t('matching.settings.editNamed', { name: d.name })}</a>
                      <a href={`/matching/settings/districts/${d.id}/delete`}>{t('matching.settings.deleteNamed', { name: d.name })}</a>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Venues({ ctx, venues }: { ctx: PageContext; venues: VenueOutput[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="venues-title">
      <div class="page-head">
        <h2 id="venues-title">{t('matching.settings.venues.title')}</h2>
        <a class="button" href="/matching/settings/venues/new">
          {t('matching.settings.venues.add')}
        </a>
      </div>
      <p class="hint">{t('matching.settings.venues.intro')}</p>
      {venues.length === 0 ? (
        <p class="empty">{t('matching.settings.venues.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('matching.settings.venues.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('matching.settings.venues.name')}</th>
                <th scope="col">{t('matching.settings.venues.address')}</th>
                <th scope="col">{t('matching.settings.venues.openingHours')}</th>
                <th scope="col">{t('matching.settings.venues.status')}</th>
                <th scope="col">{t('matching.settings.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {venues.map((v) => (
                <tr>
                  <th scope="row">
                    {v.name}
                    <br />
                    <span class="muted">{t(`matching.settings.venues.kind.${v.kind}`)}</span>
                  </th>
                  <td>
                    {v.address}
                    {v.district && (
                      <>
                        <br />
                        <span class="muted">{v.district}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <WeeklyHoursText t={t} locale={ctx.locale} hours={v.weeklyHours} note={v.openingHours} />
                  </td>
                  <td>
                    {t(v.active ? 'matching.settings.venues.active' : 'matching.settings.venues.inactive')}
                    <br />
                    <span class="muted">{t(v.stepFree ? 'matching.settings.venues.stepFreeYes' : 'matching.settings.venues.stepFreeNo')}</span>
                  </td>
                  <td>
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Weights({ ctx, programmes }: { ctx: PageContext; programmes: (WeightsOutput & { active: boolean })[] }) {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="weights-title">
      <h2 id="weights-title">{t('matching.settings.weights.title')}</h2>
      <p class="hint">{t('matching.settings.weights.intro')}</p>
      {programmes.length === 0 ? (
        <p class="empty">{t('matching.settings.weights.noProgrammes')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('matching.settings.weights.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('matching.settings.weights.programme')}</th>
                <th scope="col">{t('matching.settings.weights.current')}</th>
                <th scope="col">{t('matching.settings.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((p) => (
                <tr>
                  <th scope="row">
                    {p.programme}
                    {!p.active && (
                      <>
                        <br />
                        <span class="muted">{t('matching.settings.weights.inactiveProgramme')}</span>
                      </>
                    )}
                  </th>
                  <td>
                    <ul class="weight-summary">
                      {WEIGHT_KEYS.map((k) => (
                        <li>{t('matching.settings.weights.summaryItem', { label: t(`matching.settings.weights.${k}.label`), value: formatNumber(p.weights[k], locale) })}</li>
                      ))}
                      <li>{t('matching.settings.weights.maxDistance.summary', { km: formatNumber(p.maxDistanceKm, locale) })}</li>
                    </ul>
                    <span class="muted">{t(p.custom ? 'matching.settings.weights.custom' : 'matching.settings.weights.defaults')}</span>
                  </td>
                  <td>
                    <a href={`/matching/settings/weights/${p.programmeId}`}>{t('matching.settings.weights.editNamed', { name: p.programme })}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
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
