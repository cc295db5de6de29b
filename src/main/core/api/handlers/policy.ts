import type { policyCommands } from '../../../../shared/commands/policy'
import { notFound } from '../../../../shared/errors'
import { settleClocksInSteps } from '../../insight/clocks'
import { recordAudit } from '../../store/repos/audit'
import { markWorkspaceClocks } from '../../store/repos/clocks'
import { getPolicy, savePolicy } from '../../store/repos/policies'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

export const policyHandlers: HandlersFor<typeof policyCommands> = {
  'policy:get': (ctx, { workspaceId }) => {
    if (!ctx.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId))
      throw notFound(`Workspace ${workspaceId}`)
    return getPolicy(ctx.db, workspaceId)
  },
  /** Saves the policy, then recomputes the workspace's clocks before answering, in steps that keep the host responsive. */
  'policy:set': async (ctx, { workspaceId, policy }) => {
    ctx.db.transaction(() => {
      if (!ctx.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId))
        throw notFound(`Workspace ${workspaceId}`)
      savePolicy(ctx.db, workspaceId, policy)
      markWorkspaceClocks(ctx.db, workspaceId)
      recordAudit(ctx.db, {
        workspaceId,
        actor: ctx.actor,
        action: 'policy.set',
        targetType: 'workspace',
        targetId: workspaceId,
        detail: JSON.stringify(policy),
      })
    })()
    await settleClocksInSteps(ctx.db, { workspaceId })
    changed(ctx, ['settings', 'conversations'], workspaceId)
    return getPolicy(ctx.db, workspaceId)
  },
}
