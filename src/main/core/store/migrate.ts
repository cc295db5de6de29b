import type Database from 'better-sqlite3'
import { EarshotError } from '../../../shared/errors'
import { MIGRATIONS, type Migration } from './migrations'

export const latestVersion = (migrations: readonly Migration[] = MIGRATIONS): number =>
  migrations.at(-1)?.version ?? 0

/**
 * Brings the database to `target` (default: the newest) in one transaction, tracked by
 * PRAGMA user_version. A database written by a newer Earshot is refused rather than guessed at.
 */
export function migrate(
  db: Database.Database,
  target = latestVersion(),
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number
  const known = latestVersion(migrations)
  if (from > known) {
    throw new EarshotError(
      'CONFLICT',
      `This data was written by a newer version of Earshot (schema ${from}; this version knows up to ${known}). ` +
        'Update Earshot, or start it with another data directory.',
    )
  }
  const pending = migrations.filter((m) => m.version > from && m.version <= target)
  if (pending.length === 0) return { from, to: from }
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up)
      db.pragma(`user_version = ${m.version}`)
    }
  })()
  return { from, to: pending.at(-1)!.version }
}

/** A reader cannot migrate; it refuses a schema it does not know instead of misreading it. */
export function assertCurrentSchema(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const version = db.pragma('user_version', { simple: true }) as number
  const known = latestVersion(migrations)
  if (version !== known) {
    throw new EarshotError(
      'CONFLICT',
      version > known
        ? `This data was written by a newer version of Earshot (schema ${version}; this version knows up to ${known}). Update Earshot.`
        : `This data needs an upgrade (schema ${version}, current ${known}). Start Earshot once to upgrade it.`,
    )
  }
}
