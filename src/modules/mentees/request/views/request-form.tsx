import { LANGUAGE_NAME, LOCALES } from '../../../../core/i18n/index.js';
import { Checkbox, CheckboxGroup, ErrorSummary, Form, refusedAsWhole, RadioGroup, SelectField, SubmitButton, TextField, type FormState, type PageContext, DistrictField } from '../../../../core/ui/index.js';
import type { PublicOrganisation } from '../../../volunteers/index.js';
import { languageField, MAX_LANGUAGES, AvailabilityGrid, LanguageRows } from '../../../volunteers/index.js';
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

export function requestLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  const labels: Record<string, string> = {
    givenName: t('field.givenName'),
    familyName: t('field.familyName'),
    age: t('mentees.request.age'),
    birthDate: t('field.birthDate'),
    forSomeoneElse: t('mentees.request.forSomeoneElse'),
    carerName: t('mentees.request.carerName'),
    email: t('field.email'),
    phone: t('field.phone'),
    locale: t('mentees.request.locale'),
    needs: t('mentees.request.needs'),
    languages: t('volunteers.application.languages'),
    availability: t('volunteers.application.availability'),
    district: t('mentees.request.district'),
    preferredVolunteerGender: t('mentees.request.preferredGender'),
    preferredVolunteerAgeMin: t('mentees.request.ageMin'),
    preferredVolunteerAgeMax: t('mentees.request.ageMax'),
    website: t('volunteers.application.honeypot'),
    'consents.support': t('mentees.request.consentSupportLabel'),
    'consents.contactEmail': t('mentees.request.consentEmailLabel'),
    'consents.contactPhone': t('mentees.request.consentPhoneLabel'),
  };
  for (let i = 0; i <= MAX_LANGUAGES; i++) {
    labels[languageField(i, 'code')] = t('volunteers.application.languageN', { n: i + 1 });
    labels[languageField(i, 'level')] = t('volunteers.application.levelN', { n: i + 1 });
  }
  return labels;
}

