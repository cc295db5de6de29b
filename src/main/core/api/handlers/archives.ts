import fs from 'node:fs'
import type { archiveCommands } from '../../../../shared/commands/archives'
import { EarshotError, notFound } from '../../../../shared/errors'
import { inspectImportPath } from '../../archive/detect'
import { importArchive } from '../../archive/import-archive'
import { recordAudit } from '../../store/repos/audit'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

export const archivesHandlers: HandlersFor<typeof archiveCommands> = {
  'import:inspect': async (_ctx, { paths }) => Promise.all(paths.map((p) => inspectImportPath(p))),
  'import:archive': async (ctx, { workspaceId, path, mapping }) => {
    if (!ctx.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId))
      throw notFound(`Workspace ${workspaceId}`)
    if (!fs.existsSync(path)) throw new EarshotError('NOT_FOUND', `There is no file or folder at ${path}.`)
    const summary = await importArchive(ctx.db, {
      workspaceId,
      path,
      ...(mapping ? { mapping } : {}),
      onProgress: (p) => {
        ctx.events.emit('import:progress', { workspaceId, ...p })
        changed(ctx, ['conversations', 'messages', 'contacts'], workspaceId)
      },
    })
    recordAudit(ctx.db, {
      workspaceId,
      actor: ctx.actor,
      action: `import.${summary.kind}`,
      targetType: 'workspace',
      targetId: workspaceId,
      detail: `${summary.inserted} new of ${summary.total}`,
    })
    changed(ctx, ['accounts', 'conversations', 'messages', 'contacts'], workspaceId)
    return summary
  },
}
