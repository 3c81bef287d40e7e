import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError, type FieldErrors } from '../../../core/http/errors.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { volunteersPolicy } from '../volunteers.policy.js';
import { DEFAULT_TEMPLATES, SAMPLE_VALUES } from './default-templates.js';
import { DOCUMENT_KINDS, DOCUMENT_LOCALES, type DocumentKind, type DocumentLocale, type TemplateInput } from './documents.schemas.js';
import { deleteTemplate, findTemplate, findTemplates, upsertTemplate } from './documents.repository.js';
import { generateText, placeholderValues } from './generate.js';
import { unknownPlaceholders } from './placeholders.js';
import { assertAllowed } from '../../../core/policy.js';

export interface TemplateView {
  kind: DocumentKind;
  locale: DocumentLocale;
  title: string;
  body: string;
  /** The organisation edited it (false: the built-in default). */
  custom: boolean;
  updatedAt: Date | null;
}

function authorise(actor: RequestActor) {
  assertAllowed(actor, volunteersPolicy, 'configure');
}

/** Every kind × language with the title in force and whether the organisation edited it. */
export async function listTemplates(db: Db, actor: RequestActor): Promise<TemplateView[]> {
  authorise(actor);
  const own = await withTenant(db, actor, (tx) => findTemplates(tx, actor.organisationId));
  return DOCUMENT_KINDS.flatMap((kind) =>
    DOCUMENT_LOCALES.map((locale) => {
      const row = own.find((r) => r.kind === kind && r.locale === locale);
      return row
        ? { kind, locale, title: row.title, body: row.body, custom: true, updatedAt: row.updatedAt }
        : { kind, locale, ...DEFAULT_TEMPLATES[kind][locale], custom: false, updatedAt: null };
    }),
  );
}

/** The template in force for a kind and language: the organisation's own, or the built-in default. */
export async function templateInForce(tx: Tx, organisationId: string, kind: DocumentKind, locale: DocumentLocale): Promise<TemplateView> {
  const row = await findTemplate(tx, organisationId, kind, locale);
  return row ? { kind, locale, title: row.title, body: row.body, custom: true, updatedAt: row.updatedAt } : { kind, locale, ...DEFAULT_TEMPLATES[kind][locale], custom: false, updatedAt: null };
}

export async function getTemplate(db: Db, actor: RequestActor, kind: DocumentKind, locale: DocumentLocale): Promise<TemplateView & { organisationName: string }> {
  authorise(actor);
  return withTenant(db, actor, async (tx) => {
    const template = await templateInForce(tx, actor.organisationId, kind, locale);
    return { ...template, organisationName: actor.org.name };
  });
}

/** Field errors naming the placeholders of a template that are not in the fixed list (empty when all are known). */
export function placeholderErrors(input: Pick<TemplateInput, 'title' | 'body'>): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['title', 'body'] as const) {
    const names = unknownPlaceholders(input[field]);
    if (names.length) errors[field] = { key: 'volunteers.documents.template.unknownPlaceholder', params: { names: names.map((n) => `{${n}}`).join(', '), count: names.length } };
  }
  return errors;
}

/** Saves the organisation's version of a template (audited). Unknown placeholders are refused as field errors. */
export async function saveTemplate(db: Db, actor: RequestActor, kind: DocumentKind, locale: DocumentLocale, input: Pick<TemplateInput, 'title' | 'body'>): Promise<void> {
  authorise(actor);
  const errors = placeholderErrors(input);
  if (Object.keys(errors).length) throw new AppError('VALIDATION', 'error.validation', errors);
  await withTenant(db, actor, async (tx) => {
    await upsertTemplate(tx, actor.organisationId, { kind, locale, title: input.title, body: input.body, userId: actor.userId });
    await audit(tx, actor, { action: 'document_template.update', entity: 'document_template', entityId: null, fields: [`${kind}.${locale}`] });
  });
}

/** Goes back to the built-in default (audited when there was an own version). */
export async function resetTemplate(db: Db, actor: RequestActor, kind: DocumentKind, locale: DocumentLocale): Promise<void> {
  authorise(actor);
  await withTenant(db, actor, async (tx) => {
    if (await deleteTemplate(tx, actor.organisationId, kind, locale)) {
      await audit(tx, actor, { action: 'document_template.reset', entity: 'document_template', entityId: null, fields: [`${kind}.${locale}`] });
    }
  });
}

/** The template filled with example values (and the organisation's real name), for the preview. */
export function previewTemplate(template: { title: string; body: string }, locale: DocumentLocale, organisationName: string): { title: string; body: string } {
  const sample = SAMPLE_VALUES[locale];
  const values = placeholderValues(locale, {
    volunteerName: sample.volunteerName,
    organisationName,
    fields: { scope: sample.scope, place: sample.place, periodFrom: '2025-05-01', periodTo: '2025-10-31', termination: sample.termination, hours: '40', assessment: sample.assessment },
    issueDate: new Date(),
  });
  return generateText(template, values);
}
