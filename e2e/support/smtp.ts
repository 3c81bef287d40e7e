import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the test SMTP server received it, decoded. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string;
  subject: string;
  headers: Record<string, string>;
  text: string;
  html: string;
  raw: string;
}

interface Waiter {
  to: string;
  resolve(mail: ReceivedMail): void;
}

/**
 * A real SMTP server on 127.0.0.1 for the app to send to (no auth, no TLS). Every mail is parsed and kept;
 * `nextMail(to)` hands out each mail once, in arrival order, and waits for it when it has not come yet —
 * tests never sleep.
 */
export interface TestSmtp {
  port: number;
  url: string;
  /** Every mail received so far. */
  received: ReceivedMail[];
  /** The next not-yet-taken mail to this address (already received or the next to arrive). */
  nextMail(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const waiters: Waiter[] = [];

  const deliver = (mail: ReceivedMail) => {
    received.push(mail);
    const i = waiters.findIndex((w) => mail.to.includes(w.to));
    if (i >= 0) {
      const [w] = waiters.splice(i, 1);
      taken.add(mail);
      w!.resolve(mail);
    }
  };

  const server = new SMTPServer({
    authOptional: true,
    secure: false,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        try {
          const raw = Buffer.concat(chunks).toString('utf8');
          const to = session.envelope.rcptTo.map((a) => a.address.toLowerCase());
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          deliver({ ...parseMessage(raw), to, from, raw });
          callback();
        } catch (err) {
          callback(err as Error);
        }
      });
    },
  });
  server.on('error', () => {}); // a client dropping the connection is not a test failure

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    nextMail(to, timeoutMs = 5_000) {
      const address = to.toLowerCase();
      const ready = received.find((m) => !taken.has(m) && m.to.includes(address));
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise<ReceivedMail>((resolve, reject) => {
        const waiter: Waiter = {
          to: address,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          const seen = received.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ') || 'none';
          reject(new Error(`No mail to ${to} arrived within ${timeoutMs} ms (received so far: ${seen})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// --- A minimal MIME reader: headers, RFC 2047 words, multipart, quoted-printable and base64 -------------

interface Part {
  headers: Record<string, string>;
  body: string;
}

function splitHeaders(raw: string): Part {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function param(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2]) : undefined;
}

function qpBytes(input: string, underscoreIsSpace = false): Buffer {
  const s = input.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (underscoreIsSpace && c === '_') {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeCharset(buf: Buffer, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(buf);
  } catch {
    return buf.toString('utf8');
  }
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=) in a header value. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2') // whitespace between adjacent encoded words is not part of the text
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) =>
      decodeCharset(enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qpBytes(text, true), charset.split('*')[0]),
    );
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const charset = param(part.headers['content-type'], 'charset') ?? 'utf-8';
  if (encoding === 'base64') return decodeCharset(Buffer.from(part.body.replace(/\s+/g, ''), 'base64'), charset);
  if (encoding === 'quoted-printable') return decodeCharset(qpBytes(part.body), charset);
  return part.body;
}

function leaves(part: Part): Part[] {
  const type = part.headers['content-type'] ?? 'text/plain';
  const boundary = param(type, 'boundary');
  if (!/^multipart\//i.test(type) || !boundary) return [part];
  const sections = part.body.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
  // sections[0] is the preamble, the last one the epilogue (or empty)
  return sections
    .slice(1)
    .filter((s) => s.trim() !== '')
    .flatMap((s) => leaves(splitHeaders(s)));
}

/** Parses a raw RFC 5322 message into subject, plain text and HTML. */
export function parseMessage(raw: string): Omit<ReceivedMail, 'to' | 'from' | 'raw'> {
  const top = splitHeaders(raw);
  const headers = Object.fromEntries(Object.entries(top.headers).map(([k, v]) => [k, decodeWords(v)]));
  let text = '';
  let html = '';
  for (const leaf of leaves(top)) {
    const type = (leaf.headers['content-type'] ?? 'text/plain').toLowerCase();
    if (/attachment/i.test(leaf.headers['content-disposition'] ?? '')) continue;
    if (type.startsWith('text/plain') && !text) text = decodeBody(leaf);
    else if (type.startsWith('text/html') && !html) html = decodeBody(leaf);
  }
  return { subject: headers.subject ?? '', headers, text, html };
}

/** The first link in a mail that starts with `prefix` (e.g. "http://127.0.0.1:1234/invitation/"). */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}[A-Za-z0-9_~.%/-]+`).exec(mail.text) ?? new RegExp(`${escaped}[A-Za-z0-9_~.%/-]+`).exec(mail.html);
  if (!m) throw new Error(`No link starting with ${prefix} in the mail "${mail.subject}":\n${mail.text}`);
  return m[0];
}

/** One leaf of a received mail (text, HTML, calendar, attachment), with its body decoded. */
export interface MailPart {
  contentType: string;
  disposition: string;
  body: string;
}

/** Every leaf part of a mail, decoded — for what `parseMessage` leaves out (calendar parts, attachments). */
export function partsOf(mail: ReceivedMail): MailPart[] {
  return leaves(splitHeaders(mail.raw)).map((leaf) => ({
    contentType: (leaf.headers['content-type'] ?? 'text/plain').toLowerCase(),
    disposition: (leaf.headers['content-disposition'] ?? '').toLowerCase(),
    body: decodeBody(leaf),
  }));
}

/** The iCalendar text of a mail (its text/calendar part, else an .ics attachment), unfolded (RFC 5545 §3.1). */
export function calendarOf(mail: ReceivedMail): string {
  const parts = partsOf(mail);
  const part = parts.find((p) => p.contentType.startsWith('text/calendar')) ?? parts.find((p) => /\.ics\b/.test(p.contentType + p.disposition));
  if (!part) throw new Error(`No calendar part in the mail "${mail.subject}" (parts: ${parts.map((p) => p.contentType).join(', ')})`);
  return part.body.replace(/\r?\n[ \t]/g, '');
}
