import type { ComponentChildren } from 'preact';

/**
 * A list of records, or what to say instead when there are none (as {@link DataTable} does for tables): `render`
 * draws one record's `<li>`. `ordered` for an `<ol>` (a history, a ranking); `emptyClass` "empty" (a dashed box)
 * for a page's main list, "muted" for a part of a page.
 *
 * @example
 * <ItemList items={runs} empty={t('runs.none')} emptyClass="muted" render={(r) => <li>{r.name}</li>} />
 */
export function ItemList<Item>({ items, empty, emptyClass = 'empty', ordered, class: cls, render }: { items: readonly Item[]; empty: ComponentChildren; emptyClass?: 'empty' | 'muted'; ordered?: boolean; class?: string; render: (item: Item) => ComponentChildren }) {
  if (items.length === 0) return <p class={emptyClass}>{empty}</p>;
  const List = ordered ? 'ol' : 'ul';
  return <List class={cls}>{items.map(render)}</List>;
}
