/** Reading raw MIME messages as the test SMTP server received them: headers, parts, iCalendar properties. */

const fromQuotedPrintable = (text: string) => Buffer.from(text.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

/** One MIME part of a raw message (`text/calendar`, `text/html`, `text/plain`), decoded; a calendar's folded lines joined (RFC 5545 §3.1). */
export function mimePart(raw: string, type: string): string {
  const re = new RegExp(`Content-Type: ${type.replace('/', '\\/')}[^\\r\\n]*(?:\\r\\n[ \\t][^\\r\\n]*)*\\r\\n((?:[A-Za-z-]+:[^\\r\\n]*(?:\\r\\n[ \\t][^\\r\\n]*)*\\r\\n)*)\\r\\n([\\s\\S]*?)\\r\\n--`, 'i');
  const m = re.exec(raw);
  if (!m) throw new Error(`no ${type} part`);
  const headers = m[1]!;
  let body = m[2]!;
  if (/Content-Transfer-Encoding: base64/i.test(headers)) body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) body = fromQuotedPrintable(body.replace(/=\r\n/g, ''));
  return type === 'text/calendar' ? body.replace(/\r\n[ \t]/g, '') : body;
}

/** A header of a raw message with its RFC 2047 encoded words decoded ("=?UTF-8?Q?...?=" and "=?UTF-8?B?...?="). */
export function header(raw: string, name: string): string {
  const m = new RegExp(`^${name}: ((?:[^\\r\\n]*)(?:\\r\\n[ \\t][^\\r\\n]*)*)`, 'mi').exec(raw);
  if (!m) return '';
  // Unfolded, and the white space between two adjacent encoded words dropped (RFC 2047 §6.2), on a line or across a fold.
  const unfolded = m[1]!.replace(/\r\n([ \t])/g, '$1').replace(/\?=[ \t]+=\?/g, '?==?');
  return unfolded.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : fromQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

/** The subject and the plain-text body of a raw message (an empty text when it has no plain-text part). */
export function decodeMail(raw: string): { subject: string; text: string } {
  const subject = header(raw, 'Subject');
  try {
    return { subject, text: mimePart(raw, 'text/plain') };
  } catch {
    return { subject, text: '' };
  }
}

/** The value of a property line of an iCalendar text (first match). */
export const icsProp = (ics: string, name: string) => new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm').exec(ics)?.[1]?.trim();
