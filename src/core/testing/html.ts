/** Reading the app's HTML in tests: the visible text, the flash message, a field's error, the form's tokens. */
import type { TestClient } from './client.js';

/** The visible text of HTML (tags removed, the entities the renderer writes decoded, spaces collapsed). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of the flash message on the page at `path` (any page shows it; a redirect's location, usually). */
export async function flashOn(client: TestClient, path: string | undefined): Promise<string> {
  const page = await client.get(path ?? '/');
  return /<div class="flash[^"]*"[^>]*>([^<]*)<\/div>/.exec(page.body)?.[1] ?? '';
}

/** The message shown next to the control named `name` (`f-<name>-error`), without the hidden "Error:" prefix; or undefined. */
export function fieldError(html: string, name: string): string | undefined {
  const id = `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}-error`;
  const m = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return m?.[1]?.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '').trim();
}

/** The form-level message (`_form`) of the error summary. */
export function formErrorOf(body: string): string | undefined {
  return /<div class="error-summary"[\s\S]*?<li>([^<]+)<\/li>/.exec(body)?.[1];
}

/** The `_form` token of the last form page seen (the public forms' spam protection). */
export const formTokenOf = (body: string) => /name="_form" value="([^"]+)"/.exec(body)?.[1] ?? '';
