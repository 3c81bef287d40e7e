import { dynamicKey, LANGUAGE_NAME, LOCALES } from '../../../../core/i18n/index.js';
import { Checkbox, CheckboxGroup, DistrictField, ErrorSummary, Form, RadioGroup, SelectField, SubmitButton, TextArea, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { languageField, MAX_LANGUAGES, AvailabilityGrid, LanguageRows, codeLabel } from '../../../volunteers/index.js';
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

/** Labels of the fields by the names their errors carry (for the error summary). */
export function intakeLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  const labels: Record<string, string> = {
    givenName: t('field.givenName'),
    familyName: t('field.familyName'),
    email: t('field.email'),
    phone: t('field.phone'),
    birthDate: t('field.birthDate'),
    gender: t('mentees.field.gender'),
    locale: t('mentees.field.locale'),
    programmeId: t('mentees.field.programme'),
    needs: t('mentees.field.needs'),
    languages: t('mentees.field.languages'),
    availability: t('mentees.field.availability'),
    district: t('mentees.field.district'),
    interests: t('mentees.field.interests'),
    preferredVolunteerGender: t('mentees.field.preferredVolunteerGender'),
    preferredVolunteerAgeMin: t('mentees.field.ageMin'),
    preferredVolunteerAgeMax: t('mentees.field.ageMax'),
    minor: t('mentees.field.minor'),
    vulnerableAdult: t('mentees.field.vulnerableAdult'),
    summary: t('mentees.field.summary'),
    socialWorkerUserId: t('mentees.field.socialWorker'),
    'consents.support': t('mentees.field.supportBasis'),
    'consents.contactEmail': t('mentees.field.contactEmail'),
    'consents.contactPhone': t('mentees.field.contactPhone'),
  };
  for (let i = 0; i <= MAX_LANGUAGES; i++) {
    labels[languageField(i, 'code')] = t('volunteers.application.languageN', { n: i + 1 });
    labels[languageField(i, 'level')] = t('volunteers.application.levelN', { n: i + 1 });
  }
  return labels;
}


