import type { ComponentChildren } from 'preact';
import { DefinitionList, fieldLabels, Fields, FormPage, SelectField, SubmitButton, TextArea, TextField, type FieldSpec, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { INTERVIEW_MODES } from '../place.js';
import { NOTE_FIELDS, RECOMMENDATIONS, SLOTS, type SafeguardingKind } from '../screening.schemas.js';

// core/ui TextField does not list "time" among its types yet; the browser renders a time picker (HH:MM).
const TIME = 'time' as never;

/** The frame of every form page of this part: back link, heading, whose record it is, the error summary. */
function ScreeningFormPage(props: { ctx: PageContext; form: FormState; fields?: FieldSpec[]; labels?: Record<string, string>; title: string; volunteer: { id: string; name: string }; action: string; children: ComponentChildren }) {
  const { ctx, volunteer } = props;
  const back = { href: `/volunteers/${volunteer.id}`, label: ctx.t('volunteers.screening.back') };
  const lead = <p class="lead">{ctx.t('volunteers.screening.forVolunteer', { name: volunteer.name })}</p>;
  return (
    <FormPage ctx={ctx} form={props.form} fields={props.fields} labels={props.labels} back={back} title={props.title} intro={lead} action={props.action}>
      {props.children}
    </FormPage>
  );
}

function placeLabels(t: PageContext['t']) {
  return {
    minutes: t('volunteers.screening.field.minutes'),
    mode: t('volunteers.screening.field.mode'),
    address: t('volunteers.screening.field.address'),
    link: t('volunteers.screening.field.link'),
  };
}

function PlaceFields({ ctx, form }: { ctx: PageContext; form: FormState }) {
  const { t } = ctx;
  const l = placeLabels(t);
  return (
    <>
      <TextField ctx={ctx} form={form} name="minutes" inputMode="numeric" maxLength={3} label={l.minutes} hint={t('volunteers.screening.hint.minutes')} required />
      <SelectField ctx={ctx} form={form} name="mode" label={l.mode} required options={INTERVIEW_MODES.map((m) => ({ value: m, label: t(`volunteers.screening.mode.${m}`) }))} />
      <TextField ctx={ctx} form={form} name="address" label={l.address} hint={t('volunteers.screening.hint.address')} maxLength={200} />
      <TextField ctx={ctx} form={form} name="link" type="url" label={l.link} hint={t('volunteers.screening.hint.link')} maxLength={500} dir="ltr" />
    </>
  );
}

/** Offering one to three slots (new) or moving a scheduled interview (reschedule: one slot). */
export function InterviewFormView({ ctx, form, volunteer, action, reschedule }: { ctx: PageContext; form: FormState; volunteer: { id: string; name: string }; action: string; reschedule: boolean }) {
  const { t } = ctx;
  const slots = reschedule ? [1] : SLOTS;
  const labels: Record<string, string> = { ...placeLabels(t) };
  for (const n of slots) {
    labels[`date${n}`] = t('volunteers.screening.field.slotDate', { n });
    labels[`time${n}`] = t('volunteers.screening.field.slotTime', { n });
  }
  return (
    <ScreeningFormPage ctx={ctx} form={form} labels={labels} title={t(reschedule ? 'volunteers.screening.rescheduleTitle' : 'volunteers.screening.scheduleTitle')} volunteer={volunteer} action={action}>
      <p class="hint">{t(reschedule ? 'volunteers.screening.hint.reschedule' : 'volunteers.screening.hint.slots')}</p>
      {slots.map((n) => (
        <fieldset class="field">
          <legend>{reschedule ? t('volunteers.screening.newTime') : t('volunteers.screening.slot', { n })}</legend>
          <TextField ctx={ctx} form={form} name={`date${n}`} type="date" label={t('volunteers.screening.field.date')} required={n === 1} />
          <TextField ctx={ctx} form={form} name={`time${n}`} type={TIME} label={t('volunteers.screening.field.time')} hint={t('volunteers.screening.hint.time')} required={n === 1} />
        </fieldset>
      ))}
      <PlaceFields ctx={ctx} form={form} />
      <SubmitButton>{t(reschedule ? 'volunteers.screening.rescheduleSubmit' : 'volunteers.screening.scheduleSubmit')}</SubmitButton>
    </ScreeningFormPage>
  );
}

/** After the interview: outcome, recommendation and the structured notes. */
export function RecordFormView({ ctx, form, volunteer, action, when }: { ctx: PageContext; form: FormState; volunteer: { id: string; name: string }; action: string; when: string }) {
  const { t } = ctx;
  const labels: Record<string, string> = { outcome: t('volunteers.screening.field.outcome'), recommendation: t('volunteers.screening.field.recommendation') };
  for (const k of NOTE_FIELDS) labels[k] = t(`volunteers.screening.field.${k}`);
  return (
    <ScreeningFormPage ctx={ctx} form={form} labels={labels} title={t('volunteers.screening.recordTitle', { when })} volunteer={volunteer} action={action}>
      <SelectField ctx={ctx} form={form} name="outcome" label={labels.outcome!} required options={(['held', 'no_show'] as const).map((o) => ({ value: o, label: t(`volunteers.screening.outcome.${o}`) }))} />
      <SelectField ctx={ctx} form={form} name="recommendation" label={labels.recommendation!} hint={t('volunteers.screening.hint.recommendation')} options={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`volunteers.screening.recommendation.${r}`) }))} />
      <fieldset class="field">
        <legend>{t('volunteers.screening.notes')}</legend>
        <p class="hint">{t('volunteers.screening.hint.notes')}</p>
        {NOTE_FIELDS.map((k) => (
          <TextArea ctx={ctx} form={form} name={k} label={labels[k]!} maxLength={2000} rows={3} />
        ))}
      </fieldset>
      <SubmitButton>{t('form.save')}</SubmitButton>
    </ScreeningFormPage>
  );
}

