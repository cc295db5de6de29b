import { useEffect, useState } from 'react'
import type { EventMap } from '../../../../shared/contract'
import type { Account } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'

export interface AccountsState {
  accounts: Account[] | undefined
  error: unknown
  loading: boolean
  /** When the core will try a failing account again, as last announced by 'account:state'. */
  retryAt: ReadonlyMap<number, number>
  reload: () => void
}

/**
 * The workspace's accounts, refetched when the core reports a connection change or a change to the
 * accounts table, so a "reconnect" shows up without a reload.
 */
export function useAccounts(workspaceId: number | null): AccountsState {
  const { data, error, loading, reload } = useQuery(workspaceId === null ? null : `accounts:${workspaceId}`, () =>
    api.invoke('accounts:list', workspaceId === null ? {} : { workspaceId }),
  )
  useDbChanged(['accounts'], workspaceId, reload)
  const [retryAt, setRetryAt] = useState<ReadonlyMap<number, number>>(new Map())

  useEffect(
    () =>
      api.on('account:state', (event: EventMap['account:state']) => {
        setRetryAt((old) => {
          const next = new Map(old)
          if (event.retryAt === null) next.delete(event.accountId)
          else next.set(event.accountId, event.retryAt)
          return next
        })
        reload()
      }),
    [reload],
  )

  return { accounts: data, error, loading, retryAt, reload }
}
