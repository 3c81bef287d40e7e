import type { ComponentChildren } from 'preact';
import { SelectOptions } from './form.js';

/**
 * The GET search form above a list (a GET form, so a filtered view can be bookmarked): the fields, then "apply" and,
 * once something is filtered, a link back to the unfiltered list (`clear`, to `clearHref`, by default `action`).
 */
export function FilterForm({ action, label, apply, clear, clearHref = action, filtered, children }: { action: string; label?: string; apply: string; clear?: string; clearHref?: string; filtered?: boolean; children: ComponentChildren }) {
  return (
    <form method="get" action={action} class="filters" role="search" aria-label={label}>
      {children}
      <div class="actions">
        <button type="submit" class="button button-secondary">
          {apply}
        </button>
        {filtered && clear !== undefined && <a href={clearHref}>{clear}</a>}
      </div>
    </form>
  );
}

/** The free-text search field of a filter form (`q`, at most 100 characters, as the list schemas allow). */
export function FilterSearch({ label, value }: { label: string; value: string | undefined }) {
  return (
    <div class="field">
      <label for="q">{label}</label>
      <input id="q" name="q" type="search" value={value ?? ''} maxLength={100} />
    </div>
  );
}

/** A choice in a filter form; with `any` the first option (empty value) leaves the filter off. */
export function FilterSelect({ name, label, any, options, selected }: { name: string; label: string; any?: string; options: readonly { value: string; label: ComponentChildren }[]; selected: string | undefined }) {
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        {any !== undefined && <option value="">{any}</option>}
        <SelectOptions options={options} selected={selected} />
      </select>
    </div>
  );
}

/** A page's `<h1>` with, where the user may take it, the page's main action as a button-styled link beside it. */
export function PageHead({ title, action }: { title: string; action?: { href: string; label: string } | false }) {
  return (
    <div class="page-head">
      <h1>{title}</h1>
      {action && (
        <a class="button" href={action.href}>
          {action.label}
        </a>
      )}
    </div>
  );
}
