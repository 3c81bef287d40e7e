import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDecimal, splitPair } from './coordinates.js';

describe('parseDecimal', () => {
  it('reads dots, commas, signs and the typographic minus', () => {
    assert.equal(parseDecimal('52,2297'), 52.2297);
    assert.equal(parseDecimal(' 52.2297 '), 52.2297);
    assert.equal(parseDecimal('−0,5'), -0.5);
    assert.equal(parseDecimal('+21'), 21);
    assert.equal(parseDecimal('-180'), -180);
  });

  it('refuses what it would have to guess', () => {
    for (const s of ['', '1,234.5', '52,2,1', '1e3', 'abc', '52°', '0x10', '1234', '52.', ',5']) assert.equal(parseDecimal(s), null, s);
  });

  it('reads back any coordinate written with either separator', () => {
    fc.assert(
      fc.property(fc.double({ min: -180, max: 180, noNaN: true }), fc.boolean(), (n, comma) => {
        const text = n.toFixed(6);
        const typed = comma ? text.replace('.', ',') : text;
        assert.equal(parseDecimal(typed), Number(text));
      }),
    );
  });
});

describe('splitPair', () => {
  it('splits a point copied from a map, never a single number with a decimal comma', () => {
    assert.deepEqual(splitPair('52.22977, 21.01178'), ['52.22977', '21.01178']);
    assert.deepEqual(splitPair('52,2297; 21,0122'), ['52,2297', '21,0122']);
    assert.deepEqual(splitPair('−41.28, 174.77'), ['-41.28', '174.77']);
    assert.equal(splitPair('52,2297'), null);
    assert.equal(splitPair('52,2297, 21,0122'), null, 'ambiguous: refused, the field error asks for one number');
  });
});
