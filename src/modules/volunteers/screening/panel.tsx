import { dynamicKey, formatDate, formatDateTime } from '../../../core/i18n/index.js';
import { ButtonForm, ButtonLink, DataTable, DefinitionList, MutedLine, type PageContext } from '../../../core/ui/index.js';
import type { VolunteerRow } from '../volunteers.repository.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import type { ScreeningPanelData } from './panel-data.js';
import type { Place } from './place.js';
import { NOTE_FIELDS } from './screening.schemas.js';
import { asksLivedAbroad } from './requirements.js';
import { fixHref } from '../fix-links.js';
import { allowed } from '../../../core/policy.js';

type Interview = ScreeningPanelData['interviews'][number];

/** Where an interview happens, for staff: the address, "phone call", or the video link. */
export function PlaceText({ ctx, place }: { ctx: PageContext; place: Place }) {
  if (place.mode === 'phone') return <>{ctx.t('volunteers.screening.mode.phone')}</>;
  if (place.mode === 'video')
    return (
      <>
        {ctx.t('volunteers.screening.mode.video')}:{' '}
        <a href={place.link} dir="ltr" rel="noopener noreferrer">
          {place.link}
        </a>
      </>
    );
  return <>{place.address}</>;
}

function InterviewItem({ ctx, i, canManage }: { ctx: PageContext; i: Interview; canManage: boolean }) {
  const { t } = ctx;
  const when = formatDateTime(i.startsAt, ctx.locale);
  const notes = NOTE_FIELDS.filter((k) => i.notes[k]);
  return (
    <li class="card">
      <h5>{when}</h5>
      <p>
        {/* dynamicKey: the interview status column has no typed list yet. */}
        <strong>{t(dynamicKey(`volunteers.screening.status.${i.status}`))}</strong> · {t('volunteers.screening.minutes', { minutes: i.minutes })} · <PlaceText ctx={ctx} place={i.place} />
        {i.interviewer && <MutedLine>{t('volunteers.screening.interviewer', { name: i.interviewer })}</MutedLine>}
      </p>
      {i.recommendation && (
        <p>
          {t('volunteers.screening.field.recommendation')}: <strong>{t(`volunteers.screening.recommendation.${i.recommendation}`)}</strong>
        </p>
      )}
      {notes.length > 0 && (
        <DefinitionList dir="auto" items={notes.map((k) => [t(`volunteers.screening.field.${k}`), i.notes[k]])} />
      )}
      {canManage && (i.status === 'scheduled' || i.status === 'offered') && (
        <div class="actions">
          {i.status === 'offered' && (
            <ButtonForm ctx={ctx} action={`/volunteers/interviews/${i.id}/pick`} look="main">
              {t('volunteers.screening.pick')}
              <span class="visually-hidden"> ({when})</span>
            </ButtonForm>
          )}
          {i.status === 'scheduled' && (
            <>
              <a class="button" href={`/volunteers/interviews/${i.id}/record`}>
                {t('volunteers.screening.record')}
                <span class="visually-hidden"> ({when})</span>
              </a>
              <a href={`/volunteers/interviews/${i.id}/reschedule`}>
                {t('volunteers.screening.reschedule')}
                <span class="visually-hidden"> ({when})</span>
              </a>
            </>
          )}
          <ButtonForm ctx={ctx} action={`/volunteers/interviews/${i.id}/cancel`} look="link">
            {t('volunteers.screening.cancel')}
            <span class="visually-hidden"> ({when})</span>
          </ButtonForm>
        </div>
      )}
    </li>
  );
}

