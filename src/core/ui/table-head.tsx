import type { ComponentChildren } from 'preact';

/**
 * The column headers of a table written by hand, where {@link DataTable} does not fit (a scrolling region around the
 * table, a row of form controls): one `<th scope="col">` a header.
 */
export function TableHead({ headers }: { headers: readonly ComponentChildren[] }) {
  return (
    <thead>
      <tr>
        {headers.map((h) => (
          <th scope="col">{h}</th>
        ))}
      </tr>
    </thead>
  );
}
