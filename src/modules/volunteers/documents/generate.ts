import { formatDate, formatNumber, INTL_TAG } from '../../../core/i18n/index.js';
import { isolateIn } from '../../../core/pdf/index.js';
import { DOCUMENT_LABELS } from './default-templates.js';
import type { DocumentLocale } from './documents.schemas.js';
import { fillBody, fillLine, type PlaceholderValues } from './placeholders.js';

/** What a document says about the service, as entered when issuing (stored in `volunteer_documents.fields`). */
export interface DocumentFields {
  scope?: string;
  place?: string;
  periodFrom?: string;
  periodTo?: string;
  termination?: string;
  hours?: string;
  assessment?: string;
}

/** "1 godzina", "22 godziny", "25 godzin", "ساعتان": hours with the unit in the document's language (Intl.PluralRules). */
export function hoursPhrase(hours: number, locale: DocumentLocale): string {
  const category = new Intl.PluralRules(INTL_TAG[locale]).select(hours);
  const unit = DOCUMENT_LABELS[locale].hour[category] ?? DOCUMENT_LABELS[locale].hour.other;
  return unit.replace('{n}', formatNumber(hours, locale));
}

/** A sentence-like value without its final full stop (the template supplies it: "Zakres: {scope}."). */
const clause = (s: string | undefined) => (s ?? '').trim().replace(/[.。]+$/u, '');

/** The placeholder values of a document: dates written out in its language, hours with their unit. */
export function placeholderValues(
  locale: DocumentLocale,
  facts: { volunteerName: string; organisationName: string; fields: DocumentFields; issueDate: Date | string },
): PlaceholderValues {
  const f = facts.fields;
  // In Arabic text a Latin or Cyrillic name is isolated, so the words and figures next to it keep their order.
  const name = (s: string) => isolateIn(locale, s);
  return {
    volunteerName: name(facts.volunteerName),
    organisationName: name(facts.organisationName),
    scope: clause(f.scope),
    place: clause(f.place),
    periodFrom: f.periodFrom ? formatDate(f.periodFrom, locale) : '',
    periodTo: f.periodTo ? formatDate(f.periodTo, locale) : '',
    termination: (f.termination ?? '').trim(),
    hours: f.hours ? hoursPhrase(Number(f.hours), locale) : '',
    assessment: (f.assessment ?? '').trim(),
    issueDate: formatDate(facts.issueDate, locale),
  };
}

/** The title and text of a document from a template: what is stored, shown, accepted and printed. */
export function generateText(template: { title: string; body: string }, values: PlaceholderValues): { title: string; body: string } {
  return { title: fillLine(template.title, values).trim(), body: fillBody(template.body, values) };
}
