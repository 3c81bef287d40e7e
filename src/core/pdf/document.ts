import PDFDocument from 'pdfkit';
import type { Direction } from './runs.js';
import { PdfWriter, registerFonts } from './writer.js';

const MM = 72 / 25.4;
/** Points in a millimetre. */
export const mm = (n: number) => n * MM;

export interface PdfMeta {
  title: string;
  author: string;
  /** BCP 47 tag of the document's language, written into the PDF catalogue (screen readers use it). */
  lang: string;
  direction: Direction;
  createdAt: Date;
}

/**
 * A new A4 document with Tandem's fonts registered and a writer for its text. `finish()` ends the document and
 * resolves to its bytes. Right-to-left documents also say so in their viewer preferences (`Direction R2L`).
 */
export function createPdf(meta: PdfMeta): { doc: InstanceType<typeof PDFDocument>; writer: PdfWriter; finish: () => Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mm(20), bottom: mm(20), left: mm(22), right: mm(22) },
    info: { Title: meta.title, Author: meta.author, Subject: meta.title, Creator: 'Tandem', CreationDate: meta.createdAt },
    lang: meta.lang,
    displayTitle: true,
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  if (meta.direction === 'rtl') {
    // pdfkit has no option for it: add it to the ViewerPreferences dictionary that `displayTitle` made (a plain
    // JavaScript string is written as a PDF name).
    const root = (doc as unknown as { _root: { data: { ViewerPreferences?: { data: Record<string, unknown> } } } })._root.data;
    if (root.ViewerPreferences) root.ViewerPreferences.data.Direction = 'R2L';
  }
  const writer = new PdfWriter(doc, meta.direction);
  return {
    doc,
    writer,
    finish: () => {
      reverseRtlLigatureText(doc);
      doc.end();
      return finished;
    },
  };
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/**
 * The text a PDF reader copies from a ligature of right-to-left letters (lam-alef "لا") comes from the font's
 * ToUnicode map, which pdfkit fills in logical order ("ل", "ا"). Readers (pdf.js, Chromium's PDFium) take the glyphs
 * in visual order and reverse right-to-left text character by character, which turned "خلال" into "خالل"; so the
 * characters of such a glyph are stored reversed, and come back in logical order. The arrays are replaced, not
 * reversed in place: they belong to fontkit's glyphs, shared by every document.
 */
function reverseRtlLigatureText(doc: InstanceType<typeof PDFDocument>): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, { unicode?: number[][] }> })._fontFamilies;
  for (const font of new Set(Object.values(families))) {
    const unicode = font.unicode;
    if (!unicode) continue;
    unicode.forEach((codePoints, gid) => {
      if (codePoints && codePoints.length > 1 && codePoints.every((cp) => RTL_LETTER.test(String.fromCodePoint(cp)))) {
        unicode[gid] = [...codePoints].reverse();
      }
    });
  }
}
