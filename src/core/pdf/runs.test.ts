import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignFamilies, embeddingLevels, isolateIn, shapingInput, visualRuns, type Direction } from './runs.js';
import { loadFonts } from './fonts.js';
import { missingGlyphs } from './writer.js';

const has = (f: 'latin' | 'arabic', cp: number) => loadFonts().font(f, 'regular').hasGlyphForCodePoint(cp);

/** The line as drawn, left to right: each run's text as handed to pdfkit, with the family. */
function drawn(text: string, direction: Direction): string[] {
  const families = assignFamilies(text, direction === 'rtl' ? 'arabic' : 'latin', has);
  const levels = embeddingLevels(text, direction);
  return visualRuns(text, levels, families, 0, text.length).map((r) => `${r.family}:${shapingInput(text, levels, r)}`);
}

describe('text runs (pure)', () => {
  it('gives Arabic letters Noto Naskh Arabic and everything else Noto Sans, with fallback for what a font lacks', () => {
    const text = 'Łucja (محمد) Коваленко';
    const families = assignFamilies(text, 'latin', has);
    assert.equal(families[0], 'latin');
    assert.equal(families[text.indexOf('م')], 'arabic');
    assert.equal(families[text.indexOf('К')], 'latin');
    // Noto Naskh Arabic has no parentheses: they fall back to Noto Sans even inside Arabic text.
    assert.equal(assignFamilies('(محمد)', 'arabic', has)[0], 'latin');
  });

  it('puts an Arabic name inside an English sentence in visual order, the name given to fontkit in logical order', () => {
    // fontkit shapes in logical order and reverses Arabic itself, so the Arabic run is handed over unreversed.
    // The space after the name stays in the name's font (shared characters follow the character before them).
    assert.deepEqual(drawn('and محمد الأحمد (the Volunteer)', 'ltr'), ['latin:and ', 'arabic:محمد الأحمد', 'arabic: ', 'latin:(the Volunteer)']);
  });

  it('orders an Arabic line right to left, keeps numbers and Latin words left to right inside it, and mirrors brackets', () => {
    const runs = drawn('من 5 يناير 2026 (Tandem)', 'rtl');
    // Visual, left to right: the Latin word in brackets is leftmost (it comes last), "من" rightmost.
    assert.equal(runs[runs.length - 1], 'arabic:من ');
    assert.ok(runs.indexOf('arabic:2026') < runs.indexOf('arabic:5'), 'the later number stands further left');
    assert.equal(runs[0], 'latin:(');
    assert.ok(runs.includes('latin:Tandem'));
  });

  it('keeps a date beside an isolated Latin city (the city does not pull the day into its direction)', () => {
    const position = (runs: string[], part: string) => runs.findIndex((r) => r.includes(part));
    const plain = drawn('Świętochłowice، 7 ديسمبر', 'rtl');
    const isolated = drawn(`${isolateIn('ar', 'Świętochłowice')}، 7 ديسمبر`, 'rtl');
    assert.ok(position(plain, '7') > position(plain, 'Świętochłowice'), 'without isolation the day is drawn right of the city, as if it came first');
    assert.ok(position(isolated, '7') < position(isolated, 'Świętochłowice'), 'isolated, the day follows the city leftwards');
    assert.equal(isolateIn('en', 'Świętochłowice'), 'Świętochłowice');
  });

  it('has a glyph for every letter of names in the five scripts, in both directions', () => {
    for (const name of ['Łucja Źdźbło-Müller', 'Jürgen Weiß', 'Олена Ґудзь-Коваленко', 'Їжак Євген', 'محمد الأحمد', 'لؤي عبد الله', 'Ana María Núñez']) {
      for (const dir of ['ltr', 'rtl'] as const) assert.deepEqual(missingGlyphs(name, dir), [], `${name} (${dir})`);
    }
    assert.deepEqual(missingGlyphs('名前', 'ltr'), ['名', '前'], 'scripts outside the five are reported');
  });
});
