import type { workspaceCommands } from '../../../../shared/commands/workspaces'
import { checkExportFolder, exportInWorker } from '../../export/workspace-export'
import { recordAudit } from '../../store/repos/audit'
import {
  assertNameFree,
  createWorkspace,
  getWorkspace,
  listWorkspaces,
  removeWorkspace,
  renameWorkspace,
  setWorkspaceArchived,
} from '../../store/repos/workspaces'
import type { CoreContext } from '../context'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

/** A user's change to one workspace: the change and its audit entry commit together, then hosts hear of it. */
function changeWorkspace(ctx: CoreContext, action: string, detail: string | null, apply: () => number) {
  const workspaceId = ctx.db.transaction(() => {
    const id = apply()
    recordAudit(ctx.db, { workspaceId: id, actor: ctx.actor, action, targetType: 'workspace', targetId: id, detail })
    return id
  })()
  changed(ctx, ['workspaces'], workspaceId)
  return getWorkspace(ctx.db, workspaceId)
}

export const workspacesHandlers: HandlersFor<typeof workspaceCommands> = {
  'workspaces:list': (ctx, { includeArchived }) => listWorkspaces(ctx.db, { includeArchived }),
  'workspaces:create': (ctx, { name }) =>
    changeWorkspace(ctx, 'workspace.create', name, () => {
      assertNameFree(ctx.db, name)
      return createWorkspace(ctx.db, { name })
    }),
  'workspaces:rename': (ctx, { workspaceId, name }) =>
    changeWorkspace(ctx, 'workspace.rename', name, () => {
      assertNameFree(ctx.db, name, workspaceId)
      renameWorkspace(ctx.db, workspaceId, name)
      return workspaceId
    }),
  'workspaces:archive': (ctx, { workspaceId, archived }) =>
    changeWorkspace(ctx, archived ? 'workspace.archive' : 'workspace.restore', null, () => {
      setWorkspaceArchived(ctx.db, workspaceId, archived)
      return workspaceId
    }),
  'workspaces:export': async (ctx, { workspaceId, folder, format }) => {
    getWorkspace(ctx.db, workspaceId)
    const written = await exportInWorker(ctx.db, { folder: checkExportFolder(folder), format, workspaceId })
    recordAudit(ctx.db, {
      workspaceId,
      actor: ctx.actor,
      action: 'workspace.export',
      targetType: 'workspace',
      targetId: workspaceId,
      detail: written.folder,
    })
    return written
  },
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
