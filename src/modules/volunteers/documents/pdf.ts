import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDate, formatDateTime, INTL_TAG } from '../../../core/i18n/index.js';
import { DOCUMENT_LABELS } from './default-templates.js';
import type { DocumentKind, DocumentLocale } from './documents.schemas.js';
import { blocksOf } from './placeholders.js';
import { utcToZoned } from '../../../core/i18n/time-zone.js';

/** What goes on the page: the stored text (never re-generated) and what frames it. */
export interface PdfInput {
  kind: DocumentKind;
  locale: DocumentLocale;
  title: string;
  body: string;
  organisation: { name: string; city: string | null; country: string };
  issuedAt: Date;
  acceptedHow: string | null;
  acceptedAt: Date | null;
  revoked: boolean;
  /** `${baseUrl}/verify/<code>` for certificates and references; printed and drawn as a QR code. */
  verificationUrl: string | null;
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** Noto Sans from @embedpdf/fonts-latin (Latin with Polish and German letters, and Cyrillic), read once. */
function loadFonts() {
  if (!fonts) {
    // The package exports no package.json; its entry point is dist/index.cjs, two levels below the root.
    const root = dirname(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-latin')));
    fonts = { regular: readFileSync(join(root, 'fonts', 'NotoSans-Regular.ttf')), bold: readFileSync(join(root, 'fonts', 'NotoSans-Bold.ttf')) };
  }
  return fonts;
}

const MM = 72 / 25.4;
const GREY = '#444444';

/**
 * Renders a document as an A4 PDF with embedded (subset) fonts: letterhead with the organisation's name and
 * address line, title, paragraphs, place and date, signature lines (both parties for the agreement), and for
 * certificates and references the verification link with its QR code. Title, author and language are set
 * in the PDF metadata.
 */
export async function renderPdf(input: PdfInput): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const labels = DOCUMENT_LABELS[input.locale];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 22 * MM, right: 22 * MM },
    info: { Title: input.title, Author: input.organisation.name, Subject: input.title, Creator: 'Tandem', CreationDate: input.issuedAt },
    lang: INTL_TAG[input.locale],
    displayTitle: true,
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  // Letterhead.
  doc.font('bold').fontSize(12).fillColor('black').text(input.organisation.name, { width });
  const address = addressLine(input.organisation, input.locale);
  if (address) doc.font('regular').fontSize(9.5).fillColor(GREY).text(address, { width });
  doc.moveDown(0.4);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor(GREY).stroke();
  doc.moveDown(1.2);

  if (input.revoked) {
    doc.font('bold').fontSize(12).fillColor('#a10000').text(labels.revoked, { width, align: 'center' });
    doc.moveDown(0.6);
  }

  doc.font('bold').fontSize(15).fillColor('black').text(input.title, { width, align: 'center' });
  doc.moveDown(1);

  for (const block of blocksOf(input.body)) {
    if (block.heading) {
      doc.moveDown(0.3);
      doc.font('bold').fontSize(10.5).text(block.text, { width, align: 'center' });
      doc.moveDown(0.3);
    } else {
      doc.font('regular').fontSize(10.5).text(block.text, { width, align: 'justify', lineGap: 2 });
      doc.moveDown(0.5);
    }
  }

  // Place and date.
  doc.moveDown(0.8);
  const dated = [input.organisation.city, formatDate(input.issuedAt, input.locale)].filter(Boolean).join(', ');
  doc.font('regular').fontSize(10.5).text(dated, { width, align: 'right' });

  // Signature lines: keep them together on one page.
  if (doc.y + 45 * MM > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(3.5);
  const lineY = doc.y;
  const half = (width - 20 * MM) / 2;
  const signature = (x: number, label: string) => {
    doc.moveTo(x, lineY).lineTo(x + half, lineY).lineWidth(0.5).strokeColor('black').stroke();
    doc.font('regular').fontSize(9).fillColor(GREY).text(label, x, lineY + 4, { width: half, align: 'center' });
  };
  if (input.kind === 'agreement') {
    signature(left, labels.forOrganisation);
    signature(left + half + 20 * MM, labels.volunteer);
  } else {
    signature(left + half + 20 * MM, labels.authorised);
  }
  doc.x = left;
  doc.y = lineY + 22;

  if (input.kind === 'agreement' && input.acceptedHow === 'electronic' && input.acceptedAt) {
    doc.moveDown(1);
    const note = labels.acceptedElectronically.replace('{date}', `${formatDateTime(input.acceptedAt, input.locale)} (Europe/Warsaw)`);
    doc.font('regular').fontSize(9).fillColor(GREY).text(note, left, doc.y, { width });
  }

  if (input.verificationUrl) {
    const size = 28 * MM;
    if (doc.y + size + 10 * MM > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.moveDown(2);
    const top = doc.y;
    const qr = await QRCode.toBuffer(input.verificationUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
    doc.image(qr, left, top, { width: size, height: size });
    doc.font('regular').fontSize(9).fillColor(GREY).text(labels.verify, left + size + 6 * MM, top + 4 * MM, { width: width - size - 6 * MM });
    doc.font('regular').fontSize(9).fillColor('black').text(input.verificationUrl, { width: width - size - 6 * MM, link: input.verificationUrl });
  }

  doc.end();
  return finished;
}

/** "Świętochłowice, Polska": the city and the country's name in the document's language. */
function addressLine(org: PdfInput['organisation'], locale: DocumentLocale): string {
  let country = org.country;
  try {
    country = new Intl.DisplayNames([INTL_TAG[locale]], { type: 'region' }).of(org.country) ?? org.country;
  } catch {
    // An unknown code is printed as it is.
  }
  return [org.city, country].filter(Boolean).join(', ');
}

/**
 * An ASCII-only file name for Content-Disposition: kind, issue date and the start of the id. The date is the one
 * printed on the document (its date in Europe/Warsaw, as `formatDate` prints it), not the UTC date of the instant.
 */
export function pdfFileName(doc: { kind: DocumentKind; issuedAt: Date; id: string }): string {
  return `${doc.kind}-${utcToZoned(doc.issuedAt).date}-${doc.id.slice(0, 8)}.pdf`;
}
