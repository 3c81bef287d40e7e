import QRCode from 'qrcode';
import { createPdf, isolateIn, mm } from '../../../core/pdf/index.js';
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

const GREY = '#444444';

/**
 * Renders a document as an A4 PDF with embedded (subset) fonts through the core PDF writer, so every name prints in
 * its own script and an Arabic document is shaped, right to left and mirrored: letterhead with the organisation's
 * name and address line, title, paragraphs, place and date, signature lines (both parties for the agreement), and
 * for certificates and references the verification link with its QR code. Title, author and language are set in
 * the PDF metadata.
 */
export async function renderPdf(input: PdfInput): Promise<Buffer> {
  const labels = DOCUMENT_LABELS[input.locale];
  const direction = input.locale === 'ar' ? 'rtl' : 'ltr';
  const { doc, writer: w, finish } = createPdf({
    title: input.title,
    author: input.organisation.name,
    lang: INTL_TAG[input.locale],
    direction,
    createdAt: input.issuedAt,
  });
  const { x: left, width } = w.column;

  // Letterhead.
  w.text(input.organisation.name, { size: 12, weight: 'bold' });
  const address = addressLine(input.organisation, input.locale);
  if (address) w.text(address, { size: 9.5, color: GREY });
  doc.y += 4;
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor(GREY).stroke();
  w.space(1.2, 12);

  if (input.revoked) {
    w.text(labels.revoked, { size: 12, weight: 'bold', color: '#a10000', align: 'center' });
    w.space(0.6, 12);
  }

  w.text(input.title, { size: 15, weight: 'bold', align: 'center' });
  w.space(1, 15);

  for (const block of blocksOf(input.body)) {
    if (block.heading) {
      w.space(0.3);
      w.text(block.text, { size: 10.5, weight: 'bold', align: 'center' });
      w.space(0.3);
    } else {
      w.text(block.text, { size: 10.5, align: 'justify', lineGap: 1 });
      w.space(0.5);
    }
  }

  // Place and date, at the end side (right in left-to-right documents, left in Arabic ones).
  w.space(0.8);
  const city = input.organisation.city ? isolateIn(input.locale, input.organisation.city) : null;
  const dated = [city, formatDate(input.issuedAt, input.locale)].filter(Boolean).join(direction === 'rtl' ? '، ' : ', ');
  w.text(dated, { size: 10.5, align: 'end' });

  // Signature lines: kept together on one page; the organisation signs at the start side.
  if (doc.y + mm(45) > doc.page.height - doc.page.margins.bottom) doc.addPage();
  w.space(3.5);
  const lineY = doc.y;
  const half = (width - mm(20)) / 2;
  const signature = (at: 'start' | 'end', label: string) => {
    const x = w.side({ x: left, width }, half, at);
    doc.moveTo(x, lineY).lineTo(x + half, lineY).lineWidth(0.5).strokeColor('black').stroke();
    doc.y = lineY + 4;
    w.text(label, { size: 9, color: GREY, align: 'center' }, { x, width: half });
  };
  if (input.kind === 'agreement') {
    signature('start', labels.forOrganisation);
    signature('end', labels.volunteer);
  } else {
    signature('end', labels.authorised);
  }
  doc.y = lineY + 22;

  if (input.kind === 'agreement' && input.acceptedHow === 'electronic' && input.acceptedAt) {
    w.space(1);
    const note = labels.acceptedElectronically.replace('{date}', `${formatDateTime(input.acceptedAt, input.locale)} (Europe/Warsaw)`);
    w.text(note, { size: 9, color: GREY });
  }

  if (input.verificationUrl) {
    const size = mm(28);
    if (doc.y + size + mm(10) > doc.page.height - doc.page.margins.bottom) doc.addPage();
    w.space(2);
    const top = doc.y;
    const qr = await QRCode.toBuffer(input.verificationUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
    doc.image(qr, w.side({ x: left, width }, size, 'start'), top, { width: size, height: size });
    const textBox = { x: w.side({ x: left, width }, width - size - mm(6), 'end'), width: width - size - mm(6) };
    doc.y = top + mm(4);
    w.text(labels.verify, { size: 9, color: GREY }, textBox);
    w.text(input.verificationUrl, { size: 9, link: input.verificationUrl }, textBox);
  }

  return finish();
}

/** "Świętochłowice, Polska": the city and the country's name in the document's language. */
function addressLine(org: PdfInput['organisation'], locale: DocumentLocale): string {
  let country = org.country;
  try {
    country = new Intl.DisplayNames([INTL_TAG[locale]], { type: 'region' }).of(org.country) ?? org.country;
  } catch {
    // An unknown code is printed as it is.
  }
  return [org.city, country].filter(Boolean).join(locale === 'ar' ? '، ' : ', ');
}

/**
 * An ASCII-only file name for Content-Disposition: kind, issue date and the start of the id. The date is the one
 * printed on the document (its date in Europe/Warsaw, as `formatDate` prints it), not the UTC date of the instant.
 */
export function pdfFileName(doc: { kind: DocumentKind; issuedAt: Date; id: string }): string {
  return `${doc.kind}-${utcToZoned(doc.issuedAt).date}-${doc.id.slice(0, 8)}.pdf`;
}
