/**
 * What the law asks before someone works with minors, per country, as pure rules (no I/O): the pipeline
 * (approval, activation), matching (eligibility for minors) and the volunteer page all ask `missingSafeguarding`
 * and so say the same thing.
 *
 * Poland — the Act of 13 May 2016 on counteracting sexual crime, as amended in 2023 (art. 21): ALL of
 *  - the register check: the Rejestr z dostępem ograniczonym and the State Commission's register (`pl_sex_offenders_register`);
 *  - the criminal-record information from the KRK (`pl_criminal_record`);
 *  - for someone who lived abroad in the last 20 years: a statement of those countries (`foreign_statement`) and
 *    the criminal record of the country of citizenship (`foreign_criminal_record`), or the statement the law
 *    allows instead when that country issues none (`foreign_record_statement`).
 *  Whether they lived abroad must be known: an unanswered question is itself missing (`lived_abroad_answer`).
 * Germany — § 72a SGB VIII: the extended certificate of conduct (`de_extended_certificate`).
 * Elsewhere — Tandem knows no rule: at least one valid check of any kind, chosen by staff (`any_check`).
 *
 * A check counts while `today < renewBy` (the same day rule as everywhere: it expires on its renew-by date).
 */

/** The kinds of safeguarding documents a coordinator can record as seen. */
export const SAFEGUARDING_KINDS = ['pl_sex_offenders_register', 'pl_criminal_record', 'foreign_statement', 'foreign_criminal_record', 'foreign_record_statement', 'de_extended_certificate'] as const;
export type SafeguardingKind = (typeof SAFEGUARDING_KINDS)[number];

/** One thing still missing before work with minors, each with its own message and place to fix it. */
export const SAFEGUARDING_REQUIREMENTS = ['pl_sex_offenders_register', 'pl_criminal_record', 'lived_abroad_answer', 'foreign_statement', 'foreign_criminal_record', 'de_extended_certificate', 'any_check'] as const;
export type SafeguardingRequirement = (typeof SAFEGUARDING_REQUIREMENTS)[number];

export interface SafeguardingFacts {
  /** ISO 3166 alpha-2 of the organisation (its law applies). */
  country: string;
  /** Lived outside Poland in the last 20 years; null when not recorded yet. */
  livedAbroad: boolean | null;
  /** Every recorded check of the volunteer, expired ones included. */
  checks: readonly { kind: string; renewBy: string }[];
  /** YYYY-MM-DD in the organisation's time zone. */
  today: string;
}

/** The kinds the coordinator may record in an organisation of `country` (the form's choices). */
export function kindsFor(country: string): readonly SafeguardingKind[] {
  if (country === 'PL') return ['pl_sex_offenders_register', 'pl_criminal_record', 'foreign_statement', 'foreign_criminal_record', 'foreign_record_statement'];
  if (country === 'DE') return ['de_extended_certificate'];
  return SAFEGUARDING_KINDS;
}

/**
 * Exactly what is missing before this person may work with minors, in the order a coordinator would collect it;
 * an empty list means cleared.
 *
 * @example missingSafeguarding({ country: 'PL', livedAbroad: false, checks: [{ kind: 'pl_criminal_record', renewBy: '2030-01-01' }], today: '2026-12-07' })
 *   // ['pl_sex_offenders_register']
 */
export function missingSafeguarding(f: SafeguardingFacts): SafeguardingRequirement[] {
  const valid = new Set(f.checks.filter((c) => f.today < c.renewBy).map((c) => c.kind));
  if (f.country === 'PL') {
    const missing: SafeguardingRequirement[] = [];
    if (!valid.has('pl_sex_offenders_register')) missing.push('pl_sex_offenders_register');
    if (!valid.has('pl_criminal_record')) missing.push('pl_criminal_record');
    if (f.livedAbroad === null) missing.push('lived_abroad_answer');
    else if (f.livedAbroad) {
      if (!valid.has('foreign_statement')) missing.push('foreign_statement');
      if (!valid.has('foreign_criminal_record') && !valid.has('foreign_record_statement')) missing.push('foreign_criminal_record');
    }
    return missing;
  }
  if (f.country === 'DE') return valid.has('de_extended_certificate') ? [] : ['de_extended_certificate'];
  return valid.size > 0 ? [] : ['any_check'];
}

/** Whether the country's rules ask whether the person lived abroad (only Poland's do). */
export const asksLivedAbroad = (country: string) => country === 'PL';
