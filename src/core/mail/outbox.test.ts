/**
 * The mail as rendered (no database): a link in a right-to-left mail stays whole and in reading order — on a line of
 * its own in the text part, marked left-to-right in the HTML part — while left-to-right mails keep "label: link".
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderMail, type MailContent } from './outbox.js';

const content = (label: string): MailContent => ({
  subject: 'x',
  paragraphs: ['first'],
  action: { label, url: 'https://tandem.example.org/o/alpha/request/status/AbC_123-xyz?lang=ar' },
});

describe('renderMail', () => {
  test('an Arabic mail puts the link on its own line in the text part and marks it left-to-right in the HTML', () => {
    const mail = renderMail('ar', content('صفحة حالة طلبك'));
    assert.ok(mail.text.includes('صفحة حالة طلبك:\nhttps://tandem.example.org/o/alpha/request/status/AbC_123-xyz?lang=ar\n'), mail.text);
    assert.doesNotMatch(mail.text, /[\u2066-\u2069\u200e\u200f]/, 'no bidi controls that a mail program would take into the link');
    assert.match(mail.html, /<p dir="ltr"[^>]*>https:\/\/tandem\.example\.org\/o\/alpha\/request\/status\/AbC_123-xyz\?lang=ar<\/p>/);
    assert.match(mail.html, /<html lang="ar" dir="rtl">/);
  });

  test('a left-to-right mail keeps the label and the link on one line', () => {
    const mail = renderMail('pl', content('Status zgłoszenia'));
    assert.ok(mail.text.includes('Status zgłoszenia: https://tandem.example.org/o/alpha/request/status/AbC_123-xyz?lang=ar'), mail.text);
  });

  test('a secret link is replaced by a note in the text staff may read, in both directions', () => {
    for (const locale of ['ar', 'en'] as const) {
      const mail = renderMail(locale, { ...content('x'), action: { ...content('x').action!, secret: true } });
      assert.doesNotMatch(mail.displayText, /AbC_123/, locale);
      assert.match(mail.text, /AbC_123/, locale);
    }
  });
});
