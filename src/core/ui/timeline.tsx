import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../i18n/index.js';
import type { PageContext } from './context.js';

/** One event of a {@link Timeline}: what happened, an optional note under it (a reason), when and who. */
export interface TimelineEvent {
  what: ComponentChildren;
  note?: ComponentChildren;
  at: Date;
  actorName?: string | null;
}

/**
 * A record's history, in the order given (callers pass newest first): each event with what happened in bold, its note
 * on the next line, then the time and who did it. `labelledBy` names the list by the heading above it; with no events
 * the `empty` message is shown instead.
 */
export function Timeline({ ctx, events, empty, labelledBy }: { ctx: PageContext; events: readonly TimelineEvent[]; empty: ComponentChildren; labelledBy: string }) {
  if (events.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ol class="role-list" aria-labelledby={labelledBy}>
      {events.map((e) => (
        <li>
          <div>
            <strong>{e.what}</strong>
            {e.note !== undefined && e.note !== null && e.note !== false && (
              <>
                <br />
                {e.note}
              </>
            )}
          </div>
          <span class="muted">
            <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, ctx.locale)}</time>
            {e.actorName ? ` · ${e.actorName}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
