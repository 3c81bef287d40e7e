/**
 * Programme weights: reading stored JSON (defaults for anything missing or invalid), the settings form schema with
 * its messages, and percentages for display.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fieldErrors } from '../../../core/http/validation.js';
import { hasMessage } from '../../../core/i18n/catalogue.js';
import { DEFAULT_WEIGHTS, percentOf, weightsFrom, WeightsInput } from './weights.js';

test('weightsFrom: defaults for missing or invalid keys, stored integers 0–100 kept', () => {
  assert.deepEqual(weightsFrom(null), DEFAULT_WEIGHTS);
  assert.deepEqual(weightsFrom([1, 2]), DEFAULT_WEIGHTS);
  assert.deepEqual(weightsFrom('{"language": 5}'), DEFAULT_WEIGHTS);
  assert.deepEqual(weightsFrom({ language: 50, availability: 0, distance: '30', interests: 2.5, needs: 101, waiting: -1, extra: 7 }), {
    ...DEFAULT_WEIGHTS,
    language: 50,
    availability: 0,
  });
});

test('weightsFrom never throws and always yields integers 0–100', () => {
  fc.assert(
    fc.property(fc.anything(), (json) => {
      const w = weightsFrom(json);
      assert.deepEqual(Object.keys(w).sort(), Object.keys(DEFAULT_WEIGHTS).sort());
      for (const v of Object.values(w)) assert.ok(Number.isInteger(v) && v >= 0 && v <= 100);
    }),
  );
});

const form = { language: '40', availability: '20', distance: '10', interests: '10', needs: '15', waiting: '5' };

test('WeightsInput parses the settings form', () => {
  assert.deepEqual(WeightsInput.parse({ ...form, _csrf: 'x' }), { language: 40, availability: 20, distance: 10, interests: 10, needs: 15, waiting: 5 });
  assert.deepEqual(WeightsInput.parse({ ...form, waiting: 0 }).waiting, 0);
});

test('WeightsInput: a message in the catalogue next to each bad field', () => {
  const r = WeightsInput.safeParse({ ...form, language: '', availability: 'lots', distance: '150', interests: '2.5', needs: '-1' });
  assert.ok(!r.success);
  const errors = fieldErrors(r.error);
  assert.deepEqual(
    Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.key])),
    { language: 'validation.required', availability: 'validation.invalid', distance: 'validation.tooBig', interests: 'validation.invalid', needs: 'validation.tooSmall' },
  );
});

test('WeightsInput refuses all zeros, on the form as a whole', () => {
  const r = WeightsInput.safeParse({ language: '0', availability: '0', distance: '0', interests: '0', needs: '0', waiting: '0' });
  assert.ok(!r.success);
  const errors = fieldErrors(r.error);
  assert.equal(errors._form?.key, 'matching.scoring.validation.allZero');
  assert.ok(hasMessage('matching.scoring.validation.allZero'));
});

test('percentOf: share of the most a pair can get, 0 when nothing is weighted', () => {
  assert.equal(percentOf(50, DEFAULT_WEIGHTS), 50);
  assert.equal(percentOf(33.33, { ...DEFAULT_WEIGHTS, language: 0, availability: 0, distance: 0, interests: 0, needs: 100, waiting: 0 }), 33);
  assert.equal(percentOf(0, { language: 0, availability: 0, distance: 0, interests: 0, needs: 0, waiting: 0 }), 0);
  assert.equal(percentOf(250, DEFAULT_WEIGHTS), 100);
});
