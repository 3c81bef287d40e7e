/**
 * Programme weights: reading stored JSON (defaults for anything missing or invalid) and percentages for display.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_WEIGHTS, percentOf, weightsFrom } from './weights.js';

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

test('percentOf: share of the most a pair can get, 0 when nothing is weighted', () => {
  assert.equal(percentOf(50, DEFAULT_WEIGHTS), 50);
  assert.equal(percentOf(33.33, { ...DEFAULT_WEIGHTS, language: 0, availability: 0, distance: 0, interests: 0, needs: 100, waiting: 0 }), 33);
  assert.equal(percentOf(0, { language: 0, availability: 0, distance: 0, interests: 0, needs: 0, waiting: 0 }), 0);
  assert.equal(percentOf(250, DEFAULT_WEIGHTS), 100);
});
