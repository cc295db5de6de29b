import type { CannedReply, ComposerSettings } from '../../../../shared/contract'
import type { ConversationRow } from '../../../../shared/domain'
import type { ReplyTarget } from '../../../../shared/replyRules'
import type { TemplateValues } from '../../../../shared/templates'
import { api } from '../../api/client'
import { useDbChanged, useQuery, type QueryState } from '../../api/hooks'

/** A workspace's canned replies, refetched whenever someone changes one. */
export function useCannedReplies(workspaceId: number): QueryState<CannedReply[]> {
  const query = useQuery(`canned:${workspaceId}`, () => api.invoke('canned:list', { workspaceId }))
  useDbChanged(['canned_replies'], workspaceId, query.reload)
  return query
}

/** What canned replies fill in for this conversation; the agent's name comes from the settings. */
export function useTemplateValues(conversationId: number, workspaceId: number): QueryState<TemplateValues> {
  const query = useQuery(`composer-values:${conversationId}`, () =>
    api.invoke('composer:variables', { conversationId }),
  )
  useDbChanged(['settings', 'contacts'], workspaceId, query.reload)
  return query
}

/**
 * A Mastodon conversation's reply limit depends on the instance (read by the core) and on the
 * handle the reply will start with; other channels need nothing beyond the conversation.
 */
export function useReplyFacts(
  conversation: Pick<ConversationRow, 'id' | 'channel' | 'workspaceId'>,
): Pick<ReplyTarget, 'mastodon'> {
  const { id, channel } = conversation
  const query = useQuery(channel === 'mastodon' ? `mastodon-facts:${id}` : null, () =>
    api.invoke('mastodon:replyFacts', { conversationId: id }),
  )
  useDbChanged(['accounts', 'messages'], conversation.workspaceId, query.reload)
  return query.data ? { mastodon: query.data } : {}
}

export function useComposerSettings(): QueryState<ComposerSettings> {
  const query = useQuery('composer-settings', () => api.invoke('composer:settings', {}))
  useDbChanged(['settings'], null, query.reload)
  return query
}
