import { dynamicKey, LANGUAGE_NAME, LOCALES } from '../../../../core/i18n/index.js';
import { DistrictField, fieldLabels, Fields, FormPage, SubmitButton, type FieldList, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { MAX_LANGUAGES, AvailabilityGrid, languageRowLabels, LanguageRows, codeLabel } from '../../../volunteers/index.js';
import { GENDERS, NEEDS, PREFERRED_GENDERS, SUPPORT_BASES } from '../../mentees.schemas.js';
import type { Option } from '../../options.repository.js';
import type { IntakeOptions } from '../intake.service.js';

interface Props {
  ctx: PageContext;
  form: FormState;
  options: IntakeOptions;
  languageRows: number;
  /** Create: consents are part of the form. Edit: the version travels in a hidden field. */
  mode: { kind: 'create' } | { kind: 'edit'; id: string; version: number; name: string };
  /** Offered as responsible social worker even when not on the list: the recorder ("you"), or the current one of an edited case. */
  keepWorker: Option | null;
}

export function IntakeFormView({ ctx, form, options, languageRows, mode, keepWorker }: Props) {
  const { t } = ctx;
  // dynamicKey: the key joins a prefix and a code of the list given; each call names both literally.
  const opt = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(dynamicKey(`${prefix}.${v}`)) }));
  const workers = [...options.socialWorkers];
  if (keepWorker && !workers.some((w) => w.value === keepWorker.value)) workers.unshift(keepWorker);
  const action = mode.kind === 'create' ? '/mentees/new' : `/mentees/${mode.id}/edit`;
  const submit = mode.kind === 'create' ? t('mentees.intake.submit') : t('mentees.intake.save');
  const person: FieldList = [
    { name: 'givenName', label: t('field.givenName'), maxLength: 100, required: true },
    { name: 'familyName', label: t('field.familyName'), maxLength: 100, required: true },
    { name: 'email', type: 'email', label: t('field.email'), maxLength: 254, dir: 'ltr' },
    { name: 'phone', type: 'tel', label: t('field.phone'), hint: t('field.phoneHint'), maxLength: 30, dir: 'ltr' },
    { name: 'birthDate', type: 'date', label: t('field.birthDate'), hint: t('mentees.field.birthDateHint') },
    { control: 'select', name: 'gender', label: t('mentees.field.gender'), hint: t('mentees.field.genderHint'), options: opt('mentees.gender', GENDERS) },
    { control: 'select', name: 'locale', label: t('mentees.field.locale'), hint: t('mentees.field.localeHint'), required: true, options: LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] })) },
  ];
  // The programme is asked only where the organisation has programmes (or the one posted was refused).
  const asksProgramme = options.programmes.length > 0 || Boolean(form.errors.programmeId);
  const needs: FieldList = [
    asksProgramme && { control: 'select', name: 'programmeId', label: t('mentees.field.programme'), options: options.programmes },
    { control: 'checkboxes', name: 'needs', label: t('mentees.field.needs'), hint: t('mentees.field.needsHint'), required: true, options: opt('mentees.need', NEEDS) },
    { control: 'textarea', name: 'summary', label: t('mentees.field.summary'), hint: t('mentees.field.summaryHint'), maxLength: 300, rows: 2 },
  ];
  const interests: FieldList = [{ name: 'interests', label: t('mentees.field.interests'), hint: t('mentees.field.interestsHint'), maxLength: 1300 }];
  const preferences: FieldList = [
    { control: 'select', name: 'preferredVolunteerGender', label: t('mentees.field.preferredVolunteerGender'), hint: t('mentees.field.preferenceHint'), options: opt('mentees.preferredGender', PREFERRED_GENDERS) },
    { name: 'preferredVolunteerAgeMin', type: 'text', inputMode: 'numeric', maxLength: 3, label: t('mentees.field.ageMin'), hint: t('mentees.field.ageHint') },
    { name: 'preferredVolunteerAgeMax', type: 'text', inputMode: 'numeric', maxLength: 3, label: t('mentees.field.ageMax') },
  ];
  const safeguarding: FieldList = [
    { control: 'checkbox', name: 'minor', value: 'yes', label: t('mentees.field.minor'), hint: t('mentees.field.minorHint') },
    { control: 'checkbox', name: 'vulnerableAdult', value: 'yes', label: t('mentees.field.vulnerableAdult'), hint: t('mentees.field.vulnerableAdultHint') },
  ];
  const consents: FieldList = [
    { control: 'radios', name: 'consents.support', required: true, label: t('mentees.field.supportBasis'), options: SUPPORT_BASES.map((b) => ({ value: b, label: codeLabel(t, 'basis', b) })) },
    { control: 'checkbox', name: 'consents.contactEmail', value: 'yes', label: t('mentees.field.contactEmail') },
    { control: 'checkbox', name: 'consents.contactPhone', value: 'yes', label: t('mentees.field.contactPhone') },
  ];
  const caseFields: FieldList = [{ control: 'select', name: 'socialWorkerUserId', label: t('mentees.field.socialWorker'), hint: t('mentees.field.socialWorkerHint'), required: true, options: workers }];
  const languages = t('mentees.field.languages');
  const availability = t('mentees.field.availability');
  const district = t('mentees.field.district');
  const labels = {
    ...fieldLabels(person, needs, interests, preferences, safeguarding, consents, caseFields),
    programmeId: t('mentees.field.programme'),
    languages,
    availability,
    district,
    ...languageRowLabels(t, MAX_LANGUAGES + 1),
  };
  const back = mode.kind === 'create' ? { href: '/mentees', label: t('mentees.list.back') } : { href: `/mentees/${mode.id}`, label: t('mentees.case.back') };
  const intro = (
    <>
      {mode.kind === 'create' && <p class="lead">{t('mentees.intake.lead')}</p>}
      <p class="muted">{t('volunteers.application.requiredNote')}</p>
    </>
  );
  return (
    <FormPage ctx={ctx} form={form} labels={labels} back={back} title={mode.kind === 'create' ? t('mentees.intake.title') : t('mentees.intake.editTitle', { name: mode.name })} intro={intro} action={action}>
      {mode.kind === 'edit' && <input type="hidden" name="version" value={String(mode.version)} />}
      {/* Enter in a text field presses the form's first submit button: make that "save", not "add a language". */}
      <button type="submit" class="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submit}
      </button>

      <h2>{t('mentees.intake.section.person')}</h2>
      <Fields ctx={ctx} form={form} fields={person} />

      <h2>{t('mentees.intake.section.needs')}</h2>
      <Fields ctx={ctx} form={form} fields={needs} />

      <h2>{t('mentees.intake.section.languages')}</h2>
      <LanguageRows ctx={ctx} form={form} rows={languageRows} legend={languages} hint={t('mentees.field.languagesHint')} />

      <h2>{t('mentees.intake.section.time')}</h2>
      <AvailabilityGrid ctx={ctx} form={form} legend={availability} hint={t('mentees.field.availabilityHint')} />
      <DistrictField ctx={ctx} form={form} choice={options.districts} label={district} hint={t('mentees.field.districtHint')} />
      <Fields ctx={ctx} form={form} fields={interests} />

      <h2>{t('mentees.intake.section.preferences')}</h2>
      <Fields ctx={ctx} form={form} fields={preferences} />

      <h2>{t('mentees.intake.section.safeguarding')}</h2>
      <Fields ctx={ctx} form={form} fields={safeguarding} />

      {mode.kind === 'create' && (
        <>
          <h2>{t('mentees.intake.section.consents')}</h2>
          <Fields ctx={ctx} form={form} fields={consents} />
        </>
      )}

      <h2>{t('mentees.intake.section.case')}</h2>
      <Fields ctx={ctx} form={form} fields={caseFields} />

      <SubmitButton>{submit}</SubmitButton>
    </FormPage>
  );
}
