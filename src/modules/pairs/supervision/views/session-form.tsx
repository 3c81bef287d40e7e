import { ErrorSummary, Form, SelectField, SubmitButton, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { AUDIENCES } from '../supervision.schemas.js';

/** Planning or changing a session: audience, when (organisation's zone), length, place and/or link, facilitator, topics. */
export function SessionFormView({ ctx, form, action, editing, timeZone }: { ctx: PageContext; form: FormState; action: string; editing: boolean; timeZone: string }) {
  const { t } = ctx;
  const labels = {
    audience: t('pairs.supervision.field.audience'),
    date: t('pairs.supervision.field.date'),
    time: t('pairs.supervision.field.time'),
    minutes: t('pairs.supervision.field.minutes'),
    place: t('pairs.supervision.field.place'),
    onlineLink: t('pairs.supervision.field.onlineLink'),
    facilitator: t('pairs.supervision.field.facilitator'),
    topics: t('pairs.supervision.field.topics'),
  };
  return (
    <>
      <p>
        <a href="/supervision">{t('pairs.supervision.back')}</a>
      </p>
      <h1>{t(editing ? 'pairs.supervision.editTitle' : 'pairs.supervision.newTitle')}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={action} novalidate>
        <SelectField ctx={ctx} form={form} name="audience" label={labels.audience} required options={AUDIENCES.map((a) => ({ value: a, label: t(`pairs.supervision.audience.${a}`) }))} />
        <fieldset class="field">
          <legend>{t('pairs.supervision.field.when')}</legend>
          <p class="hint">{t('pairs.supervision.hint.when', { zone: timeZone })}</p>
          <TextField ctx={ctx} form={form} name="date" type="date" label={labels.date} required />
          <TextField ctx={ctx} form={form} name="time" type="time" label={labels.time} required />
        </fieldset>
        <TextField ctx={ctx} form={form} name="minutes" inputMode="numeric" label={labels.minutes} hint={t('pairs.supervision.hint.minutes')} maxLength={3} required />
        <fieldset class="field">
          <legend>{t('pairs.supervision.field.where')}</legend>
          <p class="hint">{t('pairs.supervision.hint.where')}</p>
          <TextField ctx={ctx} form={form} name="place" label={labels.place} maxLength={200} />
          <TextField ctx={ctx} form={form} name="onlineLink" type="url" label={labels.onlineLink} hint={t('pairs.supervision.hint.onlineLink')} maxLength={500} />
        </fieldset>
        <TextField ctx={ctx} form={form} name="facilitator" label={labels.facilitator} maxLength={200} required />
        <TextArea ctx={ctx} form={form} name="topics" label={labels.topics} maxLength={2000} rows={4} />
        <SubmitButton>{t(editing ? 'pairs.supervision.save' : 'pairs.supervision.create')}</SubmitButton>
      </Form>
    </>
  );
}
