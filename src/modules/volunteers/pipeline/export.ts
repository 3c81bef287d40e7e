import ExcelJS from 'exceljs';

/**
 * Spreadsheet files of a table of text cells. Every cell is neutralised against formula injection
 * (CSV/XLSX opened in Excel or LibreOffice): a value starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading apostrophe, so it is shown as text and never evaluated.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Quotes a CSV field that holds a quote, a line break or any character a spreadsheet may take as the separator:
 * Excel opens a CSV with the region's list separator, which is `;` in Polish and German (and a tab is one too), so
 * an unquoted `Kowal;=1+1;` would become a cell `=1+1` there, past the check of the field's first character.
 */
const quote = (value: string) => (/[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * CSV per RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a byte-order mark so Excel reads the letters right.
 * Every field that contains `;` or a tab is quoted too, so no separator a spreadsheet might use is left bare.
 */
export function toCsv(header: string[], rows: string[][]): Buffer {
  const lines = [header, ...rows].map((cells) => cells.map((c) => quote(neutralise(c))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An XLSX workbook with one sheet, a bold header row and every cell stored as text. */
export async function toXlsx(sheetName: string, header: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tandem';
  // Sheet names: at most 31 characters, none of []:*?/\ .
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.addRow(header.map(neutralise)).font = { bold: true };
  for (const cells of rows) sheet.addRow(cells.map(neutralise));
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
