import { PRODUCT_FEEDBACK_TAGS } from '../../../../shared/commands/outcomes'
import type { FeedbackRow } from '../../../../shared/commands/reports'
import type { Channel } from '../../../../shared/domain'
import type { Db } from '../../store/db'
import { dayOfInstant } from './range'
import { rangeParams, type ReportScope } from './scope'

/** The customer's words are the point of the export; this much of the first message carries them. */
export const FEEDBACK_TEXT_LENGTH = 2_000

// Tags compare without case (0010), so the IN matches every spelling of the two names.
const TAGGED = `SELECT c.id AS conversationId, c.first_customer_message_at AS firstAt, c.channel, ct.display_name AS contactName,
    c.subject,
    (SELECT substr(m.body_text, 1, ${FEEDBACK_TEXT_LENGTH}) FROM messages m
     WHERE m.conversation_id = c.id AND m.direction = 'in' ORDER BY m.sent_at, m.id LIMIT 1) AS text
  FROM tags t
  JOIN conversation_tags x ON x.tag_id = t.id
  JOIN conversations c ON c.id = x.conversation_id
  JOIN contacts ct ON ct.id = c.contact_id
  WHERE t.workspace_id = @workspaceId AND t.name IN (SELECT value FROM json_each(@names))
    AND c.first_customer_message_at >= @fromMs AND c.first_customer_message_at < @toMs
  GROUP BY c.id
  ORDER BY c.first_customer_message_at, c.id`

/** Conversations a customer began in the range that someone tagged as product feedback, oldest first. */
export function productFeedback(db: Db, scope: ReportScope): FeedbackRow[] {
  const rows = db.prepare(TAGGED).all({ ...rangeParams(scope), names: JSON.stringify(PRODUCT_FEEDBACK_TAGS) }) as {
    conversationId: number
    firstAt: number
    channel: Channel
    contactName: string
    subject: string | null
    text: string | null
  }[]
  return rows.map(({ firstAt, text, ...row }) => ({
    ...row,
    day: scope.days[dayOfInstant(scope.days, firstAt)]!.date,
    text: text ?? '',
  }))
}
