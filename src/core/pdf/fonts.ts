import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/** The two faces every document uses. */
export type Weight = 'regular' | 'bold';
/** The two font families: Noto Sans (Latin with Polish and German letters, Cyrillic) and Noto Naskh Arabic. */
export type Family = 'latin' | 'arabic';
export const FAMILIES: readonly Family[] = ['latin', 'arabic'];

export interface FontSet {
  /** Parsed once per process; pdfkit accepts fontkit fonts as they are and subsets them per document. */
  font(family: Family, weight: Weight): fontkit.Font;
}

/** The folder of a font package's TTF files (the packages export no package.json; the entry is dist/index.cjs). */
function fontDir(pkg: string): string {
  return join(dirname(dirname(createRequire(import.meta.url).resolve(pkg))), 'fonts');
}

let loaded: FontSet | undefined;

/**
 * Noto Sans (`@embedpdf/fonts-latin`) and Noto Naskh Arabic (`@embedpdf/fonts-arabic`), regular and bold, read and
 * parsed once. Parsing is the dearest part of a small document (about 10 ms a face), so it is not repeated.
 */
export function loadFonts(): FontSet {
  if (!loaded) {
    const latin = fontDir('@embedpdf/fonts-latin');
    const arabic = fontDir('@embedpdf/fonts-arabic');
    const parse = (dir: string, file: string) => fontkit.create(readFileSync(join(dir, file)));
    const faces: Record<Family, Record<Weight, fontkit.Font>> = {
      latin: { regular: parse(latin, 'NotoSans-Regular.ttf'), bold: parse(latin, 'NotoSans-Bold.ttf') },
      arabic: { regular: parse(arabic, 'NotoNaskhArabic-Regular.ttf'), bold: parse(arabic, 'NotoNaskhArabic-Bold.ttf') },
    };
    loaded = { font: (family, weight) => faces[family][weight] };
  }
  return loaded;
}

/** The pdfkit name under which a face is registered in every document. */
export function fontName(family: Family, weight: Weight): string {
  return `${family}-${weight}`;
}
