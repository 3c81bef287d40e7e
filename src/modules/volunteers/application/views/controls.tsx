import { compareNames, languageName, weekdayName, type Locale, type Translate } from '../../../../core/i18n/index.js';
import type { ComponentChildren } from 'preact';
import { ControlFieldset, FieldError, fieldId, FilterSelect, RequiredMark, SelectOptions, TableHead, type FormState, type PageContext } from '../../../../core/ui/index.js';
import { DAYS, LANGUAGE_CODES, languageField, LEVELS, MAX_LANGUAGES, SLOTS } from '../application.schemas.js';

/** Controls of the application form that the core UI kit does not have: radios, a lone checkbox, the language rows, the week grid. */

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

/** The error summary's labels of the first `rows` language rows' selects ("Language 1", "Level 1", …). */
export function languageRowLabels(t: Translate, rows: number): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = 0; i < rows; i++) {
    labels[languageField(i, 'code')] = t('volunteers.application.languageN', { n: i + 1 });
    labels[languageField(i, 'level')] = t('volunteers.application.levelN', { n: i + 1 });
  }
  return labels;
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
  const levels = LEVELS.map((l) => ({ value: l, label: t(`volunteers.application.levelName.${l}`) }));
  const value = (name: string) => String(form.values[name] ?? '');
  const firstEmpty = Array.from({ length: rows }, (_, i) => i).find((i) => value(languageField(i, 'code')) === '' && value(languageField(i, 'level')) === '');
  const legendText = (
    <>
      {legend ?? t('volunteers.application.languages')}
      <RequiredMark ctx={ctx} requiredIf={t('volunteers.application.languagesRequiredIf')} />
    </>
  );
  return (
    <ControlFieldset ctx={ctx} form={form} name="languages" legend={legendText} hint={hint ?? t('volunteers.application.languagesHint')}>
      <div class="table-wrap">
        <table class="language-table">
          <TableHead headers={[t('volunteers.application.language'), t('volunteers.application.level')]} />
          <tbody>
            {Array.from({ length: rows }, (_, i) => {
              const code = languageField(i, 'code');
              const level = languageField(i, 'level');
              return (
                <tr id={languageRowId(i + 1)}>
                  <LanguageCell ctx={ctx} form={form} name={code} label={t('volunteers.application.languageN', { n: i + 1 })} options={options} anchor={i === firstEmpty} />
                  <LanguageCell ctx={ctx} form={form} name={level} label={t('volunteers.application.levelN', { n: i + 1 })} options={levels} />
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
    </ControlFieldset>
  );
}

/** One select of a language row (the language or its level), its label shown only where the rows stack; `anchor` marks the first empty row. */
function LanguageCell({ ctx, form, name, label, options, anchor }: { ctx: PageContext; form: FormState; name: string; label: string; options: { value: string; label: string }[]; anchor?: boolean }) {
  const error = form.errors[name];
  const current = String(form.values[name] ?? '');
  return (
    <td class={error ? 'field-invalid' : undefined}>
      {anchor && <span id={NEXT_LANGUAGE_ANCHOR}></span>}
      <label class="cell-label" for={fieldId(name)}>
        {label}
      </label>
      <FieldError ctx={ctx} form={form} name={name} />
      <select id={fieldId(name)} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
        <option value="">{ctx.t('form.choose')}</option>
        <SelectOptions options={options} selected={current} />
      </select>
    </td>
  );
}

/**
 * `legend` and `hint` as for LanguageRows; `required` where a form asks for the free time.
 * A grid of days × times of day; below 37.5rem (app.css `.week-grid`) each day becomes a row of its own with the
 * times of day written beside their boxes (`.slot-name`), so no column depends on the width of the font.
 */
export function AvailabilityGrid({ ctx, form, legend, hint, required }: { ctx: PageContext; form: FormState; legend?: string; hint?: string; required?: boolean }) {
  const { t } = ctx;
  const chosen = selected(form, 'availability');
  const slotName = (s: Slot) => t(`volunteers.application.slot.${s}`);
  const legendText = (
    <>
      {legend ?? t('volunteers.application.availability')}
      <RequiredMark ctx={ctx} required={required} />
    </>
  );
  return (
    <ControlFieldset ctx={ctx} form={form} name="availability" legend={legendText} hint={hint ?? t('volunteers.application.availabilityHint')}>
      <WeekGrid
        ctx={ctx}
        slotName={slotName}
        slotId={(s) => `slot-${s}`}
        dayId={(d) => `day-${d}`}
        cell={(d, s, day) => (
          <label class="checkbox">
            <input type="checkbox" name="availability" value={`${d}-${s}`} checked={chosen.has(`${d}-${s}`)} />
            <span class="visually-hidden">{t('volunteers.application.slotOfDay', { day, slot: slotName(s) })}</span>
            <span class="slot-name" aria-hidden="true">
              {slotName(s)}
            </span>
          </label>
        )}
      />
    </ControlFieldset>
  );
}

type Day = (typeof DAYS)[number];
type Slot = (typeof SLOTS)[number];

/**
 * The table of days × times of day of an availability grid (the application's and the volunteer's own profile):
 * times of day as column headers, weekdays in the viewer's language as row headers, `cell` the box of one day and time.
 */
export function WeekGrid(props: { ctx: PageContext; slotName: (s: Slot) => string; slotId: (s: Slot) => string; dayId: (d: Day) => string; cell: (d: Day, s: Slot, dayName: string) => ComponentChildren }) {
  const days = weekdayNames(props.ctx.locale);
  return (
    <div class="table-wrap">
      <table class="week-grid">
        <thead>
          <tr>
            <td></td>
            {SLOTS.map((s) => (
              <th scope="col" id={props.slotId(s)}>
                {props.slotName(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.map((d, i) => (
            <tr>
              <th scope="row" id={props.dayId(d)}>
                {days[i]}
              </th>
              {SLOTS.map((s) => (
                <td>{props.cell(d, s, days[i]!)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A list filter "language": the codes present in the list, named in the viewer's language and sorted by its rules. */
export function LanguageFilter({ ctx, codes, selected, label, anyLabel }: { ctx: PageContext; codes: readonly string[]; selected: string | undefined; label: string; anyLabel: string }) {
  const options = codes.map((code) => ({ value: code, label: languageName(ctx.locale, code) })).sort((a, b) => a.label.localeCompare(b.label, ctx.locale));
  return <FilterSelect name="language" label={label} any={anyLabel} options={options} selected={selected} />;
}
