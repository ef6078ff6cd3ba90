import type { ComponentChildren } from 'preact';

/** A column: its header, and what each row shows in it. */
export interface Column<T> {
  header: string;
  /** A count: header and cells aligned for numbers. */
  numeric?: boolean;
  /** Classes of the body cells ("cell-name"…). */
  cellClass?: string;
  cell: (row: T) => ComponentChildren;
}

const numberClass = (column: { numeric?: boolean }): string | undefined =>
  column.numeric ? 'cell-number' : undefined;

interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  keyOf: (row: T) => string;
}

/** A plain list page's table in its card: one row per item, nothing editable in place. */
export function DataTable<T>({ rows, columns, keyOf }: DataTableProps<T>) {
  return (
    <div class="table-card">
      <table class="table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" class={numberClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={keyOf(row)}>
              {columns.map((column) => (
                <td key={column.header} class={column.cellClass ?? numberClass(column)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
