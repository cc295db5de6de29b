import type { RedirectTarget } from '../../../../shared/commands/outcomes'
import type { ChannelOrAll, OutcomeRow } from '../../../../shared/commands/reports'
import type { Channel } from '../../../../shared/domain'
import type { Db } from '../../store/db'
import { rangeParams, type ReportScope } from './scope'

const DERIVED = `SELECT count(*) AS conversations, count(first_reply_at) AS replied FROM conversations
  WHERE workspace_id = @workspaceId AND channel = @channel
    AND first_customer_message_at >= @fromMs AND first_customer_message_at < @toMs`

// Set by hand on few conversations: read from their side, then matched to the range.
const SET_BY_HAND = `SELECT c.channel, c.first_reply_at IS NOT NULL AS replied, o.outcome, o.redirected_to AS redirectedTo
  FROM conversation_outcomes o JOIN conversations c ON c.id = o.conversation_id
  WHERE o.workspace_id = @workspaceId AND c.first_customer_message_at >= @fromMs AND c.first_customer_message_at < @toMs`

type Bucket = Exclude<keyof OutcomeRow, 'channel' | 'conversations'>
const REDIRECTED: Record<RedirectTarget, Bucket> = {
  hotline: 'redirectedHotline',
  email: 'redirectedEmail',
  other: 'redirectedOther',
}

const emptyRow = (channel: ChannelOrAll): OutcomeRow => ({
  channel,
  conversations: 0,
  answeredInChannel: 0,
  redirectedHotline: 0,
  redirectedEmail: 0,
  redirectedOther: 0,
  unanswered: 0,
})

/**
 * What became of the conversations a customer began in the range: derived from the messages (a reply
 * sent in the channel means answered there), except where someone set the outcome by hand.
 */
export function outcomesByChannel(db: Db, scope: ReportScope): OutcomeRow[] {
  const derived = db.prepare(DERIVED)
  const rows = new Map<Channel, OutcomeRow>(
    scope.channels.map((channel) => {
      const { conversations, replied } = derived.get({ ...rangeParams(scope), channel }) as {
        conversations: number
        replied: number
      }
      return [
        channel,
        { ...emptyRow(channel), conversations, answeredInChannel: replied, unanswered: conversations - replied },
      ]
    }),
  )
  const setByHand = db.prepare(SET_BY_HAND).all(rangeParams(scope)) as {
    channel: Channel
    replied: number
    outcome: 'answered' | 'redirected' | 'unanswered'
    redirectedTo: RedirectTarget | null
  }[]
  for (const o of setByHand) {
    const row = rows.get(o.channel)!
    row[o.replied ? 'answeredInChannel' : 'unanswered']--
    row[
      o.outcome === 'redirected'
        ? REDIRECTED[o.redirectedTo!]
        : o.outcome === 'answered'
          ? 'answeredInChannel'
          : 'unanswered'
    ]++
  }
  const all = emptyRow('all')
  for (const row of rows.values()) {
    for (const key of Object.keys(all) as (keyof OutcomeRow)[]) if (key !== 'channel') all[key] += row[key]
  }
  return [...rows.values(), all]
}
