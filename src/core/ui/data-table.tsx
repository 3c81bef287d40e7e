import type { ComponentChildren } from 'preact';

/** One column of a {@link DataTable}: its header and how to render a row's cell. */
export interface Column<Row> {
  header: ComponentChildren;
  cell: (row: Row) => ComponentChildren;
  /** The cell names its row: rendered as `<th scope="row">` so screen readers announce it with every other cell. */
  rowHeader?: boolean;
  /** Class of the column's header (e.g. "numeric"). */
  headerClass?: string;
  /** Class of the column's cells (e.g. "numeric", "email-cell"). */
  cellClass?: string;
  /** Direction of the cells' text: "ltr" for e-mail addresses and codes, "auto" for what people typed. */
  dir?: 'ltr' | 'rtl' | 'auto';
  /** The language of a row's cell when it is not the page's (a document's title in its own language). */
  lang?: (row: Row) => string;
  /** The order the rows are sorted in by this column (`aria-sort` on the header). */
  sort?: 'ascending' | 'descending';
  /**
   * In a card table a cell is shown under its column's name (data-label): the header when it is text, this text when
   * the header is markup (a sort link); false leaves it out.
   */
  cardLabel?: string | false;
}

interface Props<Row> {
  /** What the table lists; visually hidden unless `captionVisible` (the page's heading usually says it already). */
  caption?: ComponentChildren;
  captionVisible?: boolean;
  /** Columns; a `false` entry is a column left out (e.g. a column only coordinators see). */
  columns: readonly (Column<Row> | false | null | undefined)[];
  rows: readonly Row[];
  /** Said in `<p class="empty">` instead of the table when there are no rows; without it, nothing is rendered. */
  empty?: ComponentChildren;
  /** The class of the empty message: "empty" (a dashed box) for a page's main list, "muted" for a part of a page. */
  emptyClass?: 'empty' | 'muted';
  /** On a phone each row is a card, each cell under its column's name (public/app.css `.table-cards`). */
  cards?: boolean;
  /** Class of the table besides "table-cards". */
  class?: string;
  labelledBy?: string;
  describedBy?: string;
  /** A `<tfoot>` (totals), under the rows. */
  foot?: ComponentChildren;
  /** The id of a row's `<tr>`, for links to it (`#concern-…`). */
  rowId?: (row: Row) => string;
}

/**
 * A table of records in the markup every list of the app uses: a scrolling `.table-wrap`, a caption, column headers
 * with `scope="col"`, an optional row-header column, and an empty state instead of a table with no rows.
 *
 * @example
 * <DataTable caption={t('x.title')} rows={items} empty={t('x.empty')} columns={[
 *   { header: t('field.name'), cell: (p) => p.name, rowHeader: true },
 *   { header: t('x.count'), cell: (p) => formatNumber(p.count, locale), cellClass: 'numeric' },
 * ]} />
 */
export function DataTable<Row>({ caption, captionVisible, columns, rows, empty, cards, class: extra, labelledBy, describedBy, foot, rowId, emptyClass = 'empty' }: Props<Row>) {
  if (rows.length === 0) return empty === undefined ? null : <p class={emptyClass}>{empty}</p>;
  const cols = columns.filter((c): c is Column<Row> => Boolean(c));
  const tableClass = [cards ? 'table-cards' : undefined, extra].filter(Boolean).join(' ') || undefined;
  return (
    <div class="table-wrap">
      <table class={tableClass} aria-labelledby={labelledBy} aria-describedby={describedBy}>
        {caption !== undefined && <caption class={captionVisible ? undefined : 'visually-hidden'}>{caption}</caption>}
        <thead>
          <tr>
            {cols.map((c) => (
              <th scope="col" class={c.headerClass} aria-sort={c.sort}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr id={rowId?.(row)}>
              {cols.map((c) => {
                if (c.rowHeader)
                  return (
                    <th scope="row" lang={c.lang?.(row)}>
                      {c.cell(row)}
                    </th>
                  );
                const label = !cards || c.cardLabel === false ? undefined : (c.cardLabel ?? (typeof c.header === 'string' ? c.header : undefined));
                return (
                  <td class={c.cellClass} dir={c.dir} lang={c.lang?.(row)} data-label={label}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}
