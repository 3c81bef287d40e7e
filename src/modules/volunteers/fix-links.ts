import type { Requirement } from './pipeline/stages.js';

/**
 * Where each missing thing is recorded: the form (with the right kind chosen) or the part of the volunteer page.
 * Used by the refusal of a move and by the safeguarding panel, so "what is missing" always links to its fix.
 *
 * @example fixHref('…id…', 'pl_criminal_record') // '/volunteers/…id…/safeguarding/new?kind=pl_criminal_record'
 */
export function fixHref(volunteerId: string, r: Requirement): string {
  const base = `/volunteers/${volunteerId}`;
  switch (r) {
    case 'pl_sex_offenders_register':
    case 'pl_criminal_record':
    case 'foreign_statement':
    case 'foreign_criminal_record':
    case 'de_extended_certificate':
      return `${base}/safeguarding/new?kind=${r}`;
    case 'any_check':
      return `${base}/safeguarding/new`;
    case 'lived_abroad_answer':
      return `${base}/lived-abroad`;
    case 'agreement':
    case 'agreement_written':
      return `${base}#documents`;
    case 'insurance':
      return `${base}/insurance/new`;
    case 'health_safety':
    case 'travel_costs':
      return `${base}/legal`;
  }
}
