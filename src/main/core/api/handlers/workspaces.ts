import type { workspaceCommands } from '../../../../shared/commands/workspaces'
import { recordAudit } from '../../store/repos/audit'
import { listWorkspaces, removeWorkspace } from '../../store/repos/workspaces'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

export const workspacesHandlers: HandlersFor<typeof workspaceCommands> = {
  'workspaces:list': (ctx) => listWorkspaces(ctx.db),
  'workspaces:remove': (ctx, { workspaceId }) => {
    ctx.db.transaction(() => {
      removeWorkspace(ctx.db, workspaceId)
      recordAudit(ctx.db, {
        workspaceId: null,
        actor: ctx.actor,
        action: 'workspace.remove',
        targetType: 'workspace',
        targetId: workspaceId,
      })
    })()
    changed(ctx, ['workspaces', 'conversations', 'messages', 'contacts'], workspaceId)
    return null
  },
}
