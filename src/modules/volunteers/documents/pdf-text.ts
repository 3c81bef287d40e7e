import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF, page by page, as pdf.js extracts it (for tests: "does the document say what it
 * should, with its letters intact"). Items are joined with spaces, lines with newlines; runs of spaces become one.
 */
export async function pdfText(buffer: Buffer | Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  await pdf.destroy();
  // Justified lines come back with the stretched spaces as runs of spaces: one is enough for searching.
  return pages.join('\n').replace(/[ \t]+/g, ' ');
}

/** The document information dictionary of a PDF (Title, Author…), for tests of the metadata. */
export async function pdfInfo(buffer: Buffer | Uint8Array): Promise<{ title?: string; pages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const meta = await pdf.getMetadata();
  const info = meta.info as { Title?: string };
  const result = { title: info.Title, pages: pdf.numPages };
  await pdf.destroy();
  return result;
}
