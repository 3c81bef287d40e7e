export * from './context.js';
export * from './form.js';
export * from './render.js';
export { Layout } from './layout.js';
export { Address } from './address.js';

export { fullName, PersonName } from './person-name.js';
export { DistrictField } from './district-field.js';
export { DataTable, type Column } from './data-table.js';
export { Section } from './section.js';
export { DefinitionList, type Definition, type DefinitionValueAttrs } from './definition-list.js';
export { Timeline, type TimelineEvent } from './timeline.js';
export { Pagination } from './pagination.js';
export { FilterForm, FilterSearch, FilterSelect, PageHead } from './filters.js';
export { Fields, fieldLabels, type FieldSpec } from './field-specs.js';
export { FormPage } from './form-page.js';
