import type { reportCommands } from '../../../../shared/commands/reports'
import { notFound } from '../../../../shared/errors'
import { settleBeforeRead } from '../../insight/clocks'
import { buildReport, foldInSteps } from '../../insight/reports'
import type { HandlersFor } from '../dispatch'

export const reportsHandlers: HandlersFor<typeof reportCommands> = {
  /**
   * The writer first settles changed clocks and folds new messages into the rollup (in steps: the first
   * report after an upgrade folds the whole history); a reader adds what is not folded as it reads.
   */
  'report:get': async (ctx, { workspaceId, from, to }) => {
    if (!ctx.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId))
      throw notFound(`Workspace ${workspaceId}`)
    if (!ctx.db.readonly) {
      settleBeforeRead(ctx.db, workspaceId)
      await foldInSteps(ctx.db, [workspaceId])
    }
    return buildReport(ctx.db, workspaceId, { from, to })
  },
}
