import { languageName, weekdayName } from '../../../../core/i18n/index.js';
import { ErrorSummary, Form, Section, SubmitButton, TextField, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { DAY_PARTS, DAYS, LANGUAGE_CHOICES, LEVELS } from '../self-service.schemas.js';

function FieldError({ ctx, form, name }: { ctx: PageContext; form: FormState; name: string }) {
  const e = form.errors[name];
  if (!e) return null;
  return (
    <p class="field-error" id={`f-${name}-error`}>
      <span class="visually-hidden">{ctx.t('form.errorPrefix')} </span>
      {ctx.t(e.key, e.params)}
    </p>
  );
}

/**
 * The volunteer's own profile: phone, district, hours per month, the weekly availability grid (a table of
 * checkboxes whose labels are its row and column headers) and languages with levels (a table of selects).
 */
export function ProfileForm({ ctx, form, languageCodes }: { ctx: PageContext; form: FormState; languageCodes: string[] }) {
  const { t } = ctx;
  const labels = {
    phone: t('field.phone'),
    district: t('volunteers.self-service.profile.district'),
    hoursPerMonth: t('volunteers.self-service.profile.hoursPerMonth'),
    availability: t('volunteers.self-service.profile.availability'),
    languages: t('volunteers.self-service.profile.languages'),
  };
  const selected = new Set([form.values.availability ?? []].flat().map(String));
  const days = DAYS.map((_, i) => weekdayName(ctx.locale, i));
  const codes = [...new Set([...LANGUAGE_CHOICES, ...languageCodes])];
  return (
    <Section id="profile-title" title={t('volunteers.self-service.profile.title')}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/me/volunteer/profile">
        <TextField ctx={ctx} form={form} name="phone" type="tel" label={labels.phone} hint={t('field.phoneHint')} autocomplete="tel" dir="ltr" />
        <TextField ctx={ctx} form={form} name="district" label={labels.district} hint={t('volunteers.self-service.profile.districtHint')} maxLength={100} />
        <TextField ctx={ctx} form={form} name="hoursPerMonth" type="text" inputMode="numeric" maxLength={3} label={labels.hoursPerMonth} />

        <fieldset class={`field${form.errors.availability ? ' field-invalid' : ''}`} id="f-availability">
          <legend>{labels.availability}</legend>
          <p class="hint">{t('volunteers.self-service.profile.availabilityHint')}</p>
          <FieldError ctx={ctx} form={form} name="availability" />
          <div class="table-wrap">
            <table class="week-grid">
              <thead>
                <tr>
                  <td></td>
                  {DAY_PARTS.map((p) => (
                    <th scope="col" id={`av-part-${p}`}>
                      {t(`volunteers.self-service.dayPart.${p}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {DAYS.map((d, i) => (
                  <tr>
                    <th scope="row" id={`av-day-${d}`}>
                      {days[i]}
                    </th>
                    {DAY_PARTS.map((p) => (
                      <td>
                        <input type="checkbox" name="availability" value={`${d}-${p}`} checked={selected.has(`${d}-${p}`)} aria-labelledby={`av-day-${d} av-part-${p}`} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>

        <fieldset class={`field${form.errors.languages ? ' field-invalid' : ''}`} id="f-languages">
          <legend>{labels.languages}</legend>
          <p class="hint">{t('volunteers.self-service.profile.languagesHint')}</p>
          <FieldError ctx={ctx} form={form} name="languages" />
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('volunteers.self-service.profile.language')}</th>
                  <th scope="col">{t('volunteers.self-service.profile.level')}</th>
                </tr>
              </thead>
              <tbody>
                {codes.map((code) => {
                  const current = String(form.values[`lang_${code}`] ?? '');
                  return (
                    <tr>
                      <th scope="row">
                        <label for={`f-lang_${code}`}>{languageName(ctx.locale, code)}</label>
                      </th>
                      <td>
                        <select id={`f-lang_${code}`} name={`lang_${code}`}>
                          <option value="">{t('volunteers.self-service.profile.notSpoken')}</option>
                          {LEVELS.map((l) => (
                            <option value={l} selected={l === current}>
                              {t(`volunteers.self-service.level.${l}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
        <SubmitButton>{t('volunteers.self-service.profile.save')}</SubmitButton>
      </Form>
    </Section>
  );
}
