import type { Locale, Translate } from '../../../../core/i18n/index.js';
import { weeklyHoursLines } from '../hours-text.js';
import type { WeeklyHours } from '../opening-hours.js';

/** The week's hours, one line each (or "not given"), then the free note; for the settings list and the venue choice. */
export function WeeklyHoursText({ t, locale, hours, note }: { t: Translate; locale: Locale; hours: WeeklyHours | null; note?: string }) {
  const lines = weeklyHoursLines(t, locale, hours);
  return (
    <>
      {lines.length === 0 ? <span class="muted">{t('matching.settings.venues.noHours')}</span> : lines.map((line, i) => (i === 0 ? <>{line}</> : <><br />{line}</>))}
      {note && (
        <>
          <br />
          <span dir="auto">{note}</span>
        </>
      )}
    </>
  );
}
