import type { ComponentChildren } from 'preact';

/** The attributes a value may carry: its direction ("ltr" for codes, "auto" for what people typed) and a class. */
export interface DefinitionValueAttrs {
  dir?: 'ltr' | 'rtl' | 'auto';
  class?: string;
}

/** One pair of a {@link DefinitionList}: the term, its value, and optionally the value's attributes. */
export type Definition = readonly [term: ComponentChildren, value: ComponentChildren, attrs?: DefinitionValueAttrs];

/**
 * The facts of one record as `<dl class="details">`, each term and value in a `<div>` (the grid in public/app.css).
 * A falsy entry is a fact left out, so a conditional fact reads `cond && [term, value]`. `dir` applies to every value
 * that does not set its own: "auto" for answers people typed in their own language and script.
 */
export function DefinitionList({ items, dir, class: cls = 'details', id }: { items: readonly (Definition | false | null | undefined | '')[]; dir?: 'ltr' | 'rtl' | 'auto'; class?: string; id?: string }) {
  return (
    <dl id={id} class={cls}>
      {items.map(
        (item) =>
          item && (
            <div>
              <dt>{item[0]}</dt>
              <dd class={item[2]?.class} dir={item[2]?.dir ?? dir}>
                {item[1]}
              </dd>
            </div>
          ),
      )}
    </dl>
  );
}
