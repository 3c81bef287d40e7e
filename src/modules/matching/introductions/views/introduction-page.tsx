import { dynamicKey, formatDateTime } from '../../../../core/i18n/index.js';
import { ButtonForm, DefinitionList, fullName, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { VenueOutput } from '../../venues/settings.schemas.js';
import type { IntroductionRow, MatchParties } from '../introductions.repository.js';
import { IntroductionFields } from './introduction-form.js';

export interface IntroductionItem {
  introduction: IntroductionRow;
  venue: { name: string; address: string; openingHours: string };
}

interface Props {
  ctx: PageContext;
  parties: MatchParties;
  socialWorker: { name: string } | null;
  timeZone: string;
  items: IntroductionItem[];
  venues: VenueOutput[];
  form: FormState;
  canConfigure: boolean;
  now: Date;
}


function Person({ ctx, label, person }: { ctx: PageContext; label: string; person: MatchParties['volunteer'] }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {fullName(person)}
        {!person.email && (
          <>
            <br />
            <span class="muted">{ctx.t('matching.introductions.noEmail')}</span>
          </>
        )}
      </dd>
    </div>
  );
}

function Item({ ctx, item, timeZone, now }: { ctx: PageContext; item: IntroductionItem; timeZone: string; now: Date }) {
  const { t, locale } = ctx;
  const i = item.introduction;
  const when = formatDateTime(i.startsAt, locale, timeZone);
  return (
    <li class="card">
      <h3>{when}</h3>
      <DefinitionList
        items={[
          [t('matching.introductions.field.status'), t(dynamicKey(`matching.introductions.status.${i.status}`))],
          [
            t('matching.introductions.field.venue'),
            <>
              {item.venue.name}
              <br />
              {item.venue.address}
            </>,
          ],
          [t('matching.introductions.field.minutes'), t('matching.introductions.minutes', { minutes: i.minutes })],
          i.outsideHoursReason && [t('matching.introductions.field.outsideHours'), i.outsideHoursReason, { dir: 'auto' }],
          i.note && [t('matching.introductions.field.note'), i.note, { dir: 'auto' }],
        ]}
      />
      {i.status === 'scheduled' && (
        <div class="actions">
          <a class="button" href={`/matching/introductions/${i.id}/reschedule`}>
            {t('matching.introductions.reschedule')}
            <span class="visually-hidden"> ({when})</span>
          </a>
          {i.startsAt.getTime() <= now.getTime() && (
            <ButtonForm ctx={ctx} action={`/matching/introductions/${i.id}/held`} look="secondary">
              {t('matching.introductions.markHeld')}
              <span class="visually-hidden"> ({when})</span>
            </ButtonForm>
          )}
          <ButtonForm ctx={ctx} action={`/matching/introductions/${i.id}/cancel`} look="link">
            {t('matching.introductions.cancel')}
            <span class="visually-hidden"> ({when})</span>
          </ButtonForm>
        </div>
      )}
    </li>
  );
}

/** /matching/matches/:id/introduction: the pair, its introductions, and the form for a new one. */
export function IntroductionPageView({ ctx, parties, socialWorker, timeZone, items, venues, form, canConfigure, now }: Props) {
  const { t } = ctx;
  const scheduled = items.some((i) => i.introduction.status === 'scheduled');
  return (
    <>
      <p>
        <a href="/matching">{t('matching.introductions.back')}</a>
      </p>
      <h1>{t('matching.introductions.title', { volunteer: fullName(parties.volunteer), mentee: fullName(parties.mentee) })}</h1>
      <dl class="details">
        <Person ctx={ctx} label={t('matching.introductions.volunteer')} person={parties.volunteer} />
        <Person ctx={ctx} label={t('matching.introductions.mentee')} person={parties.mentee} />
        <div>
          <dt>{t('matching.introductions.socialWorker')}</dt>
          <dd>{socialWorker ? socialWorker.name : <span class="muted">{t('matching.introductions.noSocialWorker')}</span>}</dd>
        </div>
      </dl>
      <h2>{t('matching.introductions.listTitle')}</h2>
      {items.length === 0 ? (
        <p class="empty">{t('matching.introductions.empty')}</p>
      ) : (
        <ul class="cards">
          {items.map((item) => (
            <Item ctx={ctx} item={item} timeZone={timeZone} now={now} />
          ))}
        </ul>
      )}
      <h2>{t('matching.introductions.scheduleTitle')}</h2>
      {parties.status !== 'active' ? (
        <div class="notice">
          <p>{t('matching.introductions.matchNotActive')}</p>
        </div>
      ) : scheduled ? (
        <p class="hint">{t('matching.introductions.oneAtATime')}</p>
      ) : venues.length === 0 ? (
        <div class="notice">
          <p>{t('matching.introductions.noVenues')}</p>
          {canConfigure && (
            <p>
              <a href="/matching/settings#venues-title">{t('matching.introductions.addVenues')}</a>
            </p>
          )}
        </div>
      ) : (
        <section class="narrow">
          <p>{t('matching.introductions.scheduleIntro')}</p>
          <IntroductionFields ctx={ctx} form={form} venues={venues} timeZone={timeZone} action={`/matching/matches/${parties.id}/introduction`} submit={t('matching.introductions.scheduleSubmit')} />
        </section>
      )}
    </>
  );
}
