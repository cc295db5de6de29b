import { createColumnHelper, createTable, type TableOptionsResolved } from '@tanstack/react-table'
import { describe, expect, it } from 'vitest'
import { getAppendingRowModel } from './appendingRowModel'

interface Item {
  id: number
  name: string
}

const col = createColumnHelper<Item>()
const columns = [col.accessor('name', { header: 'Name' })]

/** A table without React, as useReactTable makes one, whose data can be swapped like a store's rows. */
function tableOf(data: Item[]) {
  const options: TableOptionsResolved<Item> = {
    data,
    columns,
    getCoreRowModel: getAppendingRowModel<Item>(),
    getRowId: (item) => String(item.id),
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
  }
  const table = createTable(options)
  table.setOptions((prev) => ({ ...prev, state: table.initialState }))
  return {
    table,
    setData(next: Item[]) {
      table.setOptions((prev) => ({ ...prev, data: next }))
    },
  }
}

const items = (from: number, count: number): Item[] =>
  Array.from({ length: count }, (_, i) => ({ id: from + i, name: `Item ${from + i}` }))

describe('the appending row model', () => {
  it('keeps the rows of a page already loaded when the next page comes', () => {
    const first = items(0, 3)
    const { table, setData } = tableOf(first)
    const before = table.getRowModel().rows
    setData([...first, ...items(3, 2)])
    const after = table.getRowModel().rows
    expect(after.map((r) => r.id)).toEqual(['0', '1', '2', '3', '4'])
    after.slice(0, 3).forEach((row, i) => expect(row).toBe(before[i]))
    expect(after[4]!.getValue('name')).toBe('Item 4')
    expect(after[4]!.index).toBe(4)
  })

  it('makes a new row for an item replaced or moved, and keeps the rest', () => {
    const first = items(0, 3)
    const { table, setData } = tableOf(first)
    const before = table.getRowModel().rows
    const renamed = { id: 1, name: 'Renamed' }
    setData([first[0]!, renamed, first[2]!])
    const after = table.getRowModel().rows
    expect(after[0]).toBe(before[0])
    expect(after[1]).not.toBe(before[1])
    expect(after[1]!.getValue('name')).toBe('Renamed')
    expect(after[2]).toBe(before[2])

    // A new item on top moves every other one: their rows are made again, with their new index.
    setData([{ id: 9, name: 'New' }, ...first])
    const shifted = table.getRowModel().rows
    expect(shifted.map((r) => [r.id, r.index])).toEqual([
      ['9', 0],
      ['0', 1],
      ['1', 2],
      ['2', 3],
    ])
    expect(shifted[1]).not.toBe(after[0])
  })

  it('finds rows by id, and answers the same model while the data stays the same', () => {
    const { table } = tableOf(items(0, 4))
    const model = table.getRowModel()
    expect(table.getRow('2').original).toEqual({ id: 2, name: 'Item 2' })
    expect(model.rowsById['3']!.index).toBe(3)
    expect(model.flatRows).toBe(model.rows)
    expect(table.getRowModel()).toBe(model)
  })
})
