import { useCallback, useEffect, useRef, useState } from 'react'
import type { ChangedTable, EventMap } from '../../../shared/contract'
import { api } from './client'

/**
 * Calls `onChange` when the core reports a change to one of `tables` in `workspaceId`
 * (or in every workspace, when the event names none). This replaces polling.
 */
export function useDbChanged(
  tables: readonly ChangedTable[],
  workspaceId: number | null,
  onChange: (event: EventMap['db:changed']) => void,
): void {
  const latest = useRef(onChange)
  useEffect(() => {
    latest.current = onChange
  })
  const key = tables.join(',')
  useEffect(() => {
    const wanted = new Set(key.split(','))
    return api.on('db:changed', (event) => {
      if (workspaceId !== null && event.workspaceId !== null && event.workspaceId !== workspaceId) return
      if (event.tables.some((t) => wanted.has(t))) latest.current(event)
    })
  }, [key, workspaceId])
}

export interface QueryState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
}

interface Settled<T> {
  key: string | null
  generation: number
  data: T | undefined
  error: unknown
}

/**
 * Loads `load()` whenever `key` changes and on `reload()`. Stale answers are dropped, so a slow
 * response for a previous conversation can never overwrite the current one. "Loading" is derived
 * (the last settled answer is for another key or generation) rather than stored, and the previous
 * data stays visible during a reload so the view does not flicker on every db:changed.
 */
export function useQuery<T>(key: string | null, load: () => Promise<T>): QueryState<T> {
  const [settled, setSettled] = useState<Settled<T>>({ key: null, generation: 0, data: undefined, error: undefined })
  const [generation, setGeneration] = useState(0)
  const loader = useRef(load)
  useEffect(() => {
    loader.current = load
  })

  useEffect(() => {
    if (key === null) return
    let live = true
    loader.current().then(
      (data) => live && setSettled({ key, generation, data, error: undefined }),
      (error: unknown) =>
        live && setSettled((s) => ({ key, generation, data: s.key === key ? s.data : undefined, error })),
    )
    return () => {
      live = false
    }
  }, [key, generation])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const sameKey = settled.key === key
  return {
    data: sameKey ? settled.data : undefined,
    error: sameKey ? settled.error : undefined,
    loading: key !== null && (!sameKey || settled.generation !== generation),
    reload,
  }
}
