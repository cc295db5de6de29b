import { z } from 'zod'
import { Id, type EpochMs } from '../domain'
import { command } from './define'

/** Where a customer was sent instead of being answered where they asked. */
export const REDIRECT_TARGETS = ['hotline', 'email', 'other'] as const
export type RedirectTarget = (typeof REDIRECT_TARGETS)[number]

/** What became of a conversation: answered where the customer asked, sent elsewhere, or left unanswered. */
export const ConversationOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answered') }).strict(),
  z.object({ kind: z.literal('redirected'), to: z.enum(REDIRECT_TARGETS) }).strict(),
  z.object({ kind: z.literal('unanswered') }).strict(),
])
export type ConversationOutcome = z.infer<typeof ConversationOutcome>

export interface OutcomeState {
  conversationId: number
  /** What counts in reports: what someone set, else what the messages say. */
  outcome: ConversationOutcome
  /** True when nobody set it: a reply sent in the channel means answered, none means unanswered. */
  derived: boolean
  setAt: EpochMs | null
  setBy: string | null
  /** Whether the conversation carries a product-feedback tag (see PRODUCT_FEEDBACK_TAGS). */
  productFeedback: boolean
}

/**
 * Product feedback is a tag, not a flag of its own: tags already have an audit trail, bulk tagging,
 * the inbox filter and exports. Either name counts (tags compare without case), so a German and an
 * English colleague mark the same thing; the report lists every conversation tagged with one of them.
 */
export const PRODUCT_FEEDBACK_TAGS = ['Produktfeedback', 'product feedback'] as const
export const isProductFeedbackTag = (tag: string): boolean =>
  PRODUCT_FEEDBACK_TAGS.some((name) => name.toLowerCase() === tag.toLowerCase())

const ConversationId = z.object({ conversationId: Id })

/** Outcome tracking on one conversation. */
export const outcomeCommands = {
  'outcome:get': command<OutcomeState>()(ConversationId.strict()),
  /** null goes back to the outcome derived from the messages. */
  'outcome:set': command<OutcomeState>()(ConversationId.extend({ outcome: ConversationOutcome.nullable() }).strict()),
}
