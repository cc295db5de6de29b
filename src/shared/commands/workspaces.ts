import { z } from 'zod'
import { Id, type Workspace } from '../domain'
import { command, ShortText } from './define'

export const ExportFormat = z.enum(['json', 'csv'])
export type ExportFormat = z.infer<typeof ExportFormat>

/** What an export wrote: one file per table, in the folder the user named. */
export interface WorkspaceExport {
  folder: string
  files: { table: string; file: string; rows: number }[]
}

/** A freelancer's client workspaces: each one isolated, created, renamed, archived, exported or removed. */
export const workspaceCommands = {
  /** Archived workspaces are left out unless asked for (the switcher never shows them). */
  'workspaces:list': command<Workspace[]>()(z.object({ includeArchived: z.boolean().default(false) }).strict()),
  'workspaces:create': command<Workspace>()(z.object({ name: ShortText }).strict()),
  'workspaces:rename': command<Workspace>()(z.object({ workspaceId: Id, name: ShortText }).strict()),
  /** Archives (hides, stops syncing) or restores a workspace; nothing in it is deleted. */
  'workspaces:archive': command<Workspace>()(z.object({ workspaceId: Id, archived: z.boolean() }).strict()),
  /**
   * Writes the workspace's tables (the same files as `earshot export`) into `folder`, an absolute
   * path on this machine that must be new or empty, so an export never overwrites anything.
   */
  'workspaces:export': command<WorkspaceExport>()(
    z
      .object({ workspaceId: Id, folder: z.string().trim().min(1).max(4096), format: ExportFormat.default('json') })
      .strict(),
  ),
  'workspaces:remove': command<null>()(z.object({ workspaceId: Id }).strict()),
}
