import type { ComponentChildren } from 'preact';
import { MutedLine } from './muted-line.js';

/** One figure of {@link Stats}: the number (already formatted), what it counts, and an optional note under it. */
export interface Stat {
  value: ComponentChildren;
  label: ComponentChildren;
  note?: ComponentChildren;
}

/** Key figures in a row (`ul.stats`): each the number large, then what it counts. */
export function Stats({ items }: { items: readonly Stat[] }) {
  return (
    <ul class="stats">
      {items.map((s) => (
        <li>
          <span class="stat-value">{s.value}</span> {s.label}
          {s.note && <MutedLine>{s.note}</MutedLine>}
        </li>
      ))}
    </ul>
  );
}
