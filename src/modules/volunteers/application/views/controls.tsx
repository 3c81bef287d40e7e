import { compareNames, languageName, weekdayName, type Locale } from '../../../../core/i18n/index.js';
import { FilterSelect, RequiredMark, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { DAYS, LANGUAGE_CODES, languageField, LEVELS, MAX_LANGUAGES, SLOTS } from '../application.schemas.js';

/** Controls of the application form that the core UI kit does not have: radios, a lone checkbox, the language rows, the week grid. */

/** The same ids as the core form controls, so the error summary's links reach our own controls too. */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** Weekday names in the viewer's language (1 January 2024 was a Monday). */
export function weekdayNames(locale: Locale): string[] {
  return DAYS.map((_, i) => weekdayName(locale, i));
}

/** The fixed list of languages, named in the viewer's language and sorted by its rules. */
export function languageOptions(locale: Locale): { value: string; label: string }[] {
  const compare = compareNames(locale);
  return LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(locale, code) })).sort((a, b) => compare(a.label, b.label));
}

const selected = (form: FormState, name: string): Set<string> => {
  const raw = form.values[name];
  return new Set(Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : []);
};

function FieldError({ ctx, form, name }: { ctx: PageContext; form: FormState; name: string }) {
  const error = form.errors[name];
  if (!error) return null;
  return (
    <p class="field-error" id={`${fieldId(name)}-error`}>
      <span class="visually-hidden">{ctx.t('form.errorPrefix')} </span>
      {ctx.t(error.key, error.params)}
    </p>
  );
}

/** The id of a language row (1-based). */
export const languageRowId = (n: number) => `language-${n}`;
/** The first empty language row carries this id: "add another language" (no JavaScript) comes back to it. */
export const NEXT_LANGUAGE_ANCHOR = 'language-new';

/**
 * `legend` and `hint` replace the applicant's wording ("Languages you speak") where staff fill the rows in for someone.
 * Below 37.5rem the rows stack (app.css `.language-table`): each choice at full width under its own label.
 * `action` (the form's action) makes "add another language" post to it with the fragment of the first empty row,
 * so the re-rendered page opens where the person was, at the new row, instead of at the top.
 */
export function LanguageRows({ ctx, form, rows, legend, hint, action }: { ctx: PageContext; form: FormState; rows: number; legend?: string; hint?: string; action?: string }) {
  const { t } = ctx;
  const options = languageOptions(ctx.locale);
  const value = (name: string) => String(form.values[name] ?? '');
  const firstEmpty = Array.from({ length: rows }, (_, i) => i).find((i) => value(languageField(i, 'code')) === '' && value(languageField(i, 'level')) === '');
  return (
    <fieldset class={`field${form.errors.languages ? ' field-invalid' : ''}`} id={fieldId('languages')}>
      <legend>
        {legend ?? t('volunteers.application.languages')}
        <RequiredMark ctx={ctx} requiredIf={t('volunteers.application.languagesRequiredIf')} />
      </legend>
      <p class="hint">{hint ?? t('volunteers.application.languagesHint')}</p>
      <FieldError ctx={ctx} form={form} name="languages" />
      <div class="table-wrap">
        <table class="language-table">
          <thead>
            <tr>
              <th scope="col">{t('volunteers.application.language')}</th>
              <th scope="col">{t('volunteers.application.level')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => {
              const code = languageField(i, 'code');
              const level = languageField(i, 'level');
              return (
                <tr id={languageRowId(i + 1)}>
                  <td class={form.errors[code] ? 'field-invalid' : undefined}>
                    {i === firstEmpty && <span id={NEXT_LANGUAGE_ANCHOR}></span>}
                    <label class="cell-label" for={fieldId(code)}>
                      {t('volunteers.application.languageN', { n: i + 1 })}
                    </label>
                    <FieldError ctx={ctx} form={form} name={code} />
                    <select id={fieldId(code)} name={code} aria-invalid={form.errors[code] ? 'true' : undefined} aria-describedby={form.errors[code] ? `${fieldId(code)}-error` : undefined}>
                      <option value="">{t('form.choose')}</option>
                      {options.map((o) => (
                        <option value={o.value} selected={value(code) === o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td class={form.errors[level] ? 'field-invalid' : undefined}>
                    <label class="cell-label" for={fieldId(level)}>
                      {t('volunteers.application.levelN', { n: i + 1 })}
                    </label>
                    <FieldError ctx={ctx} form={form} name={level} />
                    <select id={fieldId(level)} name={level} aria-invalid={form.errors[level] ? 'true' : undefined} aria-describedby={form.errors[level] ? `${fieldId(level)}-error` : undefined}>
                      <option value="">{t('form.choose')}</option>
                      {LEVELS.map((l) => (
                        <option value={l} selected={value(level) === l}>
                          {t(`volunteers.application.levelName.${l}`)}
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
      {rows < MAX_LANGUAGES && (
        <button type="submit" name="_add" value="language" class="button button-secondary" formnovalidate formaction={action ? `${action}#${NEXT_LANGUAGE_ANCHOR}` : undefined}>
          {t('volunteers.application.addLanguage')}
        </button>
      )}
    </fieldset>
  );
}

/**
 * `legend` and `hint` as for LanguageRows; `required` where a form asks for the free time.
 * A grid of days × times of day; below 37.5rem (app.css `.week-grid`) each day becomes a row of its own with the
 * times of day written beside their boxes (`.slot-name`), so no column depends on the width of the font.
 */
export function AvailabilityGrid({ ctx, form, legend, hint, required }: { ctx: PageContext; form: FormState; legend?: string; hint?: string; required?: boolean }) {
  const { t } = ctx;
  const days = weekdayNames(ctx.locale);
  const chosen = selected(form, 'availability');
  return (
    <fieldset class={`field${form.errors.availability ? ' field-invalid' : ''}`} id={fieldId('availability')}>
      <legend>
        {legend ?? t('volunteers.application.availability')}
        <RequiredMark ctx={ctx} required={required} />
      </legend>
      <p class="hint">{hint ?? t('volunteers.application.availabilityHint')}</p>
      <FieldError ctx={ctx} form={form} name="availability" />
      <div class="table-wrap">
        <table class="week-grid">
          <thead>
            <tr>
              <td></td>
              {SLOTS.map((s) => (
                <th scope="col" id={`slot-${s}`}>
                  {t(`volunteers.application.slot.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DAYS.map((d, i) => (
              <tr>
                <th scope="row" id={`day-${d}`}>
                  {days[i]}
                </th>
                {SLOTS.map((s) => (
                  <td>
                    <label class="checkbox">
                      <input type="checkbox" name="availability" value={`${d}-${s}`} checked={chosen.has(`${d}-${s}`)} />
                      <span class="visually-hidden">{t('volunteers.application.slotOfDay', { day: days[i]!, slot: t(`volunteers.application.slot.${s}`) })}</span>
                      <span class="slot-name" aria-hidden="true">
                        {t(`volunteers.application.slot.${s}`)}
                      </span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

/** A list filter "language": the codes present in the list, named in the viewer's language and sorted by its rules. */
export function LanguageFilter({ ctx, codes, selected, label, anyLabel }: { ctx: PageContext; codes: readonly string[]; selected: string | undefined; label: string; anyLabel: string }) {
  const options = codes.map((code) => ({ value: code, label: languageName(ctx.locale, code) })).sort((a, b) => a.label.localeCompare(b.label, ctx.locale));
  return <FilterSelect name="language" label={label} any={anyLabel} options={options} selected={selected} />;
}
