import { ErrorSummary, Form, SubmitButton, SubmitOrCancel, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { DistrictWithUsage } from '../districts.service.js';
import type { MessageKey } from '../../../../core/i18n/index.js';

const Back = ({ ctx }: { ctx: PageContext }) => (
  <p>
    <a href="/matching/settings#districts-title">{ctx.t('matching.settings.back')}</a>
  </p>
);

/** Who names the district, in one sentence; nothing when nobody does. */
function UsageNotice({ ctx, district, messageKey }: { ctx: PageContext; district: DistrictWithUsage; messageKey: MessageKey }) {
  const u = district.usage;
  if (u.volunteers + u.mentees + u.venues === 0) return null;
  return (
    <div class="notice notice-warning">
      <p>{ctx.t(messageKey, { name: district.name, volunteers: u.volunteers, mentees: u.mentees, venues: u.venues })}</p>
    </div>
  );
}

/** Adding or editing a district: its name and centre, with how to read the centre off a map. */
export function DistrictFormView({ ctx, form, district }: { ctx: PageContext; form: FormState; district: DistrictWithUsage | null }) {
  const { t } = ctx;
  const labels = { name: t('matching.settings.districts.name'), latitude: t('matching.settings.districts.latitude'), longitude: t('matching.settings.districts.longitude') };
  const title = district ? t('matching.settings.districts.editTitle', { name: district.name }) : t('matching.settings.districts.newTitle');
  return (
    <section class="narrow">
      <Back ctx={ctx} />
      <h1>{title}</h1>
      {district && <UsageNotice ctx={ctx} district={district} messageKey="matching.settings.districts.renameNotice" />}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={district ? `/matching/settings/districts/${district.id}/edit` : '/matching/settings/districts/new'}>
        <TextField ctx={ctx} form={form} name="name" label={labels.name} maxLength={100} required />
        <fieldset class="field">
          <legend>{t('matching.settings.districts.centre')}</legend>
          <p class="hint">{t('matching.settings.districts.centreHint')}</p>
          <details class="field">
            <summary>{t('matching.settings.districts.mapHelpTitle')}</summary>
            <p>{t('matching.settings.districts.mapHelpOsm')}</p>
            <p>{t('matching.settings.districts.mapHelpGoogle')}</p>
            <p>{t('matching.settings.districts.mapHelpPaste')}</p>
          </details>
          <TextField ctx={ctx} form={form} name="latitude" label={labels.latitude} hint={t('matching.settings.districts.latitudeHint')} inputMode="decimal" maxLength={40} dir="ltr" required />
          <TextField ctx={ctx} form={form} name="longitude" label={labels.longitude} hint={t('matching.settings.districts.longitudeHint')} inputMode="decimal" maxLength={40} dir="ltr" required />
        </fieldset>
        <SubmitButton>{t('form.save')}</SubmitButton>
      </Form>
    </section>
  );
}

/** The confirmation before deleting a district, warning how many records name it. */
export function DistrictDeleteView({ ctx, district }: { ctx: PageContext; district: DistrictWithUsage }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <Back ctx={ctx} />
      <h1>{t('matching.settings.districts.deleteTitle', { name: district.name })}</h1>
      <UsageNotice ctx={ctx} district={district} messageKey="matching.settings.districts.deleteWarning" />
      <p>{t('matching.settings.districts.deleteExplain')}</p>
      <Form ctx={ctx} action={`/matching/settings/districts/${district.id}/delete`}>
        <SubmitOrCancel cancelHref="/matching/settings#districts-title" cancelLabel={t('form.cancel')}>
          {t('matching.settings.districts.deleteConfirm', { name: district.name })}
        </SubmitOrCancel>
      </Form>
    </section>
  );
}
