import {
  createRow,
  getMemoOptions,
  memo,
  type Row,
  type RowData,
  type RowModel,
  type Table,
} from '@tanstack/react-table'

/**
 * TanStack's core row model for a list that grows a page at a time. The stock one builds a Row (a
 * dozen closures each) for every item whenever the data changes, so loading the inbox's 100th page
 * rebuilt 10,000 rows in the middle of a scroll. Here an item still at the same index keeps its Row,
 * with its cached cells and the identity that lets a memoised row component skip rendering; only new
 * or replaced items get a new Row. Flat lists only: sub-rows are not read.
 */
export function getAppendingRowModel<T extends RowData>(): (table: Table<T>) => () => RowModel<T> {
  return (table) => {
    let previous: Row<T>[] = []
    return memo(
      () => [table.options.data],
      (data) => {
        const rows = data.map((original, index) => {
          const kept = previous[index]
          return kept?.original === original
            ? kept
            : createRow(table, table._getRowId(original, index), original, index, 0)
        })
        previous = rows
        return withLazyRowsById(rows)
      },
      getMemoOptions(table.options, 'debugTable', 'getRowModel', () => table._autoResetPageIndex()),
    )
  }
}

/** The id index is for lookups by id, which the inbox never makes: built on first use, not per page. */
function withLazyRowsById<T extends RowData>(rows: Row<T>[]): RowModel<T> {
  let byId: Record<string, Row<T>> | null = null
  return {
    rows,
    flatRows: rows,
    get rowsById() {
      byId ??= Object.fromEntries(rows.map((row) => [row.id, row]))
      return byId
    },
  }
}
