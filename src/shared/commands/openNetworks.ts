import { z } from 'zod'
import { Id } from '../domain'
import type { MastodonReplyFacts } from '../replyRules'
import { command } from './define'

/** Bluesky and Mastodon: what the composer needs to know beyond the conversation itself. */
export const openNetworkCommands = {
  /**
   * What a Mastodon reply's length depends on: the instance's own limit (read from the instance)
   * and the customer's handle, which the reply starts with unless it names them. INVALID for a
   * conversation on another channel.
   */
  'mastodon:replyFacts': command<MastodonReplyFacts>()(z.object({ conversationId: Id }).strict()),
}
