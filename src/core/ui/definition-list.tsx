import type { ComponentChildren } from 'preact';

/** One pair of a {@link DefinitionList}: the term, its value, and optionally the value's direction. */
export type Definition = readonly [term: ComponentChildren, value: ComponentChildren, dir?: 'ltr' | 'rtl' | 'auto'];

/**
 * The facts of one record as `<dl class="details">`, each term and value in a `<div>` (the grid in public/app.css).
 * A `false`/`null`/`undefined` entry is a fact left out (`cond && [term, value]`). `dir` applies to every value that
 * does not set its own: "auto" for answers people typed in their own language and script.
 */
export function DefinitionList({ items, dir, class: cls = 'details', id }: { items: readonly (Definition | false | null | undefined)[]; dir?: 'ltr' | 'rtl' | 'auto'; class?: string; id?: string }) {
  return (
    <dl id={id} class={cls}>
      {items.map(
        (item) =>
          item && (
            <div>
              <dt>{item[0]}</dt>
              <dd dir={item[2] ?? dir}>{item[1]}</dd>
            </div>
          ),
      )}
    </dl>
  );
}
