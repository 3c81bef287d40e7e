import { Checkbox, CheckboxGroup, DistrictField, ErrorSummary, Form, refusedAsWhole, RadioGroup, SelectField, SubmitButton, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { DistrictChoice } from '../../../../core/tenancy/district-choice.js';
import { dynamicKey } from '../../../../core/i18n/index.js';
import type { PublicOrganisation } from '../application.repository.js';
import { ACTIVITIES, AGE_GROUPS, GENDERS, HEARD_FROM, OWN_GENDERS, languageField, MAX_LANGUAGES, PLANNED_LENGTHS, type OptionalField } from '../application.schemas.js';
import { AvailabilityGrid, LanguageRows } from './controls.js';

export interface ApplicationFormProps {
  ctx: PageContext;
  org: PublicOrganisation;
  form: FormState;
  hidden: readonly string[];
  /** The organisation's districts and whether another place may be typed. */
  districts: DistrictChoice;
  formToken: string;
  languageRows: number;
}

/** Labels of the fields by the names their errors carry (for the error summary). */
export function applicationLabels(ctx: PageContext, rows: number): Record<string, string> {
  const { t } = ctx;
  const labels: Record<string, string> = {
    givenName: t('field.givenName'),
    familyName: t('field.familyName'),
    email: t('field.email'),
    phone: t('field.phone'),
    birthDate: t('field.birthDate'),
    gender: t('volunteers.application.ownGender'),
    guardianName: t('volunteers.application.guardianName'),
    guardianEmail: t('volunteers.application.guardianEmail'),
    profession: t('volunteers.application.profession'),
    education: t('volunteers.application.education'),
    interests: t('volunteers.application.interests'),
    languages: t('volunteers.application.languages'),
    availability: t('volunteers.application.availability'),
    hoursPerMonth: t('volunteers.application.hoursPerMonth'),
    district: t('volunteers.application.district'),
    districtOther: t('field.districtOther'),
    travelKm: t('volunteers.application.travelKm'),
    activities: t('volunteers.application.activities'),
    preferredAgeGroups: t('volunteers.application.ageGroups'),
    preferredGender: t('volunteers.application.gender'),
    worksWithMinors: t('volunteers.application.worksWithMinors'),
    plannedLength: t('volunteers.application.plannedLength'),
    motivation: t('volunteers.application.motivation'),
    heardFrom: t('volunteers.application.heardFrom'),
    'consents.application': t('volunteers.application.consentApplicationLabel'),
    'consents.newsletter': t('volunteers.application.consentNewsletterLabel'),
  };
  for (let i = 0; i < Math.max(rows, MAX_LANGUAGES + 1); i++) {
    labels[languageField(i, 'code')] = t('volunteers.application.languageN', { n: i + 1 });
    labels[languageField(i, 'level')] = t('volunteers.application.levelN', { n: i + 1 });
  }
  return labels;
}

export function ApplicationFormView({ ctx, org, form, hidden, districts, formToken, languageRows }: ApplicationFormProps) {
  const { t } = ctx;
  const shows = (f: OptionalField) => !hidden.includes(f);
  const labels = applicationLabels(ctx, languageRows);
  const action = `/o/${org.slug}/apply?lang=${ctx.locale}`;
  // dynamicKey: the key joins a prefix and a code of the list given; each call names both literally.
  const opt = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(dynamicKey(`${prefix}.${v}`)) }));
  return (
    <section class="narrow">
      <p>
        <a href={`/o/${org.slug}`}>{t('volunteers.application.backTo', { organisation: org.name })}</a>
      </p>
      <h1>{t('volunteers.application.title', { organisation: org.name })}</h1>
      <p class="lead">{t('volunteers.application.lead')}</p>
      <p class="muted">{t('volunteers.application.requiredNote')}</p>
      {/* Refused as a whole: the heading says the form was not sent, not that what was typed is wrong. */}
      <ErrorSummary ctx={ctx} form={form} labels={labels} title={refusedAsWhole(form) ? ctx.t('form.notSent') : undefined} />
      <Form ctx={ctx} action={action}>
        <input type="hidden" name="_form" value={formToken} />
        {/* Enter in a text field presses the form's first submit button: make that "send", not "add a language". */}
        <button type="submit" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t('volunteers.application.submit')}
        </button>
        <div class="visually-hidden">
          <label for="f-website">{t('volunteers.application.honeypot')}</label>
          <input type="text" id="f-website" name="website" value="" tabIndex={-1} autocomplete="off" />
        </div>

        <h2>{t('volunteers.application.section.you')}</h2>
        <TextField ctx={ctx} form={form} name="givenName" label={labels.givenName!} autocomplete="given-name" maxLength={100} required />
        <TextField ctx={ctx} form={form} name="familyName" label={labels.familyName!} autocomplete="family-name" maxLength={100} required />
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email!} autocomplete="email" maxLength={254} required dir="ltr" />
        <TextField ctx={ctx} form={form} name="phone" type="tel" label={labels.phone!} hint={t('field.phoneHint')} autocomplete="tel" maxLength={30} dir="ltr" />
        <TextField ctx={ctx} form={form} name="birthDate" type="date" label={labels.birthDate!} hint={t('volunteers.application.birthDateHint')} autocomplete="bday" />
        <RadioGroup ctx={ctx} form={form} name="gender" label={labels.gender!} hint={t('volunteers.application.ownGenderHint')} options={opt('volunteers.application.ownGenderOption', OWN_GENDERS)} />
        <fieldset class="field">
          <legend>{t('volunteers.application.guardian')}</legend>
          <p class="hint">{t('volunteers.application.guardianHint')}</p>
          <TextField ctx={ctx} form={form} name="guardianName" label={labels.guardianName!} maxLength={200} requiredIf={t('volunteers.application.guardianRequiredIf')} />
          <TextField ctx={ctx} form={form} name="guardianEmail" type="email" label={labels.guardianEmail!} maxLength={254} dir="ltr" requiredIf={t('volunteers.application.guardianRequiredIf')} />
        </fieldset>

        {(shows('profession') || shows('education') || shows('interests')) && <h2>{t('volunteers.application.section.background')}</h2>}
        {shows('profession') && <TextField ctx={ctx} form={form} name="profession" label={labels.profession!} autocomplete="organization-title" maxLength={200} />}
        {shows('education') && <TextField ctx={ctx} form={form} name="education" label={labels.education!} maxLength={200} />}
        {shows('interests') && <TextField ctx={ctx} form={form} name="interests" label={labels.interests!} hint={t('volunteers.application.interestsHint')} maxLength={1300} />}

        <h2>{t('volunteers.application.section.languages')}</h2>
        <LanguageRows ctx={ctx} form={form} rows={languageRows} action={action} />

        <h2>{t('volunteers.application.section.time')}</h2>
        <AvailabilityGrid ctx={ctx} form={form} />
        <TextField ctx={ctx} form={form} name="hoursPerMonth" type="text" inputMode="numeric" maxLength={3} label={labels.hoursPerMonth!} hint={t('volunteers.application.hoursPerMonthHint')} />
        <RadioGroup ctx={ctx} form={form} name="plannedLength" required label={labels.plannedLength!} options={opt('volunteers.application.planned', Object.keys(PLANNED_LENGTHS))} />
        <DistrictField ctx={ctx} form={form} choice={districts} label={labels.district!} hint={t('volunteers.application.districtHint')} />
        {shows('travel') && <TextField ctx={ctx} form={form} name="travelKm" type="text" inputMode="numeric" maxLength={3} label={labels.travelKm!} hint={t('volunteers.application.travelKmHint')} />}

        <h2>{t('volunteers.application.section.help')}</h2>
        <CheckboxGroup ctx={ctx} form={form} name="activities" label={labels.activities!} hint={t('volunteers.application.activitiesHint')} required options={opt('volunteers.application.activity', ACTIVITIES)} />
        {shows('preferences') && (
          <>
            <CheckboxGroup ctx={ctx} form={form} name="preferredAgeGroups" label={labels.preferredAgeGroups!} options={opt('volunteers.application.ageGroup', AGE_GROUPS)} />
            <SelectField ctx={ctx} form={form} name="preferredGender" label={labels.preferredGender!} options={opt('volunteers.application.genderOption', GENDERS)} />
          </>
        )}
        <Checkbox value="yes" ctx={ctx} form={form} name="worksWithMinors" label={labels.worksWithMinors!} hint={t('volunteers.application.worksWithMinorsHint')} />

        <h2>{t('volunteers.application.section.motivation')}</h2>
        <TextArea ctx={ctx} form={form} name="motivation" label={labels.motivation!} hint={t('volunteers.application.motivationHint')} maxLength={2000} rows={6} />
        {shows('heard_from') && <SelectField ctx={ctx} form={form} name="heardFrom" label={labels.heardFrom!} options={opt('volunteers.application.heard', HEARD_FROM)} />}

        <h2>{t('volunteers.application.section.consents')}</h2>
        <Checkbox value="yes" ctx={ctx} form={form} name="consents.application" label={t('volunteers.application.consent.application', { organisation: org.name })} required />
        <Checkbox value="yes" ctx={ctx} form={form} name="consents.newsletter" label={t('volunteers.application.consent.newsletter', { organisation: org.name })} />
        <p class="hint">{t('volunteers.application.privacyNote', { organisation: org.name })}</p>

        <SubmitButton>{t('volunteers.application.submit')}</SubmitButton>
      </Form>
    </section>
  );
}
