import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.js';
import { Form } from './form.js';

const BUTTON_CLASS = { main: 'button', secondary: 'button button-secondary', link: 'link-button' } as const;

/**
 * A one-button form inline in the text (`.inline-form`): an action that changes something is a POST, never a link.
 * `look` is the button's: "main", "secondary" (to take with care) or "link" (a small action in a list); `hidden` are
 * fields the form posts along.
 */
export function ButtonForm({ ctx, action, look, hidden = {}, children }: { ctx: PageContext; action: string; look: keyof typeof BUTTON_CLASS; hidden?: Record<string, string>; children: ComponentChildren }) {
  return (
    <Form ctx={ctx} action={action} class="inline-form">
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={BUTTON_CLASS[look]}>
        {children}
      </button>
    </Form>
  );
}