function Interviews({ ctx, data, volunteerId, canManage }: { ctx: PageContext; data: ScreeningPanelData; volunteerId: string; canManage: boolean }) {
  const { t } = ctx;
  const open = (i: Interview) => i.status === 'offered' || i.status === 'scheduled';
  const upcoming = data.interviews.filter(open);
  const past = data.interviews.filter((i) => !open(i)).reverse();
  return (
    <>
      <h3>{t('volunteers.screening.interviews')}</h3>
      {canManage && <ButtonLink href={`/volunteers/${volunteerId}/interviews/new`}>{t('volunteers.screening.schedule')}</ButtonLink>}
      <h4>{t('volunteers.screening.upcoming')}</h4>
      {upcoming.length === 0 ? (
        <p class="empty">{t('volunteers.screening.noUpcoming')}</p>
      ) : (
        <ul class="cards">
          {upcoming.map((i) => (
            <InterviewItem ctx={ctx} i={i} canManage={canManage} />
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <>
          <h4>{t('volunteers.screening.past')}</h4>
          <ul class="cards">
            {past.map((i) => (
              <InterviewItem ctx={ctx} i={i} canManage={canManage} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Safeguarding({ ctx, data, volunteer, canManage }: { ctx: PageContext; data: ScreeningPanelData; volunteer: VolunteerRow; canManage: boolean }) {
  const { t } = ctx;
  const warn = data.safeguarding !== 'valid';
  return (
    <>
      <h3>{t('volunteers.screening.safeguarding')}</h3>
      <div class={warn ? 'notice notice-warning' : 'notice'}>
        <p>
          <strong>{t(`volunteers.screening.safeguardingStatus.${data.safeguarding}`)}</strong>
          {volunteer.worksWithMinors && data.missing.length > 0 && <> {t('volunteers.screening.blocksMinors')}</>}
        </p>
        {data.missing.length > 0 && (
          <>
            <p id="safeguarding-missing">{t('volunteers.screening.missingBeforeMinors', { count: data.missing.length })}</p>
            <ul aria-labelledby="safeguarding-missing">
              {data.missing.map((r) => (
                <li>{canManage ? <a href={fixHref(volunteer.id, r)}>{t(`volunteers.missing.${r}`)}</a> : t(`volunteers.missing.${r}`)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {asksLivedAbroad(data.country) && (
        <p>
          {t('volunteers.screening.livedAbroad.label')}: <strong>{t(`volunteers.screening.livedAbroad.${data.livedAbroad === null ? 'unknown' : data.livedAbroad ? 'yes' : 'no'}`)}</strong>
          {canManage && (
            <>
              {' '}
              · <a href={`/volunteers/${volunteer.id}/lived-abroad`}>{t('volunteers.screening.livedAbroad.change')}</a>
            </>
          )}
        </p>
      )}
      <DataTable
        cards
        caption={t('volunteers.screening.safeguarding')}
        rows={data.checks}
        columns={[
          { header: t('volunteers.screening.field.kind'), rowHeader: true, cell: (c) => t(`volunteers.screening.kind.${c.kind}`) },
          { header: t('volunteers.screening.field.seenOn'), cell: (c) => formatDate(c.seenOn, ctx.locale) },
          { header: t('volunteers.screening.seenBy'), cell: (c) => c.seenBy },
          { header: t('volunteers.screening.field.renewBy'), cell: (c) => formatDate(c.renewBy, ctx.locale) },
          { header: t('volunteers.screening.state'), cell: (c) => t(`volunteers.screening.safeguardingStatus.${c.status}`) },
        ]}
      />
      {canManage && (
        <p>
          <a href={`/volunteers/${volunteer.id}/safeguarding/new`}>{t('volunteers.screening.recordCheck')}</a>
        </p>
      )}
    </>
  );
}

function Insurance({ ctx, data, volunteer, canManage }: { ctx: PageContext; data: ScreeningPanelData; volunteer: VolunteerRow; canManage: boolean }) {
  const { t } = ctx;
  return (
    <>
      <h3>{t('volunteers.screening.insurance')}</h3>
      <DataTable
        cards
        caption={t('volunteers.screening.insurance')}
        rows={data.insurance}
        empty={t('volunteers.screening.noInsurance')}
        columns={[
          { header: t('volunteers.screening.field.insurer'), rowHeader: true, cell: (r) => r.insurer },
          { header: t('volunteers.screening.field.policyNumber'), dir: 'ltr', cell: (r) => r.policyNumber },
          {
            header: t('volunteers.screening.period'),
            cell: (r) => (
              <>
                {t('volunteers.screening.periodValue', { from: formatDate(r.validFrom, ctx.locale), to: formatDate(r.validTo, ctx.locale) })}
                {r.current && <> · {t('volunteers.screening.current')}</>}
              </>
            ),
          },
        ]}
      />
      {canManage && (
        <p>
          <a href={`/volunteers/${volunteer.id}/insurance/new`}>{t('volunteers.screening.recordInsurance')}</a>
        </p>
      )}
    </>
  );
}

/** Health-and-safety acknowledgement and travel costs, each with its date (needed before activation). */
function Legal({ ctx, volunteer, canManage }: { ctx: PageContext; volunteer: VolunteerRow; canManage: boolean }) {
  const { t, locale } = ctx;
  return (
    <>
      <h3>{t('volunteers.screening.legal.heading')}</h3>
      <DefinitionList
        items={[
          [t('volunteers.screening.legal.healthSafetyOn'), volunteer.healthSafetyOn ? t('volunteers.screening.legal.healthSafetyValue', { date: formatDate(volunteer.healthSafetyOn, locale) }) : t('volunteers.screening.legal.notRecorded')],
          [
            t('volunteers.screening.legal.travelCosts'),
            volunteer.travelCosts && volunteer.travelCostsOn
              ? t(`volunteers.screening.legal.travel.${volunteer.travelCosts}`, { date: formatDate(volunteer.travelCostsOn, locale) })
              : t('volunteers.screening.legal.notRecorded'),
          ],
        ]}
      />
      {canManage && (
        <p>
          <a href={`/volunteers/${volunteer.id}/legal`}>{t('volunteers.screening.legal.record')}</a>
        </p>
      )}
    </>
  );
}

/**
 * The interviews, safeguarding checks and insurance of one volunteer, shown on the volunteer page.
 * `data` is what `loadScreeningPanel` returned (loaded in the page's tenant transaction). Shown to
 * `volunteersPolicy` read roles; the actions only to its manage roles.
 */
export function ScreeningPanel({ ctx, volunteer, data }: { ctx: PageContext; volunteer: VolunteerRow; data: unknown }) {
  if (!data || !allowed(ctx.user, volunteersPolicy, 'read')) return null;
  const d = data as ScreeningPanelData;
  const canManage = allowed(ctx.user, volunteersPolicy, 'manage');
  return (
    <section id="screening" aria-labelledby="screening-title">
      <h2 id="screening-title">{ctx.t('volunteers.screening.title')}</h2>
      <Interviews ctx={ctx} data={d} volunteerId={volunteer.id} canManage={canManage} />
      <Safeguarding ctx={ctx} data={d} volunteer={volunteer} canManage={canManage} />
      <Insurance ctx={ctx} data={d} volunteer={volunteer} canManage={canManage} />
      <Legal ctx={ctx} volunteer={volunteer} canManage={canManage} />
    </section>
  );
}