/** The public request form: short, in plain words, without JavaScript, protected by the volunteer form's spam checks. */
export function RequestFormView({ ctx, org, districts, form, formToken, languageRows }: Props) {
  const { t } = ctx;
  const labels = requestLabels(ctx);
  const locale = ctx.locale;
  return (
    <section class="narrow">
      <p>
        <a href={`/o/${org.slug}`}>{t('volunteers.application.backTo', { organisation: org.name })}</a>
      </p>
      <h1>{t('mentees.request.title', { organisation: org.name })}</h1>
      <p class="lead">{t('mentees.request.lead')}</p>
      <p class="muted">{t('volunteers.application.requiredNote')}</p>
      {/* Refused as a whole: the heading says the form was not sent, not that what was typed is wrong. */}
      <ErrorSummary ctx={ctx} form={form} labels={labels} title={refusedAsWhole(form) ? ctx.t('form.notSent') : undefined} />
      <Form ctx={ctx} action={`/o/${org.slug}/request?lang=${ctx.locale}`}>
        <input type="hidden" name="_form" value={formToken} />
        {/* Enter in a text field presses the form's first submit button: make that "send", not "add a language". */}
        <button type="submit" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t('mentees.request.submit')}
        </button>
        <div class="visually-hidden">
          <label for="f-website">{labels.website}</label>
          <input type="text" id="f-website" name="website" value="" tabIndex={-1} autocomplete="off" />
        </div>

        <h2>{t('mentees.request.section.person')}</h2>
        <TextField ctx={ctx} form={form} name="givenName" label={labels.givenName!} maxLength={100} required />
        <TextField ctx={ctx} form={form} name="familyName" label={labels.familyName!} maxLength={100} required />
        <TextField ctx={ctx} form={form} name="age" type="text" inputMode="numeric" maxLength={3} label={labels.age!} hint={t('mentees.request.ageHint')} />
        <TextField ctx={ctx} form={form} name="birthDate" type="date" label={labels.birthDate!} />
        <fieldset class="field">
          <legend>{t('mentees.request.carer')}</legend>
          <Checkbox ctx={ctx} form={form} name="forSomeoneElse" value="yes" label={labels.forSomeoneElse!} />
          <TextField ctx={ctx} form={form} name="carerName" label={labels.carerName!} hint={t('mentees.request.carerHint')} maxLength={200} />
        </fieldset>

        <h2>{t('mentees.request.section.contact')}</h2>
        <p class="hint">{t('mentees.request.contactHint')}</p>
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email!} autocomplete="email" maxLength={254} dir="ltr" />
        <TextField ctx={ctx} form={form} name="phone" type="tel" label={labels.phone!} hint={t('field.phoneHint')} autocomplete="tel" maxLength={30} dir="ltr" />
        <SelectField ctx={ctx} form={form} name="locale" label={labels.locale!} required options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] }))} />

        <h2>{t('mentees.request.section.help')}</h2>
        <CheckboxGroup ctx={ctx} form={form} name="needs" label={labels.needs!} hint={t('mentees.request.needsHint')} required options={NEEDS.map((n) => ({ value: n, label: t(`mentees.need.${n}`) }))} />

        <h2>{t('volunteers.application.section.languages')}</h2>
        <LanguageRows ctx={ctx} form={form} rows={languageRows} action={`/o/${org.slug}/request?lang=${ctx.locale}`} />

        <h2>{t('mentees.request.section.time')}</h2>
        <AvailabilityGrid ctx={ctx} form={form} />
        <DistrictField ctx={ctx} form={form} choice={districts} label={labels.district!} hint={t('volunteers.application.districtHint')} />

        <h2>{t('mentees.request.section.volunteer')}</h2>
        <p class="hint">{t('mentees.request.preferencesHint')}</p>
        <RadioGroup ctx={ctx} form={form} name="preferredVolunteerGender" label={labels.preferredVolunteerGender!} options={PREFERRED_GENDERS.map((g) => ({ value: g, label: t(`mentees.preferredGender.${g}`) }))} />
        <fieldset class="field">
          <legend>{t('mentees.request.preferredAge')}</legend>
          <p class="hint">{t('mentees.request.preferredAgeHint')}</p>
          <div class="field-row">
            <TextField ctx={ctx} form={form} name="preferredVolunteerAgeMin" type="text" inputMode="numeric" maxLength={3} label={labels.preferredVolunteerAgeMin!} />
            <TextField ctx={ctx} form={form} name="preferredVolunteerAgeMax" type="text" inputMode="numeric" maxLength={3} label={labels.preferredVolunteerAgeMax!} />
          </div>
        </fieldset>

        <h2>{t('mentees.request.section.consents')}</h2>
        <Checkbox ctx={ctx} form={form} name="consents.support" value="yes" label={requestConsentText(locale, 'support', org.name)} required />
        <Checkbox ctx={ctx} form={form} name="consents.contactEmail" value="yes" label={requestConsentText(locale, 'contact_email', org.name)} />
        <Checkbox ctx={ctx} form={form} name="consents.contactPhone" value="yes" label={requestConsentText(locale, 'contact_phone', org.name)} />
        <p class="hint">{t('mentees.request.privacyNote', { organisation: org.name })}</p>

        <SubmitButton>{t('mentees.request.submit')}</SubmitButton>
      </Form>
    </section>
  );
}

export function RequestThanksView({ ctx, org }: { ctx: PageContext; org: PublicOrganisation }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('mentees.request.thanks.title')}</h1>
      <p class="lead">{t('mentees.request.thanks.body', { organisation: org.name })}</p>
      <p>{t('mentees.request.thanks.mail')}</p>
      <p>
        <a href={`/o/${org.slug}`}>{t('volunteers.application.backTo', { organisation: org.name })}</a>
      </p>
    </section>
  );
}
