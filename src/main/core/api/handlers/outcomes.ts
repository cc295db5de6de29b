import type { outcomeCommands } from '../../../../shared/commands/outcomes'
import { getOutcome, setOutcome } from '../../store/repos/outcomes'
import type { HandlersFor } from '../dispatch'
import { changeConversation } from './support'

export const outcomesHandlers: HandlersFor<typeof outcomeCommands> = {
  'outcome:get': (ctx, { conversationId }) => getOutcome(ctx.db, conversationId),
  'outcome:set': (ctx, { conversationId, outcome }) => {
    const detail =
      outcome === null ? 'derived' : outcome.kind === 'redirected' ? `redirected:${outcome.to}` : outcome.kind
    changeConversation(ctx, conversationId, 'conversation.outcome', detail, (workspaceId) =>
      setOutcome(ctx.db, { conversationId, workspaceId, outcome, actor: ctx.actor }),
    )
    return getOutcome(ctx.db, conversationId)
  },
}
