import { z } from 'zod'
import { Id } from '../domain'
import { command } from './define'

export interface ImportSummary {
  /** Messages read from the files (new or already there). */
  total: number
  inserted: number
  quarantined: number
}

export const importCommands = {
  /**
   * Imports mail files (mbox, maildir, .eml; paths on this machine) into a workspace. Re-runnable;
   * progress arrives as 'import:progress' events; unreadable messages are quarantined, not lost.
   */
  'import:mail': command<ImportSummary>()(
    z
      .object({
        workspaceId: Id,
        paths: z.array(z.string().trim().min(1).max(4096)).min(1).max(100),
        ownAddresses: z.array(z.string().trim().toLowerCase().max(320)).max(50).default([]),
      })
      .strict(),
  ),
}
