import type { ComponentChildren } from 'preact';
import { DataTable, type PageContext } from '../../../core/ui/index.js';
import type { NetworkTable } from '../network.schemas.js';

/** The figures of one organisation or of the whole network (an organisation's row has them all). */
type Figures = NetworkTable['totals'];

/**
 * One network's figures: a row per organisation and the network's total under them, a column per measure (a card
 * per organisation on a phone). `cell` draws one figure of a row.
 */
export function OrganisationsTable<M extends string>(props: {
  ctx: PageContext;
  network: NetworkTable;
  measures: readonly M[];
  label: (measure: M) => string;
  cell: (figures: Figures, measure: M) => ComponentChildren;
  caption?: string;
  labelledBy?: string;
  describedBy: string;
}) {
  const { ctx, network, measures, label, cell } = props;
  const cells = (f: Figures) =>
    measures.map((m) => (
      <td class="numeric" data-label={label(m)}>
        {cell(f, m)}
      </td>
    ));
  return (
    <DataTable
      cards
      caption={props.caption}
      labelledBy={props.labelledBy}
      describedBy={props.describedBy}
      rows={network.organisations}
      columns={[
        { header: ctx.t('network.organisation'), rowHeader: true, cell: (o) => o.name },
        ...measures.map((m) => ({ header: label(m), headerClass: 'numeric', cellClass: 'numeric', cell: (o: Figures) => cell(o, m) })),
      ]}
      foot={
        <tr>
          <th scope="row">{ctx.t('network.total')}</th>
          {cells(network.totals)}
        </tr>
      }
    />
  );
}
