import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { translator, type MessageKey } from '../../../core/i18n/index.js';
import { activationMissing, checkPath, checkTransition, FORWARD, nextStages, pathTo, reachableStages, STAGES, TERMINAL, type Requirement, type VolunteerFacts } from './stages.js';

const ready: VolunteerFacts = {
  stage: 'training',
  worksWithMinors: false,
  safeguardingMissing: ['pl_sex_offenders_register', 'pl_criminal_record'],
  plannedDays: 20,
  agreement: 'none',
  longServiceForm: 'written',
  insured: true,
  healthSafetyAcknowledged: true,
  travelCostsRecorded: true,
  awaitingGuardian: false,
};

describe('pipeline rules', () => {
  it('walks the happy path one stage at a time', () => {
    const path = ['applied', 'contacted', 'interview_scheduled', 'interviewed', 'training', 'approved', 'active'] as const;
    for (let i = 0; i < path.length - 1; i++) {
      assert.deepEqual(checkTransition({ ...ready, stage: path[i]!, agreement: 'written' }, path[i + 1]!), { ok: true });
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
    assert.deepEqual(checkTransition(minors, 'approved'), { ok: false, reason: 'volunteers.rule.safeguardingRequired', missing: ['pl_sex_offenders_register', 'pl_criminal_record'] });
    assert.deepEqual(checkTransition({ ...minors, safeguardingMissing: ['pl_criminal_record'] }, 'approved'), { ok: false, reason: 'volunteers.rule.safeguardingRequired', missing: ['pl_criminal_record'] });
    assert.deepEqual(checkTransition({ ...minors, safeguardingMissing: [] }, 'approved'), { ok: true });
    assert.deepEqual(checkTransition(ready, 'approved'), { ok: true }, 'not working with minors: nothing to check');
  });

  it('blocks activation for service over 30 days (or open-ended) without a signed agreement', () => {
    const approved = { ...ready, stage: 'approved' as const };
    const refused = (missing: string[]) => ({ ok: false, reason: 'volunteers.rule.agreementRequired', missing });
    assert.deepEqual(checkTransition({ ...approved, plannedDays: 31 }, 'active'), refused(['agreement']));
    assert.deepEqual(checkTransition({ ...approved, plannedDays: null }, 'active'), refused(['agreement']));
    assert.deepEqual(checkTransition({ ...approved, plannedDays: 30 }, 'active'), { ok: true });
    assert.deepEqual(checkTransition({ ...approved, plannedDays: 90, agreement: 'written' }, 'active'), { ok: true });
    // A click is documentary form, not written form (Civil Code art. 77², 78)…
    assert.deepEqual(checkTransition({ ...approved, plannedDays: 90, agreement: 'electronic' }, 'active'), refused(['agreement_written']));
    // …unless the organisation chose electronic acceptance on its lawyer's advice.
    assert.deepEqual(checkTransition({ ...approved, plannedDays: 90, agreement: 'electronic', longServiceForm: 'electronic' }, 'active'), { ok: true });
  });

  it('short service needs accident insurance; everyone needs health and safety acknowledged and travel costs settled', () => {
    const approved = { ...ready, stage: 'approved' as const, plannedDays: 30 };
    assert.deepEqual(checkTransition({ ...approved, insured: false }, 'active'), { ok: false, reason: 'volunteers.rule.insuranceRequired', missing: ['insurance'] });
    assert.deepEqual(checkTransition({ ...approved, plannedDays: 31, agreement: 'written', insured: false }, 'active'), { ok: true }, 'over 30 days the statutory cover applies');
    assert.deepEqual(checkTransition({ ...approved, healthSafetyAcknowledged: false, travelCostsRecorded: false }, 'active'), {
      ok: false,
      reason: 'volunteers.rule.legalRequired',
      missing: ['health_safety', 'travel_costs'],
    });
    assert.deepEqual(activationMissing({ ...approved, worksWithMinors: true, insured: false, healthSafetyAcknowledged: false }), ['pl_sex_offenders_register', 'pl_criminal_record', 'insurance', 'health_safety']);
  });

  it('an application waiting for the guardian can only be rejected or withdrawn', () => {
    const waiting = { ...ready, stage: 'applied' as const, awaitingGuardian: true };
    assert.deepEqual(checkTransition(waiting, 'contacted'), { ok: false, reason: 'volunteers.rule.awaitingGuardian' });
    assert.deepEqual(checkTransition(waiting, 'withdrawn', 'changed their mind'), { ok: true });
  });

  it('every refusal has a message in Polish and English', () => {
    const keys: MessageKey[] = (['sameStage', 'notAllowed', 'reasonRequired', 'awaitingGuardian', 'safeguardingRequired', 'agreementRequired', 'insuranceRequired', 'legalRequired'] as const).map((k) => `volunteers.rule.${k}` as const);
    const requirements: Requirement[] = ['pl_sex_offenders_register', 'pl_criminal_record', 'lived_abroad_answer', 'foreign_statement', 'foreign_criminal_record', 'de_extended_certificate', 'any_check', 'agreement', 'agreement_written', 'insurance', 'health_safety', 'travel_costs'];
    keys.push(...requirements.map((r) => `volunteers.missing.${r}` as const));
    for (const locale of ['pl', 'en', 'uk', 'de', 'ar'] as const) {
      const t = translator(locale);
      for (const key of keys) assert.notEqual(t(key), key, `${locale}: ${key}`);
    }
    assert.notEqual(translator('pl')('volunteers.rule.agreementRequired'), translator('en')('volunteers.rule.agreementRequired'));
  });

  it('property: no move ever reaches approved/active while a rule is unmet', () => {
    const facts = fc.record({
      stage: fc.constantFrom(...STAGES),
      worksWithMinors: fc.boolean(),
      safeguardingMissing: fc.subarray(['pl_sex_offenders_register', 'pl_criminal_record', 'lived_abroad_answer'] as const),
      plannedDays: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
      agreement: fc.constantFrom('none', 'electronic', 'written' as const),
      longServiceForm: fc.constantFrom('written', 'electronic' as const),
      insured: fc.boolean(),
      healthSafetyAcknowledged: fc.boolean(),
      travelCostsRecorded: fc.boolean(),
      awaitingGuardian: fc.boolean(),
    });
    fc.assert(
      fc.property(facts, fc.constantFrom(...STAGES), fc.option(fc.string(), { nil: undefined }), (v, to, reason) => {
        const r = checkTransition(v, to, reason);
        if (!r.ok) return true;
        const cleared = !v.worksWithMinors || v.safeguardingMissing.length === 0;
        if (to === 'approved') return cleared;
        if (to === 'active') {
          const short = v.plannedDays !== null && v.plannedDays <= 30;
          const agreed = v.agreement === 'written' || (v.agreement === 'electronic' && v.longServiceForm === 'electronic');
          return cleared && (short ? v.insured : agreed) && v.healthSafetyAcknowledged && v.travelCostsRecorded;
        }
        return nextStages(v.stage).includes(to);
      }),
    );
  });

  it('takes an applicant through several intake stages in one step only when every step is allowed', () => {
    assert.deepEqual(pathTo('contacted', 'training'), ['interview_scheduled', 'interviewed', 'training']);
    assert.deepEqual(pathTo('interview_scheduled', 'contacted'), ['contacted']);
    assert.equal(pathTo('active', 'applied'), null);
    assert.equal(pathTo('paused', 'approved'), null);
    assert.deepEqual(reachableStages('applied'), ['contacted', 'interview_scheduled', 'interviewed', 'training', 'approved', 'active', 'rejected', 'withdrawn']);
    assert.deepEqual(checkPath({ ...ready, stage: 'applied' }, 'approved'), { ok: true, path: ['contacted', 'interview_scheduled', 'interviewed', 'training', 'approved'] });
    // Working with minors: the way stops at approval, and the refusal names everything missing on the whole way.
    const minors = { ...ready, stage: 'applied' as const, worksWithMinors: true, insured: false };
    assert.deepEqual(checkPath(minors, 'active'), {
      ok: false,
      reason: 'volunteers.rule.safeguardingRequired',
      missing: ['pl_sex_offenders_register', 'pl_criminal_record', 'insurance'],
      stoppedAt: 'approved',
    });
    assert.deepEqual(checkPath({ ...ready, stage: 'applied', awaitingGuardian: true }, 'training'), { ok: false, reason: 'volunteers.rule.awaitingGuardian', stoppedAt: 'contacted' });
    fc.assert(
      fc.property(fc.constantFrom(...FORWARD), fc.constantFrom(...FORWARD), fc.boolean(), (from, to, minorsWork) => {
        const v = { ...ready, stage: from, worksWithMinors: minorsWork };
        const r = checkPath(v, to);
        if (!r.ok) return true;
        // Allowed only if every single step on the way is allowed.
        let at = from;
        for (const step of r.path!) {
          if (!checkTransition({ ...v, stage: at }, step).ok) return false;
          at = step;
        }
        return at === to;
      }),
    );
  });
});
