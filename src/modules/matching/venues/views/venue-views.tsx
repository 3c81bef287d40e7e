import { weekdayName } from '../../../../core/i18n/index.js';
import { Checkbox, ErrorSummary, Form, SelectField, SubmitButton, SubmitOrCancel, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { formatDayHours, hoursField, WEEKDAY_KEYS } from '../opening-hours.js';
import { VENUE_KINDS, type VenueOutput } from '../settings.schemas.js';

const Back = ({ ctx }: { ctx: PageContext }) => (
  <p>
    <a href="/matching/settings#venues-title">{ctx.t('matching.settings.back')}</a>
  </p>
);

/** The form values of a stored venue: a district that is not on the list goes into the free-text field. */
export function venueFormValues(v: VenueOutput, districtNames: string[]): Record<string, unknown> {
  const listed = v.district ? districtNames.find((n) => n.toLowerCase() === v.district!.toLowerCase()) : undefined;
  return {
    kind: v.kind,
    name: v.name,
    address: v.address,
    district: listed ?? '',
    districtOther: v.district && !listed ? v.district : '',
    ...Object.fromEntries(WEEKDAY_KEYS.map((d) => [hoursField(d), formatDayHours(v.weeklyHours?.[d] ?? [])])),
    openingHours: v.openingHours,
    stepFree: v.stepFree ? 'true' : undefined,
  };
}

/** Adding or editing a venue. */
export function VenueFormView({ ctx, form, venue, districtNames }: { ctx: PageContext; form: FormState; venue: VenueOutput | null; districtNames: string[] }) {
  const { t } = ctx;
  const labels = {
    kind: t('matching.settings.venues.kindLabel'),
    name: t('matching.settings.venues.name'),
    address: t('matching.settings.venues.address'),
    district: t('matching.settings.venues.districtSelect'),
    districtOther: t('matching.settings.venues.districtOther'),
    ...Object.fromEntries(WEEKDAY_KEYS.map((d, i) => [hoursField(d), t('matching.settings.venues.hoursOn', { weekday: weekdayName(ctx.locale, i) })])),
    openingHours: t('matching.settings.venues.hoursNote'),
    stepFree: t('matching.settings.venues.stepFree'),
  };
  return (
    <section class="narrow">
      <Back ctx={ctx} />
      <h1>{venue ? t('matching.settings.venues.editTitle', { name: venue.name }) : t('matching.settings.venues.newTitle')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={venue ? `/matching/settings/venues/${venue.id}/edit` : '/matching/settings/venues/new'}>
        <SelectField ctx={ctx} form={form} name="kind" label={labels.kind} required options={VENUE_KINDS.map((k) => ({ value: k, label: t(`matching.settings.venues.kind.${k}`) }))} />
        <TextField ctx={ctx} form={form} name="name" label={labels.name} hint={t('matching.settings.venues.nameHint')} maxLength={120} required />
        <TextField ctx={ctx} form={form} name="address" label={labels.address} hint={t('matching.settings.venues.addressHint')} maxLength={200} autocomplete="off" required />
        <fieldset class="field">
          <legend>{t('matching.settings.venues.district')}</legend>
          <p class="hint">{t(districtNames.length ? 'matching.settings.venues.districtHint' : 'matching.settings.venues.districtHintNone')}</p>
          {districtNames.length > 0 && <SelectField ctx={ctx} form={form} name="district" label={labels.district} options={districtNames.map((n) => ({ value: n, label: n }))} />}
          <TextField ctx={ctx} form={form} name="districtOther" label={labels.districtOther} maxLength={100} />
        </fieldset>
        <fieldset class="field" aria-describedby="venue-hours-hint">
          <legend>{t('matching.settings.venues.openingHours')}</legend>
          <p class="hint" id="venue-hours-hint">
            {t('matching.settings.venues.openingHoursHint')}
          </p>
          <div class="hours-days">
            {WEEKDAY_KEYS.map((d, i) => (
              <TextField ctx={ctx} form={form} name={hoursField(d)} label={weekdayName(ctx.locale, i)} maxLength={200} autocomplete="off" dir="ltr" />
            ))}
          </div>
        </fieldset>
        <TextField ctx={ctx} form={form} name="openingHours" label={labels.openingHours} hint={t('matching.settings.venues.hoursNoteHint')} maxLength={300} />
        <Checkbox ctx={ctx} form={form} name="stepFree" label={labels.stepFree} hint={t('matching.settings.venues.stepFreeHint')} />
        <SubmitButton>{t('form.save')}</SubmitButton>
      </Form>
    </section>
  );
}

/** Deleting a venue: confirmed when unused; otherwise why it cannot be deleted, and deactivation instead. */
export function VenueDeleteView({ ctx, venue }: { ctx: PageContext; venue: VenueOutput & { introductions: number } }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <Back ctx={ctx} />
      <h1>{t('matching.settings.venues.deleteTitle', { name: venue.name })}</h1>
      {venue.introductions > 0 ? (
        <>
          <div class="notice notice-warning" role="status">
            <p>{t('matching.settings.venues.inUseCount', { count: venue.introductions })}</p>
            <p>{t(venue.active ? 'matching.settings.venues.deactivateInstead' : 'matching.settings.venues.alreadyInactive')}</p>
          </div>
          {venue.active && (
            <Form ctx={ctx} action={`/matching/settings/venues/${venue.id}/deactivate`}>
              <SubmitOrCancel cancelHref="/matching/settings#venues-title" cancelLabel={t('form.cancel')}>
                {t('matching.settings.venues.deactivate')}
                <span class="visually-hidden"> ({venue.name})</span>
              </SubmitOrCancel>
            </Form>
          )}
        </>
      ) : (
        <Form ctx={ctx} action={`/matching/settings/venues/${venue.id}/delete`}>
          <p>{t('matching.settings.venues.deleteExplain')}</p>
          <SubmitOrCancel cancelHref="/matching/settings#venues-title" cancelLabel={t('form.cancel')}>
            {t('matching.settings.venues.deleteConfirm', { name: venue.name })}
          </SubmitOrCancel>
        </Form>
      )}
    </section>
  );
}
