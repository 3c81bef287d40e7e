import type { ComponentChildren } from 'preact';

/** A link to the next step, styled as a button, in a paragraph of its own (an action that changes nothing: a GET). */
export function ButtonLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a class="button" href={href}>
        {children}
      </a>
    </p>
  );
}
