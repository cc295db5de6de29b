import type { WatchedFeed } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'

/** The workspace's watched feeds, refetched whenever a check or a change reports new state. */
export function useFeeds(workspaceId: number) {
  const query = useQuery<WatchedFeed[]>(`feeds:${workspaceId}`, () => api.invoke('watch:list', { workspaceId }))
  useDbChanged(['feeds'], workspaceId, query.reload)
  return query
}
