/**
 * The law's safeguarding rules per country (requirements.ts), as pure functions: exactly what is missing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { missingSafeguarding, SAFEGUARDING_KINDS, type SafeguardingFacts } from './requirements.js';

const today = '2026-12-07';
const valid = (kind: string) => ({ kind, renewBy: '2031-12-07' });
const expired = (kind: string) => ({ kind, renewBy: today }); // expires on its renew-by day
const pl = (checks: SafeguardingFacts['checks'], livedAbroad: boolean | null = false): SafeguardingFacts => ({ country: 'PL', livedAbroad, checks, today });

describe('safeguarding requirements per country', () => {
  it('Poland: the register check AND the criminal-record information, not any one of them', () => {
    assert.deepEqual(missingSafeguarding(pl([])), ['pl_sex_offenders_register', 'pl_criminal_record']);
    // The regression of issue 11: the KRK information alone used to clear a volunteer.
    assert.deepEqual(missingSafeguarding(pl([valid('pl_criminal_record')])), ['pl_sex_offenders_register']);
    assert.deepEqual(missingSafeguarding(pl([valid('pl_sex_offenders_register')])), ['pl_criminal_record']);
    assert.deepEqual(missingSafeguarding(pl([valid('pl_sex_offenders_register'), valid('pl_criminal_record')])), []);
  });

  it('Poland: an expired check counts as missing; a renewed one replaces it', () => {
    assert.deepEqual(missingSafeguarding(pl([expired('pl_sex_offenders_register'), valid('pl_criminal_record')])), ['pl_sex_offenders_register']);
    assert.deepEqual(missingSafeguarding(pl([expired('pl_sex_offenders_register'), valid('pl_sex_offenders_register'), valid('pl_criminal_record')])), []);
  });

  it('Poland: whether they lived abroad in the last 20 years must be known', () => {
    const both = [valid('pl_sex_offenders_register'), valid('pl_criminal_record')];
    assert.deepEqual(missingSafeguarding(pl(both, null)), ['lived_abroad_answer']);
    assert.deepEqual(missingSafeguarding(pl([], null)), ['pl_sex_offenders_register', 'pl_criminal_record', 'lived_abroad_answer']);
  });

  it('Poland, lived abroad: the statement of the countries and the record of the country of citizenship (or the statement instead)', () => {
    const both = [valid('pl_sex_offenders_register'), valid('pl_criminal_record')];
    assert.deepEqual(missingSafeguarding(pl(both, true)), ['foreign_statement', 'foreign_criminal_record']);
    assert.deepEqual(missingSafeguarding(pl([...both, valid('foreign_statement')], true)), ['foreign_criminal_record']);
    assert.deepEqual(missingSafeguarding(pl([...both, valid('foreign_criminal_record')], true)), ['foreign_statement']);
    assert.deepEqual(missingSafeguarding(pl([...both, valid('foreign_statement'), valid('foreign_criminal_record')], true)), []);
    assert.deepEqual(missingSafeguarding(pl([...both, valid('foreign_statement'), valid('foreign_record_statement')], true)), []);
    // Foreign documents alone never replace the Polish ones.
    assert.deepEqual(missingSafeguarding(pl([valid('foreign_statement'), valid('foreign_criminal_record')], true)), ['pl_sex_offenders_register', 'pl_criminal_record']);
  });

  it('Germany: the extended certificate of conduct (§ 72a SGB VIII); Polish documents do not count', () => {
    const de = (checks: SafeguardingFacts['checks']): SafeguardingFacts => ({ country: 'DE', livedAbroad: null, checks, today });
    assert.deepEqual(missingSafeguarding(de([])), ['de_extended_certificate']);
    assert.deepEqual(missingSafeguarding(de([valid('pl_sex_offenders_register'), valid('pl_criminal_record')])), ['de_extended_certificate']);
    assert.deepEqual(missingSafeguarding(de([valid('de_extended_certificate')])), []);
    assert.deepEqual(missingSafeguarding(de([expired('de_extended_certificate')])), ['de_extended_certificate']);
  });

  it('another country: one valid check of any kind', () => {
    assert.deepEqual(missingSafeguarding({ country: 'CZ', livedAbroad: null, checks: [], today }), ['any_check']);
    assert.deepEqual(missingSafeguarding({ country: 'CZ', livedAbroad: null, checks: [valid('foreign_statement')], today }), []);
  });

  it('property: in Poland nothing is missing exactly when every required document is valid', () => {
    const check = fc.record({ kind: fc.constantFrom(...SAFEGUARDING_KINDS), renewBy: fc.constantFrom('2020-01-01', today, '2026-12-08', '2030-01-01') });
    fc.assert(
      fc.property(fc.array(check, { maxLength: 8 }), fc.constantFrom(true, false, null), (checks, livedAbroad) => {
        const has = (k: string) => checks.some((c) => c.kind === k && c.renewBy > today);
        const needed = has('pl_sex_offenders_register') && has('pl_criminal_record') && livedAbroad !== null && (!livedAbroad || (has('foreign_statement') && (has('foreign_criminal_record') || has('foreign_record_statement'))));
        const missing = missingSafeguarding(pl(checks, livedAbroad));
        return needed === (missing.length === 0) && new Set(missing).size === missing.length;
      }),
    );
  });
});
