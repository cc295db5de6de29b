import fs from 'node:fs'
import type { importCommands } from '../../../../shared/commands/import'
import { EarshotError, notFound } from '../../../../shared/errors'
import { importMail } from '../../import/import'
import { recordAudit } from '../../store/repos/audit'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

export const importHandlers: HandlersFor<typeof importCommands> = {
  'import:mail': async (ctx, { workspaceId, paths, ownAddresses }) => {
    if (!ctx.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId))
      throw notFound(`Workspace ${workspaceId}`)
    const missing = paths.find((p) => !fs.existsSync(p))
    if (missing) throw new EarshotError('NOT_FOUND', `There is no file or folder at ${missing}.`)
    const result = await importMail(ctx.db, {
      workspaceId,
      paths,
      ownAddresses,
      dataDir: ctx.info.dataDir,
      onProgress: (p) => {
        ctx.events.emit('import:progress', { workspaceId, ...p })
        changed(ctx, ['conversations', 'messages', 'contacts'], workspaceId)
      },
    })
    recordAudit(ctx.db, {
      workspaceId,
      actor: ctx.actor,
      action: 'import.mail',
      targetType: 'workspace',
      targetId: workspaceId,
      detail: `${result.inserted} new of ${result.total}`,
    })
    changed(ctx, ['accounts', 'conversations', 'messages', 'contacts'], workspaceId)
    return { total: result.total, inserted: result.inserted, quarantined: result.quarantined }
  },
}