export function IntakeFormView({ ctx, form, options, languageRows, mode, keepWorker }: Props) {
  const { t } = ctx;
  const labels = intakeLabels(ctx);
  // dynamicKey: the key joins a prefix and a code of the list given; each call names both literally.
  const opt = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(dynamicKey(`${prefix}.${v}`)) }));
  const workers = [...options.socialWorkers];
  if (keepWorker && !workers.some((w) => w.value === keepWorker.value)) workers.unshift(keepWorker);
  const action = mode.kind === 'create' ? '/mentees/new' : `/mentees/${mode.id}/edit`;
  return (
    <section class="narrow">
      <p>
        <a href={mode.kind === 'create' ? '/mentees' : `/mentees/${mode.id}`}>{mode.kind === 'create' ? t('mentees.list.back') : t('mentees.case.back')}</a>
      </p>
      <h1>{mode.kind === 'create' ? t('mentees.intake.title') : t('mentees.intake.editTitle', { name: mode.name })}</h1>
      {mode.kind === 'create' && <p class="lead">{t('mentees.intake.lead')}</p>}
      <p class="muted">{t('volunteers.application.requiredNote')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={action}>
        {mode.kind === 'edit' && <input type="hidden" name="version" value={String(mode.version)} />}
        {/* Enter in a text field presses the form's first submit button: make that "save", not "add a language". */}
        <button type="submit" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {mode.kind === 'create' ? t('mentees.intake.submit') : t('mentees.intake.save')}
        </button>

        <h2>{t('mentees.intake.section.person')}</h2>
        <TextField ctx={ctx} form={form} name="givenName" label={labels.givenName!} maxLength={100} required />
        <TextField ctx={ctx} form={form} name="familyName" label={labels.familyName!} maxLength={100} required />
        <TextField ctx={ctx} form={form} name="email" type="email" label={labels.email!} maxLength={254} dir="ltr" />
        <TextField ctx={ctx} form={form} name="phone" type="tel" label={labels.phone!} hint={t('field.phoneHint')} maxLength={30} dir="ltr" />
        <TextField ctx={ctx} form={form} name="birthDate" type="date" label={labels.birthDate!} hint={t('mentees.field.birthDateHint')} />
        <SelectField ctx={ctx} form={form} name="gender" label={labels.gender!} hint={t('mentees.field.genderHint')} options={opt('mentees.gender', GENDERS)} />
        <SelectField ctx={ctx} form={form} name="locale" label={labels.locale!} hint={t('mentees.field.localeHint')} required options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAME[l] }))} />

        <h2>{t('mentees.intake.section.needs')}</h2>
        {(options.programmes.length > 0 || form.errors.programmeId) && <SelectField ctx={ctx} form={form} name="programmeId" label={labels.programmeId!} options={options.programmes} />}
        <CheckboxGroup ctx={ctx} form={form} name="needs" label={labels.needs!} hint={t('mentees.field.needsHint')} required options={opt('mentees.need', NEEDS)} />
        <TextArea ctx={ctx} form={form} name="summary" label={labels.summary!} hint={t('mentees.field.summaryHint')} maxLength={300} rows={2} />

        <h2>{t('mentees.intake.section.languages')}</h2>
        <LanguageRows ctx={ctx} form={form} rows={languageRows} legend={labels.languages!} hint={t('mentees.field.languagesHint')} />

        <h2>{t('mentees.intake.section.time')}</h2>
        <AvailabilityGrid ctx={ctx} form={form} legend={labels.availability!} hint={t('mentees.field.availabilityHint')} />
        <DistrictField ctx={ctx} form={form} choice={options.districts} label={labels.district!} hint={t('mentees.field.districtHint')} />
        <TextField ctx={ctx} form={form} name="interests" label={labels.interests!} hint={t('mentees.field.interestsHint')} maxLength={1300} />

        <h2>{t('mentees.intake.section.preferences')}</h2>
        <SelectField ctx={ctx} form={form} name="preferredVolunteerGender" label={labels.preferredVolunteerGender!} hint={t('mentees.field.preferenceHint')} options={opt('mentees.preferredGender', PREFERRED_GENDERS)} />
        <TextField ctx={ctx} form={form} name="preferredVolunteerAgeMin" type="text" inputMode="numeric" maxLength={3} label={labels.preferredVolunteerAgeMin!} hint={t('mentees.field.ageHint')} />
        <TextField ctx={ctx} form={form} name="preferredVolunteerAgeMax" type="text" inputMode="numeric" maxLength={3} label={labels.preferredVolunteerAgeMax!} />

        <h2>{t('mentees.intake.section.safeguarding')}</h2>
        <Checkbox ctx={ctx} form={form} name="minor" value="yes" label={labels.minor!} hint={t('mentees.field.minorHint')} />
        <Checkbox ctx={ctx} form={form} name="vulnerableAdult" value="yes" label={labels.vulnerableAdult!} hint={t('mentees.field.vulnerableAdultHint')} />

        {mode.kind === 'create' && (
          <>
            <h2>{t('mentees.intake.section.consents')}</h2>
            <RadioGroup ctx={ctx} form={form} name="consents.support" required label={labels['consents.support']!} options={SUPPORT_BASES.map((b) => ({ value: b, label: codeLabel(t, 'basis', b) }))} />
            <Checkbox ctx={ctx} form={form} name="consents.contactEmail" value="yes" label={labels['consents.contactEmail']!} />
            <Checkbox ctx={ctx} form={form} name="consents.contactPhone" value="yes" label={labels['consents.contactPhone']!} />
          </>
        )}

        <h2>{t('mentees.intake.section.case')}</h2>
        <SelectField ctx={ctx} form={form} name="socialWorkerUserId" label={labels.socialWorkerUserId!} hint={t('mentees.field.socialWorkerHint')} required options={workers} />

        <SubmitButton>{mode.kind === 'create' ? t('mentees.intake.submit') : t('mentees.intake.save')}</SubmitButton>
      </Form>
    </section>
  );
}
