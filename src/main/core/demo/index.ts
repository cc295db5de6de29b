import type { Db } from '../store/db'
import { createWorkspace } from '../store/repos/workspaces'
import { settleAllClocks } from '../insight/clocks'
import { generateDemo } from './generate'

export { generateDemo, DEFAULT_SEED, type DemoOptions, type DemoProgress, type DemoSummary } from './generate'
export { DEMO_LABEL } from './scenario'

const INITIALIZED_KEY = 'initialized'
export const EMPTY_WORKSPACE_NAME = 'My workspace'

/**
 * Runs once per data directory: the demo (or one empty workspace) on the very first start, then never
 * again, so a demo the user removed stays removed. Already-initialized directories cost one SELECT.
 */
/**
 * What a new data directory starts with: the demo (the app's first start), one empty workspace (the
 * app started with --no-demo), or nothing (CLI commands that write: they create what they need).
 */
export type FirstStart = 'first-start' | 'never' | 'nothing'

export function initializeOnFirstStart(db: Db, mode: FirstStart, now: number = Date.now()): void {
  if (db.prepare('SELECT 1 FROM settings WHERE key = ?').get(INITIALIZED_KEY)) return
  db.transaction(() => {
    // Checked again inside the write transaction: two processes racing here must not both build it.
    if (db.prepare('SELECT 1 FROM settings WHERE key = ?').get(INITIALIZED_KEY)) return
    if (mode === 'first-start') {
      generateDemo(db, { now })
      // The demo opens with every response-time clock already running, not settled on first look.
      settleAllClocks(db)
    } else if (mode === 'never') createWorkspace(db, { name: EMPTY_WORKSPACE_NAME, now })
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(INITIALIZED_KEY, JSON.stringify({ at: now, demo: mode === 'first-start' }))
  })()
}
