import type PDFDocument from 'pdfkit';
import { fontName, loadFonts, type Family, type FontSet, type Weight } from './fonts.js';
import { assignFamilies, BIDI_CONTROLS, embeddingLevels, shapingInput, visualRuns, type Direction } from './runs.js';

type Doc = InstanceType<typeof PDFDocument>;

/** `start` and `end` follow the document's direction: `start` is right-aligned in an Arabic document. */
export type Align = 'start' | 'end' | 'center' | 'justify';

export interface TextStyle {
  /** Font size in points. */
  size: number;
  weight?: Weight;
  color?: string;
  align?: Align;
  /** Extra space between lines, in points. */
  lineGap?: number;
  /** Makes every piece of the text a link to this address. */
  link?: string;
}

/** Where a block of text goes: its left edge and width in points (default: between the page margins). */
export interface Box {
  x: number;
  width: number;
}

interface Token {
  /** The word, `[start, end)`, then the spaces after it up to `next`. */
  start: number;
  end: number;
  next: number;
  width: number;
  spaceWidth: number;
}

interface Paragraph {
  text: string;
  families: Family[];
  levels: ReturnType<typeof embeddingLevels>;
}

/**
 * Writes text into a pdfkit document the way Tandem's documents need it, in any of the five languages: the text is
 * cut into runs by script, each run gets the font that has its letters (Noto Sans or Noto Naskh Arabic), lines are
 * wrapped on the logical text, and each line is put in visual order by the Unicode Bidirectional Algorithm before
 * it is drawn (pdfkit itself draws words left to right). Arabic letters are shaped by fontkit (joined forms, lam-alef
 * ligatures). Lines carry on onto a new page at the bottom margin. The writer keeps `doc.y` as pdfkit does, so
 * pdfkit's own drawing (lines, images) can be mixed in. Chosen over Chromium print-to-PDF (no browser guaranteed at
 * run time) and HarfBuzz: an Arabic agreement is 33 KB and ~0.1–0.8 s here, an English one 20 KB; README.md.
 */
export class PdfWriter {
  readonly doc: Doc;
  readonly direction: Direction;
  private readonly fonts: FontSet;
  private readonly primary: Family;
  /** Widths of measured pieces: fontkit lays a string out anew on every call, Arabic shaping included. */
  private readonly widths = new Map<string, number>();

  constructor(doc: Doc, direction: Direction) {
    this.doc = doc;
    this.direction = direction;
    this.fonts = loadFonts();
    this.primary = direction === 'rtl' ? 'arabic' : 'latin';
  }

  /** The left edge and width between the page margins. */
  get column(): Box {
    const m = this.doc.page.margins;
    return { x: m.left, width: this.doc.page.width - m.left - m.right };
  }

  /** Writes a block (lines separated by "\n") at `doc.y`, wrapping within the box, and moves `doc.y` below it. */
  text(text: string, style: TextStyle, box: Box = this.column): void {
    for (const line of text.split('\n')) this.paragraph(line, style, box);
    this.doc.x = this.column.x;
  }

  /** The height the block would take, in points (for keeping things together on a page). */
  heightOf(text: string, style: TextStyle, box: Box = this.column): number {
    let height = 0;
    for (const line of text.split('\n')) {
      const p = this.prepare(line);
      for (const l of this.wrap(p, style, box.width)) height += this.lineHeight(p, l.start, l.end, style);
    }
    return height;
  }

  /** Moves `doc.y` down by `lines` of the given size. */
  space(lines: number, size = 10.5): void {
    this.doc.y += lines * size * 1.2;
  }

  /** The x of a box of `width` at the start (`start`) or end (`end`) side of `outer`: mirrored in Arabic documents. */
  side(outer: Box, width: number, at: 'start' | 'end'): number {
    const left = (at === 'start') === (this.direction === 'ltr');
    return left ? outer.x : outer.x + outer.width - width;
  }

