import { withSystem } from '../../../core/db/tx.js';
import { matches, venues } from '../matching.table.js';
import type { WeeklyHours } from '../venues/opening-hours.js';
import type { World } from '../venues/test-helpers.js';

export * from '../venues/test-helpers.js';
export { startSmtp } from '../../../core/testing/smtp.js';

/** A match inserted directly (the match-making service belongs to another part). */
export async function createMatch(w: World, menteeId: string, volunteerId: string, opts: { organisationId?: string; status?: (typeof matches.$inferInsert)['status'] } = {}) {
  const [m] = await withSystem(w.db, (tx) => tx.insert(matches).values({ organisationId: opts.organisationId ?? w.org.id, menteeId, volunteerId, status: opts.status ?? 'active' }).returning());
  return m!;
}

export async function createVenue(w: World, v: { name: string; address?: string; openingHours?: string; weeklyHours?: WeeklyHours | null; active?: boolean; stepFree?: boolean; organisationId?: string }) {
  const [row] = await withSystem(w.db, (tx) =>
    tx
      .insert(venues)
      .values({ organisationId: v.organisationId ?? w.org.id, name: v.name, kind: 'cafe', address: v.address ?? 'ul. Lipowa 4, Zielona Dolina', openingHours: v.openingHours ?? '', weeklyHours: v.weeklyHours ?? null, active: v.active ?? true, stepFree: v.stepFree ?? false })
      .returning(),
  );
  return row!;
}

/** One MIME part of a raw message (`text/calendar`, `text/html`, `text/plain`), decoded, with folded lines joined. */
export function mimePart(raw: string, type: string): string {
  const re = new RegExp(`Content-Type: ${type.replace('/', '\\/')}[^\\r\\n]*(?:\\r\\n[ \\t][^\\r\\n]*)*\\r\\n((?:[A-Za-z-]+:[^\\r\\n]*(?:\\r\\n[ \\t][^\\r\\n]*)*\\r\\n)*)\\r\\n([\\s\\S]*?)\\r\\n--`, 'i');
  const m = re.exec(raw);
  if (!m) throw new Error(`no ${type} part`);
  const headers = m[1]!;
  let body = m[2]!;
  if (/Content-Transfer-Encoding: base64/i.test(headers)) body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (/Content-Transfer-Encoding: quoted-printable/i.test(headers))
    body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return type === 'text/calendar' ? body.replace(/\r\n[ \t]/g, '') : body;
}

/** A header of a raw message with its RFC 2047 encoded words decoded ("=?UTF-8?Q?...?=" and "=?UTF-8?B?...?="). */
export function header(raw: string, name: string): string {
  const m = new RegExp(`^${name}: ((?:[^\\r\\n]*)(?:\\r\\n[ \\t][^\\r\\n]*)*)`, 'mi').exec(raw);
  if (!m) return '';
  const unfolded = m[1]!.replace(/\?=\r\n[ \t]+=\?/g, '?==?').replace(/\r\n[ \t]+/g, ' ');
  return unfolded.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

/** The value of a property line of an iCalendar text (first match). */
export const icsProp = (ics: string, name: string) => new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm').exec(ics)?.[1]?.trim();

/** "YYYYMMDDTHHMMSSZ" of a date and UTC time. */
export const stamp = (date: string, hhmm: string) => `${date.replaceAll('-', '')}T${hhmm.replace(':', '')}00Z`;

/** Next year's EU clock changes (last Sundays of March and October) and the days after them. */
export function clockChanges(year = new Date().getUTCFullYear() + 1) {
  const lastSunday = (month: number) => [31, 30, 29, 28, 27, 26, 25].map((d) => new Date(Date.UTC(year, month, d))).find((d) => d.getUTCMonth() === month && d.getUTCDay() === 0)!;
  const day = (d: Date, plus = 0) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
  return { year, springForward: day(lastSunday(2)), afterAutumn: day(lastSunday(9), 1) };
}
