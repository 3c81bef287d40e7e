import type { ComponentChildren } from 'preact';

/** A row of a table of figures: what it is about as the row's header, then its figures as numeric cells. */
export function FigureRow({ head, figures }: { head: ComponentChildren; figures: readonly ComponentChildren[] }) {
  return (
    <tr>
      <th scope="row">{head}</th>
      {figures.map((f) => (
        <td class="numeric">{f}</td>
      ))}
    </tr>
  );
}
