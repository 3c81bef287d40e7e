import { routes, type ModuleDefinition } from '../../core/module.js';
import { applicationRoutes } from './application/index.js';
import { documentsRoutes } from './documents/index.js';
import { pipelineRoutes } from './pipeline/index.js';
import { screeningJobs, screeningRoutes } from './screening/index.js';
import { selfServiceRoutes } from './self-service/index.js';

export { isMinor, safeguardingMissingOf } from './volunteers.repository.js';
export { missingSafeguarding, type SafeguardingRequirement } from './screening/requirements.js';

/**
 * Volunteers (SPEC §3.1): the public application, the coordinator's pipeline, interviews and safeguarding
 * checks, the legal documents, and the volunteer's own pages.
 */
export const volunteersModule: ModuleDefinition = {
  name: 'volunteers',
  register: routes(applicationRoutes, pipelineRoutes, screeningRoutes, documentsRoutes, selfServiceRoutes),
  /** Safeguarding renewal reminders. */
  jobs: (db, config) => screeningJobs(db, { baseUrl: config.baseUrl }),
};

// What other modules use: read functions, types, labels and views they show.
export { findOrganisationBySlug, type PublicOrganisation, releaseFormToken, useFormToken } from './application/application.repository.js';
export { AVAILABILITY, fromForm, languageField, LanguageLevelInput, languageRowsShown, MAX_LANGUAGES } from './application/application.schemas.js';
export { checkFormToken, issueFormToken } from './application/form-token.js';
export { countPost, countSending } from './application/submission-limit.js';
export { AvailabilityGrid, LanguageFilter, languageRowLabels, LanguageRows } from './application/views/controls.js';
export { PublicDonePage, PublicFormPage } from './application/views/public-form.js';
export { DOCUMENT_LOCALES, type DocumentLocale } from './documents/documents.schemas.js';
export { sendPdf } from './documents/http.js';
export { renderPdf } from './documents/pdf.js';
export { AvailabilityTable } from './pipeline/views/availability-table.js';
export { codeLabel, languageLabel, weekdayName } from './pipeline/views/labels.js';
export { volunteersPolicy } from './volunteers.policy.js';

// Tables other modules may read in joins; writes go through this module's services.
export { insuranceRecords, interviews, type LanguageLevel, safeguardingChecks, volunteerDocuments, volunteers } from './volunteers.table.js';
