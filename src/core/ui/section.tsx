import type { ComponentChildren } from 'preact';

/**
 * A `<section>` named by its heading (`aria-labelledby` the heading's id), so it is a landmark screen-reader users can
 * jump to. With `actions` the heading and the actions (an "Add" button) stand in a `.page-head` row.
 */
export function Section({ id, title, level = 2, actions, class: cls, children }: { id: string; title: ComponentChildren; level?: 2 | 3 | 4; actions?: ComponentChildren; class?: string; children?: ComponentChildren }) {
  const Heading = `h${level}` as 'h2';
  const heading = <Heading id={id}>{title}</Heading>;
  return (
    <section aria-labelledby={id} class={cls}>
      {actions ? (
        <div class="page-head">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
