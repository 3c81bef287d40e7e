import type { ComponentChildren } from 'preact';

/**
 * A muted line under the main text of a cell or list item (a flag such as "possible duplicate", a note, who did it):
 * a line break, then the text. `lang` where the text is in another language than the page (a consent's wording).
 */
export function MutedLine({ lang, children }: { lang?: string; children: ComponentChildren }) {
  return (
    <>
      <br />
      <span class="muted" lang={lang}>
        {children}
      </span>
    </>
  );
}
