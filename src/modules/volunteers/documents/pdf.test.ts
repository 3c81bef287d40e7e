import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingGlyphs } from '../../../core/pdf/index.js';
import { DEFAULT_TEMPLATES, DOCUMENT_LABELS, SAMPLE_VALUES } from './default-templates.js';
import { DOCUMENT_KINDS, DOCUMENT_LOCALES, type DocumentKind, type DocumentLocale } from './documents.schemas.js';
import { generateText, placeholderValues } from './generate.js';
import { renderPdf } from './pdf.js';
import { pdfText } from './pdf-text.js';

async function render(kind: DocumentKind, locale: DocumentLocale, volunteerName: string) {
  const s = SAMPLE_VALUES[locale];
  const values = placeholderValues(locale, { volunteerName, organisationName: 'Fundacja Tandem', fields: { ...s, periodFrom: '2026-01-05', periodTo: '2026-12-31', hours: '42' }, issueDate: '2026-12-07' });
  const { title, body } = generateText(DEFAULT_TEMPLATES[kind][locale], values);
  const pdf = await renderPdf({
    kind,
    locale,
    title,
    body,
    organisation: { name: 'Fundacja Tandem', city: 'Świętochłowice', country: 'PL' },
    issuedAt: new Date('2026-12-07T10:00:00Z'),
    acceptedHow: 'electronic',
    acceptedAt: new Date('2026-12-07T10:00:00Z'),
    revoked: false,
    verificationUrl: kind === 'agreement' ? null : 'https://tandem.example.org/verify/abcdefghijklmnopqrstuvwx',
  });
  return { pdf, title, body, text: await pdfText(pdf) };
}

/** The fonts a PDF embeds, by PostScript name without the subset prefix. */
function embeddedFonts(pdf: Buffer): Set<string> {
  return new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z-]+)/g)].map((m) => m[1]!));
}

describe('document PDFs in five languages and scripts (pure)', () => {
  it('renders every document in every language, each character with a glyph', async () => {
    for (const kind of DOCUMENT_KINDS) {
      for (const locale of DOCUMENT_LOCALES) {
        const { pdf, title, body, text } = await render(kind, locale, SAMPLE_VALUES[locale].volunteerName);
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', `${kind} ${locale}`);
        assert.ok(text.includes(title), `${kind} ${locale}: the title is read back`);
        assert.deepEqual(missingGlyphs(`${title}\n${body}`, locale === 'ar' ? 'rtl' : 'ltr'), [], `${kind} ${locale}`);
      }
    }
  });

  it('prints an Arabic agreement shaped and right to left: the name and the labels read back in logical order', async () => {
    const { pdf, text } = await render('agreement', 'ar', 'محمد الأحمد');
    // pdf.js, as a reader, gives words of right-to-left text back in logical order; a lam-alef ligature included.
    assert.match(text, /اتفاقية التطوع/);
    assert.match(text, /محمد الأحمد/);
    assert.match(text, /المادة 2: المدة/);
    assert.match(text, /للمدة من 5 يناير 2026 إلى 31 ديسمبر 2026/);
    assert.match(text, /بانقضاء المدة التي أبرمت لها/);
    assert.match(text, /عن المنظمة/);
    assert.deepEqual([...embeddedFonts(pdf)].sort(), ['NotoNaskhArabic', 'NotoNaskhArabic-Bold', 'NotoSans-Bold', 'NotoSans-Regular']);
    assert.match(pdf.toString('latin1'), /\/Direction \/R2L/, 'viewers are told the document reads right to left');
    assert.match(pdf.toString('latin1'), /\/Lang \(ar\)/);
  });

  it('prints an Arabic name in the English and Polish agreements with the Arabic font, not as empty boxes', async () => {
    for (const locale of ['en', 'pl'] as const) {
      const { pdf, text } = await render('agreement', locale, 'محمد الأحمد');
      assert.match(text, /محمد الأحمد/, locale);
      assert.ok(embeddedFonts(pdf).has('NotoNaskhArabic'), `${locale}: the Arabic font is embedded`);
      assert.ok(!embeddedFonts(pdf).has('NotoNaskhArabic-Bold'), `${locale}: only what is used is embedded`);
      assert.deepEqual(missingGlyphs('محمد الأحمد', 'ltr'), []);
    }
  });

  it('prints a Ukrainian name in the German certificate and Polish letters in the Ukrainian reference', async () => {
    const de = await render('certificate', 'de', 'Олена Ґудзь');
    assert.match(de.text, /Олена Ґудзь/);
    assert.match(de.text, /Tätigkeitsnachweis/);
    const uk = await render('reference', 'uk', 'Łucja Źdźbło-Müller');
    assert.match(uk.text, /Łucja Źdźbło-Müller/);
    assert.ok(!embeddedFonts(de.pdf).has('NotoNaskhArabic'), 'no Arabic font where no Arabic is printed');
  });

  it('writes Arabic hours with the dual and the plural forms', async () => {
    const { hoursPhrase } = await import('./generate.js');
    assert.equal(hoursPhrase(1, 'ar'), 'ساعة واحدة');
    assert.equal(hoursPhrase(2, 'ar'), 'ساعتان');
    assert.equal(hoursPhrase(5, 'ar'), '5 ساعات');
    assert.equal(hoursPhrase(42, 'ar'), '42 ساعة');
    assert.equal(DOCUMENT_LABELS.ar.hour.other, '{n} ساعة');
  });
});
