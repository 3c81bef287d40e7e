import bidiModule, { type EmbeddingLevels } from 'bidi-js';
import type { Family } from './fonts.js';
import { isolate } from '../i18n/bidi.js';

// bidi-js is a UMD file whose module.exports is the factory; its types describe it as an ES default export.
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

/** Base direction of a paragraph: the document's (Arabic documents are right-to-left). */
export type Direction = 'ltr' | 'rtl';

const ARABIC = /\p{Script=Arabic}/u;
const LETTER = /[\p{L}\p{M}]/u;
/** The scripts fontkit lays out right to left (it reverses their glyphs itself). */
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const SCRIPT_SPECIFIC = /[^\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * The font family of each UTF-16 unit of a paragraph. Arabic-script characters take Noto Naskh Arabic, every other
 * letter Noto Sans; characters shared by scripts (spaces, digits, punctuation) and combining marks stay in the
 * family of the character before them when it has the glyph, so a word is not cut into fonts needlessly. A
 * character the chosen family lacks falls back to the other family when that one has it.
 * @param has whether a family has a glyph for a code point
 * @param primary the document language's family, used at the start of a paragraph
 */
export function assignFamilies(text: string, primary: Family, has: (family: Family, codePoint: number) => boolean): Family[] {
  const families: Family[] = [];
  let previous: Family = primary;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    let family: Family;
    if (ARABIC.test(ch)) family = 'arabic';
    else if (LETTER.test(ch) && SCRIPT_SPECIFIC.test(ch)) family = 'latin';
    else family = previous;
    if (!has(family, cp)) {
      const other: Family = family === 'latin' ? 'arabic' : 'latin';
      if (has(other, cp)) family = other;
    }
    for (let k = 0; k < ch.length; k++) families.push(family);
    previous = family;
    i += ch.length;
  }
  return families;
}

/** The bidi embedding levels of a paragraph (Unicode Bidirectional Algorithm, via bidi-js), base direction forced. */
export function embeddingLevels(text: string, direction: Direction): EmbeddingLevels {
  return bidi.getEmbeddingLevels(text, direction);
}

/** A run of one line: a logical range `[start, end)` of one family and one level, drawn as one piece. */
export interface VisualRun {
  start: number;
  end: number;
  rtl: boolean;
  family: Family;
}

/**
 * The runs of one line `[start, end)` of a paragraph in visual order, left to right (UAX #9 rules L1–L2: trailing
 * spaces at the paragraph level, then levels reversed from the highest). Each run is contiguous in the logical text,
 * so its letters can be shaped in logical order.
 */
export function visualRuns(text: string, levels: EmbeddingLevels, families: Family[], start: number, end: number): VisualRun[] {
  if (end <= start) return [];
  const order: number[] = [];
  for (let i = start; i < end; i++) order.push(i);
  for (const [from, to] of bidi.getReorderSegments(text, levels, start, end - 1) as [number, number][]) {
    const a = order.slice(from - start, to - start + 1).reverse();
    order.splice(from - start, a.length, ...a);
  }
  const runs: VisualRun[] = [];
  let current: { first: number; last: number; level: number; family: Family } | undefined;
  const flush = () => {
    if (!current) return;
    const rtl = current.level % 2 === 1;
    runs.push({ start: Math.min(current.first, current.last), end: Math.max(current.first, current.last) + 1, rtl, family: current.family });
  };
  for (const i of order) {
    const level = levels.levels[i]!;
    const family = families[i]!;
    const step = level % 2 === 1 ? -1 : 1;
    if (current && current.level === level && current.family === family && i === current.last + step) {
      current.last = i;
    } else {
      flush();
      current = { first: i, last: i, level, family };
    }
  }
  flush();
  return runs;
}

/**
 * What to hand to pdfkit for a run so that its glyphs come out in visual order. pdfkit lays text out with fontkit,
 * which shapes in logical order and then reverses the glyphs when the first script-specific character is of a
 * right-to-left script. A right-to-left run is mirrored (brackets) and given in logical order when fontkit will
 * reverse it, reversed by us when it will not (a run of only spaces and punctuation); a left-to-right run that
 * fontkit would reverse (Arabic-Indic digits) is handed over reversed.
 */
export function shapingInput(text: string, levels: EmbeddingLevels, run: VisualRun): string {
  let logical = '';
  const mirrored = run.rtl ? bidi.getMirroredCharactersMap(text, levels.levels, run.start, run.end - 1) : undefined;
  for (let i = run.start; i < run.end; i++) logical += mirrored?.get(i) ?? text[i];
  const specific = SCRIPT_SPECIFIC.exec(logical);
  const fontkitReverses = specific !== null && RTL_SCRIPT.test(specific[0]);
  return run.rtl === fontkitReverses ? logical : reverseString(logical);
}

function reverseString(s: string): string {
  return Array.from(s).reverse().join('');
}

/**
 * A name or other inserted text wrapped in a first-strong isolate (U+2068…U+2069) when the document is Arabic, so a
 * Latin or Cyrillic name does not pull the figures and punctuation beside it into its own direction. The writer
 * does not draw the two marks; HTML views honour them too. Other languages get the text as it is.
 */
export function isolateIn(locale: string, text: string): string {
  return locale === 'ar' && text !== '' ? isolate(text) : text;
}

/** Bidi marks and isolates: they steer the order of a line and are not drawn. */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