/** That a safeguarding check was seen: kind (explained in plain words), date seen, renewal date. Never the document. */
export function SafeguardingFormView({ ctx, form, volunteer, kinds, renewalMonths }: { ctx: PageContext; form: FormState; volunteer: { id: string; name: string }; kinds: readonly SafeguardingKind[]; renewalMonths: number }) {
  const { t } = ctx;
  const labels = { kind: t('volunteers.screening.field.kind'), seenOn: t('volunteers.screening.field.seenOn'), renewBy: t('volunteers.screening.field.renewBy') };
  return (
    <ScreeningFormPage ctx={ctx} form={form} labels={labels} title={t('volunteers.screening.checkTitle')} volunteer={volunteer} action={`/volunteers/${volunteer.id}/safeguarding`}>
      <div class="notice">
        <p>{t('volunteers.screening.noDocument')}</p>
      </div>
      <DefinitionList items={kinds.map((k) => [t(`volunteers.screening.kind.${k}`), t(`volunteers.screening.kindHelp.${k}`)])} />
      <SelectField ctx={ctx} form={form} name="kind" label={labels.kind} required options={kinds.map((k) => ({ value: k, label: t(`volunteers.screening.kind.${k}`) }))} />
      <TextField ctx={ctx} form={form} name="seenOn" type="date" label={labels.seenOn} hint={t('volunteers.screening.hint.seenOn')} required />
      <TextField ctx={ctx} form={form} name="renewBy" type="date" label={labels.renewBy} hint={t('volunteers.screening.hint.renewBy', { months: renewalMonths })} />
      <SubmitButton>{t('form.save')}</SubmitButton>
    </ScreeningFormPage>
  );
}

/** Accident insurance (NNW): insurer, policy number, period. */
export function InsuranceFormView({ ctx, form, volunteer }: { ctx: PageContext; form: FormState; volunteer: { id: string; name: string } }) {
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { name: 'insurer', label: t('volunteers.screening.field.insurer'), maxLength: 200, required: true },
    { name: 'policyNumber', label: t('volunteers.screening.field.policyNumber'), maxLength: 100, dir: 'ltr', required: true },
    { name: 'validFrom', type: 'date', label: t('volunteers.screening.field.validFrom'), required: true },
    { name: 'validTo', type: 'date', label: t('volunteers.screening.field.validTo'), required: true },
  ];
  return (
    <ScreeningFormPage ctx={ctx} form={form} labels={fieldLabels(fields)} title={t('volunteers.screening.insuranceTitle')} volunteer={volunteer} action={`/volunteers/${volunteer.id}/insurance`}>
      <p class="hint">{t('volunteers.screening.hint.insurance')}</p>
      <Fields ctx={ctx} form={form} fields={fields} />
      <SubmitButton>{t('form.save')}</SubmitButton>
    </ScreeningFormPage>
  );
}

/** Whether the volunteer lived outside Poland in the last 20 years: it decides which documents the law asks. */
export function LivedAbroadFormView({ ctx, form, volunteer }: { ctx: PageContext; form: FormState; volunteer: { id: string; name: string } }) {
  const { t } = ctx;
  const yesNo = (['yes', 'no'] as const).map((v) => ({ value: v, label: t(`volunteers.screening.livedAbroad.${v}`) }));
  const fields: FieldSpec[] = [{ control: 'radios', name: 'livedAbroad', label: t('volunteers.screening.livedAbroad.question'), hint: t('volunteers.screening.livedAbroad.hint'), required: true, options: yesNo }];
  return (
    <ScreeningFormPage ctx={ctx} form={form} fields={fields} title={t('volunteers.screening.livedAbroad.title')} volunteer={volunteer} action={`/volunteers/${volunteer.id}/lived-abroad`}>
      <SubmitButton>{t('form.save')}</SubmitButton>
    </ScreeningFormPage>
  );
}

/** Health-and-safety acknowledgement (date) and travel costs (reimbursed or waived in writing, date). */
export function LegalFormView({ ctx, form, volunteer }: { ctx: PageContext; form: FormState; volunteer: { id: string; name: string } }) {
  const { t } = ctx;
  const travelCosts = (['reimbursed', 'waived'] as const).map((v) => ({ value: v, label: t(`volunteers.screening.legal.${v}`) }));
  const fields: FieldSpec[] = [
    { name: 'healthSafetyOn', type: 'date', label: t('volunteers.screening.legal.healthSafetyOn'), hint: t('volunteers.screening.legal.healthSafetyHint') },
    { control: 'radios', name: 'travelCosts', label: t('volunteers.screening.legal.travelCosts'), hint: t('volunteers.screening.legal.travelCostsHint'), options: travelCosts },
    { name: 'travelCostsOn', type: 'date', label: t('volunteers.screening.legal.travelCostsOn'), hint: t('volunteers.screening.legal.travelCostsOnHint') },
  ];
  return (
    <ScreeningFormPage ctx={ctx} form={form} fields={fields} title={t('volunteers.screening.legal.title')} volunteer={volunteer} action={`/volunteers/${volunteer.id}/legal`}>
      <SubmitButton>{t('form.save')}</SubmitButton>
    </ScreeningFormPage>
  );
}
