import { render } from 'preact-render-to-string';
import type { ComponentChildren } from 'preact';
import type { Tx } from '../db/tx.js';
import { direction, translator, type Locale, type Translate } from '../i18n/index.js';
import { enqueue } from '../jobs/queue.js';
import { outbox } from './mail.table.js';

/** A mail in one language: subject, plain text and the HTML body's content. */
export interface MailContent {
  subject: string;
  /** Paragraphs of the message; a paragraph may hold one call-to-action link. */
  paragraphs: string[];
  /**
   * The call to action. `secret`: a one-time link that acts for the recipient (set a password, confirm a consent):
   * it goes out in the mail but staff reading Outgoing mail see a note instead.
   */
  action?: { label: string; url: string; secret?: boolean };
  ics?: string;
}

export type MailTemplate<P> = (t: Translate, params: P) => MailContent;

function HtmlMail({ locale, content }: { locale: Locale; content: MailContent }): ComponentChildren {
  return (
    <html lang={locale} dir={direction(locale)}>
      <head>
        <meta charset="utf-8" />
        <title>{content.subject}</title>
      </head>
      <body style="font-family: 'Noto Sans', Arial, sans-serif; line-height: 1.5; color: #1b1b1b;">
        {content.paragraphs.map((p) => (
          <p>{p}</p>
        ))}
        {content.action && (
          <p>
            <a href={content.action.url} style="display: inline-block; background: #1d5c63; color: #ffffff; padding: 10px 18px; border-radius: 6px; text-decoration: none;">
              {content.action.label}
            </a>
          </p>
        )}
        {content.action && (
          <p dir="ltr" style="font-size: 13px; color: #555;">
            {content.action.url}
          </p>
        )}
        <p style="font-size: 13px; color: #555;">Tandem</p>
      </body>
    </html>
  );
}

/**
 * The plain-text mail. In a right-to-left mail the link goes on a line of its own: beside Arabic words on one line the
 * bidi algorithm would reorder the address's parts, and bidi control characters around it would end up inside the
 * link that mail programs detect.
 */
const plainText = (locale: Locale, content: MailContent, url?: string) => {
  const link = url ?? content.action?.url;
  const action = content.action ? [direction(locale) === 'rtl' ? `${content.action.label}:\n${link}` : `${content.action.label}: ${link}`] : [];
  return [...content.paragraphs, ...action, '—', 'Tandem'].join('\n\n');
};

/** The mail as sent (text and HTML), and the text staff may read: a secret link replaced by a note in the mail's language. */
export function renderMail(locale: Locale, content: MailContent): { text: string; html: string; displayText: string } {
  const text = plainText(locale, content);
  const html = `<!doctype html>${render(<HtmlMail locale={locale} content={content} />)}`;
  const displayText = content.action?.secret ? plainText(locale, content, translator(locale)('mail.secretLinkHidden')) : text;
  return { text, html, displayText };
}

/**
 * Writes a mail to the outbox in the caller's transaction and queues its delivery, so a mail goes out
 * only if the change that causes it commits. The template runs in the recipient's language.
 */
export async function queueMail<P>(
  tx: Tx,
  mail: { organisationId: string | null; to: string; locale: Locale; template: MailTemplate<P>; params: P },
): Promise<string> {
  const content = mail.template(translator(mail.locale), mail.params);
  const { text, html, displayText } = renderMail(mail.locale, content);
  const [row] = await tx
    .insert(outbox)
    .values({
      organisationId: mail.organisationId,
      toAddress: mail.to,
      subject: content.subject,
      textBody: text,
      htmlBody: html,
      displayText,
      locale: mail.locale,
      icsBody: content.ics ?? null,
    })
    .returning({ id: outbox.id });
  await enqueue(tx, 'mail.send', { outboxId: row!.id });
  return row!.id;
}
