export { createPdf, mm, type PdfMeta } from './document.js';
export { loadFonts, type Family, type Weight } from './fonts.js';
export { PdfWriter, type Align, type Box, type TextStyle } from './writer.js';
export { assignFamilies, type Direction } from './runs.js';
