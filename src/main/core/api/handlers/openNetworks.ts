import type { openNetworkCommands } from '../../../../shared/commands/openNetworks'
import { EarshotError, notFound } from '../../../../shared/errors'
import { mastodonReplyFacts } from '../../sync/mastodon-accounts'
import type { HandlersFor } from '../dispatch'

export const openNetworksHandlers: HandlersFor<typeof openNetworkCommands> = {
  'mastodon:replyFacts': (ctx, { conversationId }) => {
    const channel = ctx.db.prepare('SELECT channel FROM conversations WHERE id = ?').pluck().get(conversationId) as
      string | undefined
    if (channel === undefined) throw notFound('The conversation')
    if (channel !== 'mastodon')
      throw new EarshotError('INVALID', `Conversation ${conversationId} is on ${channel}, not Mastodon.`)
    return mastodonReplyFacts(ctx.db, conversationId)
  },
}