  private prepare(text: string): Paragraph {
    const families = assignFamilies(text, this.primary, (f, cp) => this.fonts.font(f, 'regular').hasGlyphForCodePoint(cp));
    return { text, families, levels: embeddingLevels(text, this.direction) };
  }

  /** Width of `[start, end)` measured piece by piece (same family and level), each in logical order. */
  private width(p: Paragraph, start: number, end: number, style: TextStyle): number {
    let width = 0;
    let from = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || p.families[i] !== p.families[from] || p.levels.levels[i] !== p.levels.levels[from]) {
        width += this.measure(p.families[from]!, p.text.slice(from, i), style);
        from = i;
      }
    }
    return width;
  }

  private measure(family: Family, s: string, style: TextStyle): number {
    const key = `${family}|${style.weight ?? 'regular'}|${style.size}|${s}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.doc.font(fontName(family, style.weight ?? 'regular')).fontSize(style.size).widthOfString(withoutControls(s));
      this.widths.set(key, width);
    }
    return width;
  }

  private tokens(p: Paragraph, style: TextStyle): Token[] {
    const tokens: Token[] = [];
    const t = p.text;
    let i = 0;
    while (i < t.length && t[i] === ' ') i++;
    while (i < t.length) {
      const start = i;
      while (i < t.length && t[i] !== ' ') i++;
      const end = i;
      while (i < t.length && t[i] === ' ') i++;
      tokens.push({ start, end, next: i, width: this.width(p, start, end, style), spaceWidth: i > end ? this.width(p, end, i, style) : 0 });
    }
    return tokens;
  }

  /** Greedy line breaking at spaces; a word wider than the line is cut where it no longer fits. */
  private wrap(p: Paragraph, style: TextStyle, width: number): { start: number; end: number; spaces: number; natural: number; last: boolean }[] {
    const lines: { start: number; end: number; spaces: number; natural: number; last: boolean }[] = [];
    const tokens = this.tokens(p, style);
    let k = 0;
    while (k < tokens.length) {
      const first = tokens[k]!;
      if (first.width > width) {
        // Cut the word: the longest prefix that fits (at least one character).
        let cut = first.start + 1;
        while (cut < first.end && this.width(p, first.start, cut + 1, style) <= width) cut++;
        lines.push({ start: first.start, end: cut, spaces: 0, natural: this.width(p, first.start, cut, style), last: false });
        tokens[k] = { ...first, start: cut, width: this.width(p, cut, first.end, style) };
        continue;
      }
      let natural = first.width;
      let spaces = 0;
      let j = k + 1;
      while (j < tokens.length) {
        const prev = tokens[j - 1]!;
        const next = tokens[j]!;
        const added = prev.spaceWidth + next.width;
        if (natural + added > width) break;
        natural += added;
        spaces += prev.next - prev.end;
        j++;
      }
      lines.push({ start: first.start, end: tokens[j - 1]!.end, spaces, natural, last: j === tokens.length });
      k = j;
    }
    if (lines.length === 0) lines.push({ start: 0, end: 0, spaces: 0, natural: 0, last: true });
    return lines;
  }

  private metrics(family: Family, style: TextStyle): { ascent: number; height: number } {
    const f = this.fonts.font(family, style.weight ?? 'regular');
    const scale = style.size / f.unitsPerEm;
    return { ascent: f.ascent * scale, height: (f.ascent - f.descent + f.lineGap) * scale };
  }

  /** A line is as tall as the tallest family on it (Noto Naskh Arabic is taller than Noto Sans). */
  private lineMetrics(p: Paragraph, start: number, end: number, style: TextStyle): { ascent: number; height: number } {
    const used = new Set<Family>(end > start ? p.families.slice(start, end) : [this.primary]);
    let ascent = 0;
    let height = 0;
    for (const f of used) {
      const m = this.metrics(f, style);
      ascent = Math.max(ascent, m.ascent);
      height = Math.max(height, m.height);
    }
    return { ascent, height };
  }

  private lineHeight(p: Paragraph, start: number, end: number, style: TextStyle): number {
    return this.lineMetrics(p, start, end, style).height + (style.lineGap ?? 0);
  }

  private paragraph(text: string, style: TextStyle, box: Box): void {
    const doc = this.doc;
    const p = this.prepare(text);
    const align = style.align ?? 'start';
    for (const line of this.wrap(p, style, box.width)) {
      const { ascent, height } = this.lineMetrics(p, line.start, line.end, style);
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const baseline = doc.y + ascent;
      const justify = align === 'justify' && !line.last && line.spaces > 0;
      const extra = justify ? (box.width - line.natural) / line.spaces : 0;
      const side = align === 'justify' ? 'start' : align;
      const free = box.width - line.natural;
      let x = box.x;
      if (side === 'center') x += free / 2;
      else if (!justify && (side === 'end') === (this.direction === 'ltr')) x += free;
      for (const run of visualRuns(p.text, p.levels, p.families, line.start, line.end)) {
        x = this.drawRun(p, run, x, baseline, extra, style);
      }
      doc.y += height + (style.lineGap ?? 0);
    }
  }

  /** Draws a run word by word from `x` (spaces become advances, widened when justifying); returns the x after it. */
  private drawRun(p: Paragraph, run: ReturnType<typeof visualRuns>[number], x: number, baseline: number, extra: number, style: TextStyle): number {
    const doc = this.doc;
    const name = fontName(run.family, style.weight ?? 'regular');
    const ascent = this.metrics(run.family, style).ascent;
    // Pieces of the run in visual order: words and single spaces.
    const pieces: [number, number][] = [];
    let from = run.start;
    for (let i = run.start; i <= run.end; i++) {
      if (i === run.end || p.text[i] === ' ') {
        if (i > from) pieces.push([from, i]);
        if (i < run.end) pieces.push([i, i + 1]);
        from = i + 1;
      }
    }
    if (run.rtl) pieces.reverse();
    for (const [a, b] of pieces) {
      if (p.text[a] === ' ') {
        x += this.measure(run.family, ' ', style) + extra;
        continue;
      }
      const input = withoutControls(shapingInput(p.text, p.levels, { ...run, start: a, end: b }));
      if (input === '') continue;
      const w = this.measure(run.family, input, style);
      doc.font(name).fontSize(style.size).fillColor(style.color ?? 'black');
      doc.text(input, x, baseline - ascent, { lineBreak: false, link: style.link ?? null });
      x += w;
    }
    return x;
  }
}

function withoutControls(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}

/** Registers the four faces in a new document (pdfkit subsets each font to the glyphs the document uses). */
export function registerFonts(doc: Doc): void {
  const fonts = loadFonts();
  for (const family of ['latin', 'arabic'] as const) {
    for (const weight of ['regular', 'bold'] as const) {
      // pdfkit accepts a parsed fontkit font (it checks for `layout`); its types only list files and buffers.
      doc.registerFont(fontName(family, weight), fonts.font(family, weight) as unknown as Buffer);
    }
  }
}

/**
 * The characters of `text` that no font of the writer can draw (they would print as empty boxes, glyph 0), after
 * the per-script choice and fallback the writer makes. Spaces, line breaks and bidi marks are not drawn and never
 * count. Used by tests over every document, and usable before printing a name.
 */
export function missingGlyphs(text: string, direction: Direction): string[] {
  const fonts = loadFonts();
  const has = (f: Family, cp: number) => fonts.font(f, 'regular').hasGlyphForCodePoint(cp) && fonts.font(f, 'bold').hasGlyphForCodePoint(cp);
  const clean = text.replace(BIDI_CONTROLS, '');
  const families = assignFamilies(clean, direction === 'rtl' ? 'arabic' : 'latin', has);
  const missing = new Set<string>();
  for (let i = 0; i < clean.length; i++) {
    const cp = clean.codePointAt(i)!;
    if (cp === 0x20 || cp === 0x0a || (cp >= 0xdc00 && cp <= 0xdfff)) continue;
    if (!has(families[i]!, cp)) missing.add(String.fromCodePoint(cp));
  }
  return [...missing];
}
