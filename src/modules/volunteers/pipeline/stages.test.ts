import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { translator } from '../../../core/i18n/index.js';
import { checkTransition, nextStages, STAGES, TERMINAL, type VolunteerFacts } from './stages.js';

const ready: VolunteerFacts = { stage: 'training', worksWithMinors: false, safeguardingValid: false, plannedDays: 20, agreementSigned: false, awaitingGuardian: false };

describe('pipeline rules', () => {
  it('walks the happy path one stage at a time', () => {
    const path = ['applied', 'contacted', 'interview_scheduled', 'interviewed', 'training', 'approved', 'active'] as const;
    for (let i = 0; i < path.length - 1; i++) {
      assert.deepEqual(checkTransition({ ...ready, stage: path[i]!, agreementSigned: true }, path[i + 1]!), { ok: true });
    }
  });

  it('refuses skipping stages and leaving a terminal stage', () => {
    assert.deepEqual(checkTransition({ ...ready, stage: 'applied' }, 'approved'), { ok: false, reason: 'volunteers.rule.notAllowed' });
    for (const s of TERMINAL) assert.deepEqual(nextStages(s), []);
  });

  it('needs a reason to reject, withdraw, pause or end', () => {
    assert.deepEqual(checkTransition({ ...ready, stage: 'contacted' }, 'rejected'), { ok: false, reason: 'volunteers.rule.reasonRequired' });
    assert.deepEqual(checkTransition({ ...ready, stage: 'contacted' }, 'rejected', '  '), { ok: false, reason: 'volunteers.rule.reasonRequired' });
    assert.deepEqual(checkTransition({ ...ready, stage: 'contacted' }, 'rejected', 'no longer available'), { ok: true });
  });

  it('blocks approval of someone who will work with minors without a valid safeguarding check', () => {
    const minors = { ...ready, worksWithMinors: true };
    assert.deepEqual(checkTransition(minors, 'approved'), { ok: false, reason: 'volunteers.rule.safeguardingRequired' });
    assert.deepEqual(checkTransition({ ...minors, safeguardingValid: true }, 'approved'), { ok: true });
  });

  it('blocks activation for service over 30 days (or open-ended) without a signed agreement', () => {
    const approved = { ...ready, stage: 'approved' as const };
    assert.deepEqual(checkTransition({ ...approved, plannedDays: 31 }, 'active'), { ok: false, reason: 'volunteers.rule.agreementRequired' });
    assert.deepEqual(checkTransition({ ...approved, plannedDays: null }, 'active'), { ok: false, reason: 'volunteers.rule.agreementRequired' });
    assert.deepEqual(checkTransition({ ...approved, plannedDays: 30 }, 'active'), { ok: true });
    assert.deepEqual(checkTransition({ ...approved, plannedDays: 90, agreementSigned: true }, 'active'), { ok: true });
  });

  it('an application waiting for the guardian can only be rejected or withdrawn', () => {
    const waiting = { ...ready, stage: 'applied' as const, awaitingGuardian: true };
    assert.deepEqual(checkTransition(waiting, 'contacted'), { ok: false, reason: 'volunteers.rule.awaitingGuardian' });
    assert.deepEqual(checkTransition(waiting, 'withdrawn', 'changed their mind'), { ok: true });
  });

  it('every refusal has a message in Polish and English', () => {
    const keys = ['sameStage', 'notAllowed', 'reasonRequired', 'awaitingGuardian', 'safeguardingRequired', 'agreementRequired'].map((k) => `volunteers.rule.${k}`);
    for (const locale of ['pl', 'en'] as const) {
      const t = translator(locale);
      for (const key of keys) assert.notEqual(t(key), key, `${locale}: ${key}`);
    }
    assert.notEqual(translator('pl')('volunteers.rule.agreementRequired'), translator('en')('volunteers.rule.agreementRequired'));
  });

  it('property: no move ever reaches approved/active while a rule is unmet', () => {
    const facts = fc.record({
      stage: fc.constantFrom(...STAGES),
      worksWithMinors: fc.boolean(),
      safeguardingValid: fc.boolean(),
      plannedDays: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
      agreementSigned: fc.boolean(),
      awaitingGuardian: fc.boolean(),
    });
    fc.assert(
      fc.property(facts, fc.constantFrom(...STAGES), fc.option(fc.string(), { nil: undefined }), (v, to, reason) => {
        const r = checkTransition(v, to, reason);
        if (!r.ok) return true;
        if (to === 'approved' && v.worksWithMinors) return v.safeguardingValid;
        if (to === 'active') return (v.plannedDays !== null && v.plannedDays <= 30) || v.agreementSigned;
        return nextStages(v.stage).includes(to);
      }),
    );
  });
});
