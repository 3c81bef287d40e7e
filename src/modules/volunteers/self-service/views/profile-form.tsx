import { languageName } from '../../../../core/i18n/index.js';
import { ControlFieldset, DataTable, ErrorSummary, fieldLabels, Fields, Form, Section, SubmitButton, type FieldSpec, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { WeekGrid } from '../../application/views/controls.js';
import { LANGUAGE_CHOICES, LEVELS } from '../self-service.schemas.js';

/**
 * The volunteer's own profile: phone, district, hours per month, the weekly availability grid (a table of
 * checkboxes whose labels are its row and column headers) and languages with levels (a table of selects).
 */
export function ProfileForm({ ctx, form, languageCodes }: { ctx: PageContext; form: FormState; languageCodes: string[] }) {
  const { t } = ctx;
  const fields: FieldSpec[] = [
    { name: 'phone', type: 'tel', label: t('field.phone'), hint: t('field.phoneHint'), autocomplete: 'tel', dir: 'ltr' },
    { name: 'district', label: t('volunteers.self-service.profile.district'), hint: t('volunteers.self-service.profile.districtHint'), maxLength: 100 },
    { name: 'hoursPerMonth', type: 'text', inputMode: 'numeric', maxLength: 3, label: t('volunteers.self-service.profile.hoursPerMonth') },
  ];
  const labels = { ...fieldLabels(fields), availability: t('volunteers.self-service.profile.availability'), languages: t('volunteers.self-service.profile.languages') };
  const selected = new Set([form.values.availability ?? []].flat().map(String));
  const codes = [...new Set([...LANGUAGE_CHOICES, ...languageCodes])];
  const levelSelect = (code: string) => {
    const current = String(form.values[`lang_${code}`] ?? '');
    return (
      <select id={`f-lang_${code}`} name={`lang_${code}`}>
        <option value="">{t('volunteers.self-service.profile.notSpoken')}</option>
        {LEVELS.map((l) => (
          <option value={l} selected={l === current}>
            {t(`volunteers.self-service.level.${l}`)}
          </option>
        ))}
      </select>
    );
  };
  return (
    <Section id="profile-title" title={t('volunteers.self-service.profile.title')}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/me/volunteer/profile">
        <Fields ctx={ctx} form={form} fields={fields} />

        <ControlFieldset ctx={ctx} form={form} name="availability" legend={labels.availability} hint={t('volunteers.self-service.profile.availabilityHint')}>
          <WeekGrid
            ctx={ctx}
            slotName={(p) => t(`volunteers.self-service.dayPart.${p}`)}
            slotId={(p) => `av-part-${p}`}
            dayId={(d) => `av-day-${d}`}
            cell={(d, p) => <input type="checkbox" name="availability" value={`${d}-${p}`} checked={selected.has(`${d}-${p}`)} aria-labelledby={`av-day-${d} av-part-${p}`} />}
          />
        </ControlFieldset>

        <ControlFieldset ctx={ctx} form={form} name="languages" legend={labels.languages} hint={t('volunteers.self-service.profile.languagesHint')}>
          <DataTable
            rows={codes}
            columns={[
              { header: t('volunteers.self-service.profile.language'), cell: (code) => <label for={`f-lang_${code}`}>{languageName(ctx.locale, code)}</label>, rowHeader: true },
              { header: t('volunteers.self-service.profile.level'), cell: levelSelect },
            ]}
          />
        </ControlFieldset>
        <SubmitButton>{t('volunteers.self-service.profile.save')}</SubmitButton>
      </Form>
    </Section>
  );
}
