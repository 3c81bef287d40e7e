export { createPdf, mm, type PdfMeta } from './document.js';
export { loadFonts, type Family, type Weight } from './fonts.js';
export { missingGlyphs, PdfWriter, type Align, type Box, type TextStyle } from './writer.js';
export { assignFamilies, isolateIn, type Direction } from './runs.js';
