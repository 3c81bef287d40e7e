import { Checkbox, DistrictField, fieldLabels, Fields, SubmitButton, type FieldList, type FormState, type PageContext } from '../../../../core/ui/index.js';
import type { DistrictChoice } from '../../../../core/tenancy/district-choice.js';
import { dynamicKey } from '../../../../core/i18n/index.js';
import type { PublicOrganisation } from '../application.repository.js';
import { ACTIVITIES, AGE_GROUPS, GENDERS, HEARD_FROM, OWN_GENDERS, MAX_LANGUAGES, PLANNED_LENGTHS, type OptionalField } from '../application.schemas.js';
import { AvailabilityGrid, languageRowLabels, LanguageRows } from './controls.js';
import { PublicFormPage } from './public-form.js';

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

export function ApplicationFormView({ ctx, org, form, hidden, districts, formToken, languageRows }: ApplicationFormProps) {
  const { t } = ctx;
  const shows = (f: OptionalField) => !hidden.includes(f);
  const action = `/o/${org.slug}/apply?lang=${ctx.locale}`;
  // dynamicKey: the key joins a prefix and a code of the list given; each call names both literally.
  const opt = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(dynamicKey(`${prefix}.${v}`)) }));
  const guardianRequiredIf = t('volunteers.application.guardianRequiredIf');
  const you: FieldList = [
    { name: 'givenName', label: t('field.givenName'), autocomplete: 'given-name', maxLength: 100, required: true },
    { name: 'familyName', label: t('field.familyName'), autocomplete: 'family-name', maxLength: 100, required: true },
    { name: 'email', type: 'email', label: t('field.email'), autocomplete: 'email', maxLength: 254, required: true, dir: 'ltr' },
    { name: 'phone', type: 'tel', label: t('field.phone'), hint: t('field.phoneHint'), autocomplete: 'tel', maxLength: 30, dir: 'ltr' },
    { name: 'birthDate', type: 'date', label: t('field.birthDate'), hint: t('volunteers.application.birthDateHint'), autocomplete: 'bday' },
    { control: 'radios', name: 'gender', label: t('volunteers.application.ownGender'), hint: t('volunteers.application.ownGenderHint'), options: opt('volunteers.application.ownGenderOption', OWN_GENDERS) },
  ];
  const guardian: FieldList = [
    { name: 'guardianName', label: t('volunteers.application.guardianName'), maxLength: 200, requiredIf: guardianRequiredIf },
    { name: 'guardianEmail', type: 'email', label: t('volunteers.application.guardianEmail'), maxLength: 254, dir: 'ltr', requiredIf: guardianRequiredIf },
  ];
  const background: FieldList = [
    shows('profession') && { name: 'profession', label: t('volunteers.application.profession'), autocomplete: 'organization-title', maxLength: 200 },
    shows('education') && { name: 'education', label: t('volunteers.application.education'), maxLength: 200 },
    shows('interests') && { name: 'interests', label: t('volunteers.application.interests'), hint: t('volunteers.application.interestsHint'), maxLength: 1300 },
  ];
  const time: FieldList = [
    { name: 'hoursPerMonth', type: 'text', inputMode: 'numeric', maxLength: 3, label: t('volunteers.application.hoursPerMonth'), hint: t('volunteers.application.hoursPerMonthHint') },
    { control: 'radios', name: 'plannedLength', required: true, label: t('volunteers.application.plannedLength'), options: opt('volunteers.application.planned', Object.keys(PLANNED_LENGTHS)) },
  ];
  const travel: FieldList = [shows('travel') && { name: 'travelKm', type: 'text', inputMode: 'numeric', maxLength: 3, label: t('volunteers.application.travelKm'), hint: t('volunteers.application.travelKmHint') }];
  const help: FieldList = [
    { control: 'checkboxes', name: 'activities', label: t('volunteers.application.activities'), hint: t('volunteers.application.activitiesHint'), required: true, options: opt('volunteers.application.activity', ACTIVITIES) },
    shows('preferences') && { control: 'checkboxes', name: 'preferredAgeGroups', label: t('volunteers.application.ageGroups'), options: opt('volunteers.application.ageGroup', AGE_GROUPS) },
    shows('preferences') && { control: 'select', name: 'preferredGender', label: t('volunteers.application.gender'), options: opt('volunteers.application.genderOption', GENDERS) },
    { control: 'checkbox', value: 'yes', name: 'worksWithMinors', label: t('volunteers.application.worksWithMinors'), hint: t('volunteers.application.worksWithMinorsHint') },
  ];
  const motivation: FieldList = [
    { control: 'textarea', name: 'motivation', label: t('volunteers.application.motivation'), hint: t('volunteers.application.motivationHint'), maxLength: 2000, rows: 6 },
    shows('heard_from') && { control: 'select', name: 'heardFrom', label: t('volunteers.application.heardFrom'), options: opt('volunteers.application.heard', HEARD_FROM) },
  ];
  const district = t('volunteers.application.district');
  // The error summary names a consent by what it is about, not by its whole wording.
  const labels = {
    ...fieldLabels(you, guardian, background, time, travel, help, motivation),
    languages: t('volunteers.application.languages'),
    availability: t('volunteers.application.availability'),
    district,
    districtOther: t('field.districtOther'),
    'consents.application': t('volunteers.application.consentApplicationLabel'),
    'consents.newsletter': t('volunteers.application.consentNewsletterLabel'),
    ...languageRowLabels(t, Math.max(languageRows, MAX_LANGUAGES + 1)),
  };
  return (
    <PublicFormPage ctx={ctx} org={org} form={form} labels={labels} title={t('volunteers.application.title', { organisation: org.name })} lead={t('volunteers.application.lead')} action={action} formToken={formToken} submit={t('volunteers.application.submit')}>
      <h2>{t('volunteers.application.section.you')}</h2>
      <Fields ctx={ctx} form={form} fields={you} />
      <fieldset class="field">
        <legend>{t('volunteers.application.guardian')}</legend>
        <p class="hint">{t('volunteers.application.guardianHint')}</p>
        <Fields ctx={ctx} form={form} fields={guardian} />
      </fieldset>

      {background.some(Boolean) && <h2>{t('volunteers.application.section.background')}</h2>}
      <Fields ctx={ctx} form={form} fields={background} />

      <h2>{t('volunteers.application.section.languages')}</h2>
      <LanguageRows ctx={ctx} form={form} rows={languageRows} action={action} />

      <h2>{t('volunteers.application.section.time')}</h2>
      <AvailabilityGrid ctx={ctx} form={form} />
      <Fields ctx={ctx} form={form} fields={time} />
      <DistrictField ctx={ctx} form={form} choice={districts} label={district} hint={t('volunteers.application.districtHint')} />
      <Fields ctx={ctx} form={form} fields={travel} />

      <h2>{t('volunteers.application.section.help')}</h2>
      <Fields ctx={ctx} form={form} fields={help} />

      <h2>{t('volunteers.application.section.motivation')}</h2>
      <Fields ctx={ctx} form={form} fields={motivation} />

      <h2>{t('volunteers.application.section.consents')}</h2>
      <Checkbox value="yes" ctx={ctx} form={form} name="consents.application" label={t('volunteers.application.consent.application', { organisation: org.name })} required />
      <Checkbox value="yes" ctx={ctx} form={form} name="consents.newsletter" label={t('volunteers.application.consent.newsletter', { organisation: org.name })} />
      <p class="hint">{t('volunteers.application.privacyNote', { organisation: org.name })}</p>

      <SubmitButton>{t('volunteers.application.submit')}</SubmitButton>
    </PublicFormPage>
  );
}
