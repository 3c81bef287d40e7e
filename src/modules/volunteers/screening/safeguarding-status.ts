import { daysBetween } from '../../../core/i18n/time-zone.js';

export const SAFEGUARDING_STATUSES = ['valid', 'expiring', 'expired', 'missing'] as const;
export type SafeguardingStatus = (typeof SAFEGUARDING_STATUSES)[number];

/** Days before renewal when a check counts as expiring (the default reminder period). */
export const EXPIRING_DAYS = 30;

/**
 * The state of one check on `today` (YYYY-MM-DD): expired when `renewBy` ≤ today — the same rule as
 * `volunteerFacts().safeguardingValid` — expiring when renewal is due within `expiringDays`.
 */
export function checkStatus(renewBy: string, today: string, expiringDays = EXPIRING_DAYS): Exclude<SafeguardingStatus, 'missing'> {
  if (renewBy <= today) return 'expired';
  return daysBetween(today, renewBy) <= expiringDays ? 'expiring' : 'valid';
}

/**
 * The safeguarding state of a volunteer from all their recorded checks: `missing` without any, otherwise
 * the state of the check that stays valid longest (a renewed check replaces the old one).
 *
 * @example safeguardingStatus([{ renewBy: '2030-01-01' }], '2026-05-01') // 'valid'
 */
export function safeguardingStatus(checks: readonly { renewBy: string }[], today: string, expiringDays = EXPIRING_DAYS): SafeguardingStatus {
  if (checks.length === 0) return 'missing';
  const latest = checks.reduce((a, b) => (b.renewBy > a ? b.renewBy : a), checks[0]!.renewBy);
  return checkStatus(latest, today, expiringDays);
}
