import type { ComponentChildren } from 'preact';

/**
 * The buttons of a confirmation: the action (`children`, the form's submit button) and a link back that leaves
 * everything as it was.
 */
export function SubmitOrCancel({ children, cancelHref, cancelLabel }: { children: ComponentChildren; cancelHref: string; cancelLabel: ComponentChildren }) {
  return (
    <div class="actions">
      <button type="submit" class="button">
        {children}
      </button>
      <a href={cancelHref}>{cancelLabel}</a>
    </div>
  );
}
