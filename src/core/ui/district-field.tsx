import type { DistrictChoice } from '../tenancy/district-choice.js';
import { OTHER_DISTRICT } from '../tenancy/district-choice.js';
import type { PageContext } from './context.js';
import { SelectField, TextField, type FormState } from './form.js';

/**
 * The district of a form: a select of the organisation's districts (free text when it keeps no list), with
 * "another place" and a text field for it only when the organisation allows it. Without JavaScript the select is
 * the whole control; app.js adds a search box above it (`data-filter-select`) that ignores case and diacritics.
 */
export function DistrictField({ ctx, form, choice, label, hint }: { ctx: PageContext; form: FormState; choice: DistrictChoice; label: string; hint?: string }) {
  const { t } = ctx;
  if (choice.names.length === 0) return <TextField ctx={ctx} form={form} name="district" label={label} hint={hint} autocomplete="address-level2" maxLength={100} />;
  const options = choice.names.map((d) => ({ value: d, label: d }));
  if (choice.otherAllowed) options.push({ value: OTHER_DISTRICT, label: t('field.districtOtherOption') });
  return (
    <div class="district-field" data-filter-select={t('field.districtSearch')}>
      <SelectField ctx={ctx} form={form} name="district" label={label} hint={hint} options={options} />
      {choice.otherAllowed && <TextField ctx={ctx} form={form} name="districtOther" label={t('field.districtOther')} hint={t('field.districtOtherHint')} maxLength={100} />}
    </div>
  );
}
