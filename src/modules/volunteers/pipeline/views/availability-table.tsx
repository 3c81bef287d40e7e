import type { PageContext } from '../../../../core/ui/index.js';
import { DAYS, SLOTS, weekdayName } from './labels.js';

/**
 * A weekly availability (days × morning/afternoon/evening) as a read-only table, for a volunteer's and a mentee's
 * page. A mark fits a phone screen; the words are there for screen readers.
 */
export function AvailabilityTable({ ctx, chosen, labelledBy, slotLabel, free, notFree }: { ctx: PageContext; chosen: readonly string[]; labelledBy: string; slotLabel: (slot: (typeof SLOTS)[number]) => string; free: string; notFree: string }) {
  const slots = new Set(chosen);
  return (
    <div class="table-wrap">
      <table class="availability-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <td></td>
            {SLOTS.map((s) => (
              <th scope="col">{slotLabel(s)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.map((d, i) => (
            <tr>
              <th scope="row">{weekdayName(ctx.locale, i)}</th>
              {SLOTS.map((s) => (
                <td>
                  {slots.has(`${d}-${s}`) ? (
                    <>
                      <span aria-hidden="true">✓</span>
                      <span class="visually-hidden">{free}</span>
                    </>
                  ) : (
                    <>
                      <span class="muted" aria-hidden="true">
                        –
                      </span>
                      <span class="visually-hidden">{notFree}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
