import { LANGUAGE_NAME, LOCALES } from '../../../../core/i18n/index.js';
import { Checkbox, fieldLabels, Fields, SubmitButton, type FieldList, type FormState, type PageContext, DistrictField } from '../../../../core/ui/index.js';
import type { PublicOrganisation } from '../../../volunteers/index.js';
import { MAX_LANGUAGES, AvailabilityGrid, languageRowLabels, LanguageRows, PublicDonePage, PublicFormPage } from '../../../volunteers/index.js';
import type { DistrictChoice } from '../../../../core/tenancy/district-choice.js';
import { NEEDS, PREFERRED_GENDERS } from '../../mentees.schemas.js';
import { requestConsentText } from '../wording.js';

interface Props {
  ctx: PageContext;
  org: PublicOrganisation;
  districts: DistrictChoice;
  form: FormState;
  formToken: string;
  languageRows: number;
}

/** The public request form: short, in plain words, without JavaScript, protected by the volunteer form's spam checks. */
export function RequestFormView({ ctx, org, districts, form, formToken, languageRows }: Props) {
  const { t } = ctx;
  const locale = ctx.locale;
  const action = `/o/${org.slug}/request?lang=${ctx.locale}`;
  const person: FieldList = [
    { name: 'givenName', label: t('field.givenName'), maxLength: 100, required: true },
    { name: 'familyName', label: t('field.familyName'), maxLength: 100, required: true },
    { name: 'age', type: 'text', inputMode: 'numeric', maxLength: 3, label: t('mentees.request.age'), hint: t('mentees.request.ageHint') },
    { name: 'birthDate', type: 'date', label: t('field.birthDate') },
  ];
  const carer: FieldList = [
    { control: 'checkbox', name: 'forSomeoneElse', value: 'yes', label: t('mentees.request.forSomeoneElse') },
    { name: 'carerName', label: t('mentees.request.carerName'), hint: t('mentees.request.carerHint'), maxLength: 200 },
  ];
  const contact: FieldList = [
    { name: 'email', type: 'email', label: t('field.email'), autocomplete: 'email', maxLength: 254, dir: 'ltr' },
    { name: 'phone', type: 'tel', label: t('field.phone'), hint: t('field.phoneHint'), autocomplete: 'tel', maxLength: 30, dir: 'ltr' },
    { control: 'select', name: 'locale', label: t('mentees.request.locale'), required: true, options: LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] })) },
  ];
  const needs: FieldList = [
    { control: 'checkboxes', name: 'needs', label: t('mentees.request.needs'), hint: t('mentees.request.needsHint'), required: true, options: NEEDS.map((n) => ({ value: n, label: t(`mentees.need.${n}`) })) },
  ];
  const gender: FieldList = [
    { control: 'radios', name: 'preferredVolunteerGender', label: t('mentees.request.preferredGender'), options: PREFERRED_GENDERS.map((g) => ({ value: g, label: t(`mentees.preferredGender.${g}`) })) },
  ];
  const ages: FieldList = [
    { name: 'preferredVolunteerAgeMin', type: 'text', inputMode: 'numeric', maxLength: 3, label: t('mentees.request.ageMin') },
    { name: 'preferredVolunteerAgeMax', type: 'text', inputMode: 'numeric', maxLength: 3, label: t('mentees.request.ageMax') },
  ];
  const district = t('mentees.request.district');
  // The error summary names a consent by what it is about, not by its whole wording.
  const labels = {
    ...fieldLabels(person, carer, contact, needs, gender, ages),
    languages: t('volunteers.application.languages'),
    availability: t('volunteers.application.availability'),
    district,
    website: t('volunteers.application.honeypot'),
    'consents.support': t('mentees.request.consentSupportLabel'),
    'consents.contactEmail': t('mentees.request.consentEmailLabel'),
    'consents.contactPhone': t('mentees.request.consentPhoneLabel'),
    ...languageRowLabels(t, MAX_LANGUAGES + 1),
  };
  return (
    <PublicFormPage ctx={ctx} org={org} form={form} labels={labels} title={t('mentees.request.title', { organisation: org.name })} lead={t('mentees.request.lead')} action={action} formToken={formToken} submit={t('mentees.request.submit')}>
      <h2>{t('mentees.request.section.person')}</h2>
      <Fields ctx={ctx} form={form} fields={person} />
      <fieldset class="field">
        <legend>{t('mentees.request.carer')}</legend>
        <Fields ctx={ctx} form={form} fields={carer} />
      </fieldset>

      <h2>{t('mentees.request.section.contact')}</h2>
      <p class="hint">{t('mentees.request.contactHint')}</p>
      <Fields ctx={ctx} form={form} fields={contact} />

      <h2>{t('mentees.request.section.help')}</h2>
      <Fields ctx={ctx} form={form} fields={needs} />

      <h2>{t('volunteers.application.section.languages')}</h2>
      <LanguageRows ctx={ctx} form={form} rows={languageRows} action={action} />

      <h2>{t('mentees.request.section.time')}</h2>
      <AvailabilityGrid ctx={ctx} form={form} />
      <DistrictField ctx={ctx} form={form} choice={districts} label={district} hint={t('volunteers.application.districtHint')} />

      <h2>{t('mentees.request.section.volunteer')}</h2>
      <p class="hint">{t('mentees.request.preferencesHint')}</p>
      <Fields ctx={ctx} form={form} fields={gender} />
      <fieldset class="field">
        <legend>{t('mentees.request.preferredAge')}</legend>
        <p class="hint">{t('mentees.request.preferredAgeHint')}</p>
        <div class="field-row">
          <Fields ctx={ctx} form={form} fields={ages} />
        </div>
      </fieldset>

      <h2>{t('mentees.request.section.consents')}</h2>
      <Checkbox ctx={ctx} form={form} name="consents.support" value="yes" label={requestConsentText(locale, 'support', org.name)} required />
      <Checkbox ctx={ctx} form={form} name="consents.contactEmail" value="yes" label={requestConsentText(locale, 'contact_email', org.name)} />
      <Checkbox ctx={ctx} form={form} name="consents.contactPhone" value="yes" label={requestConsentText(locale, 'contact_phone', org.name)} />
      <p class="hint">{t('mentees.request.privacyNote', { organisation: org.name })}</p>

      <SubmitButton>{t('mentees.request.submit')}</SubmitButton>
    </PublicFormPage>
  );
}

export function RequestThanksView({ ctx, org }: { ctx: PageContext; org: PublicOrganisation }) {
  const { t } = ctx;
  return (
    <PublicDonePage ctx={ctx} org={org} title={t('mentees.request.thanks.title')} lead={t('mentees.request.thanks.body', { organisation: org.name })}>
      <p>{t('mentees.request.thanks.mail')}</p>
    </PublicDonePage>
  );
}
