import {
  PRODUCT_FEEDBACK_TAGS,
  type ConversationOutcome,
  type OutcomeState,
  type RedirectTarget,
} from '../../../../shared/commands/outcomes'
import { notFound } from '../../../../shared/errors'
import type { Db } from '../db'

interface OutcomeRow {
  replied: number
  outcome: ConversationOutcome['kind'] | null
  redirectedTo: RedirectTarget | null
  setAt: number | null
  setBy: string | null
  productFeedback: number
}

const toOutcome = (kind: ConversationOutcome['kind'], to: RedirectTarget | null): ConversationOutcome =>
  kind === 'redirected' ? { kind, to: to! } : { kind }

/** A conversation's outcome: what someone set, else derived (a reply sent in the channel means answered). */
export function getOutcome(db: Db, conversationId: number): OutcomeState {
  const row = db
    .prepare(
      `SELECT c.first_reply_at IS NOT NULL AS replied, o.outcome, o.redirected_to AS redirectedTo,
              o.set_at AS setAt, o.set_by AS setBy,
              EXISTS (SELECT 1 FROM conversation_tags x JOIN tags t ON t.id = x.tag_id
                      WHERE x.conversation_id = c.id AND t.name IN (SELECT value FROM json_each(@feedbackTags))) AS productFeedback
       FROM conversations c LEFT JOIN conversation_outcomes o ON o.conversation_id = c.id
       WHERE c.id = @conversationId`,
    )
    .get({ conversationId, feedbackTags: JSON.stringify(PRODUCT_FEEDBACK_TAGS) }) as OutcomeRow | undefined
  if (!row) throw notFound(`Conversation ${conversationId}`)
  return {
    conversationId,
    outcome:
      row.outcome === null
        ? { kind: row.replied ? 'answered' : 'unanswered' }
        : toOutcome(row.outcome, row.redirectedTo),
    derived: row.outcome === null,
    setAt: row.setAt,
    setBy: row.setBy,
    productFeedback: row.productFeedback === 1,
  }
}

/** Sets the outcome by hand, or (null) goes back to the derived one. */
export function setOutcome(
  db: Db,
  change: { conversationId: number; workspaceId: number; outcome: ConversationOutcome | null; actor: string },
  now = Date.now(),
): void {
  const { conversationId, workspaceId, outcome, actor } = change
  if (outcome === null) {
    db.prepare('DELETE FROM conversation_outcomes WHERE conversation_id = ?').run(conversationId)
    return
  }
  db.prepare(
    `INSERT INTO conversation_outcomes (conversation_id, workspace_id, outcome, redirected_to, set_at, set_by)
     VALUES (@conversationId, @workspaceId, @outcome, @redirectedTo, @now, @actor)
     ON CONFLICT (conversation_id) DO UPDATE SET outcome = excluded.outcome, redirected_to = excluded.redirected_to,
       set_at = excluded.set_at, set_by = excluded.set_by`,
  ).run({
    conversationId,
    workspaceId,
    outcome: outcome.kind,
    redirectedTo: outcome.kind === 'redirected' ? outcome.to : null,
    now,
    actor,
  })
}
