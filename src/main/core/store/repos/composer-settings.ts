import { DEFAULT_UNDO_SECONDS, MAX_UNDO_SECONDS, type ComposerSettings } from '../../../../shared/commands/composer'
import type { Db } from '../db'

/** One person per installation writes the replies, so these are per data directory, not per workspace. */
const AGENT_NAME = 'composer.agentName'
const UNDO_SECONDS = 'composer.undoSeconds'

const read = (db: Db, key: string): string | null =>
  (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null

function write(db: Db, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key)
  else
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value)
}

export function getComposerSettings(db: Db): ComposerSettings {
  const undo = Number(read(db, UNDO_SECONDS) ?? DEFAULT_UNDO_SECONDS)
  return {
    agentName: read(db, AGENT_NAME),
    undoSeconds: Number.isInteger(undo) && undo >= 0 && undo <= MAX_UNDO_SECONDS ? undo : DEFAULT_UNDO_SECONDS,
  }
}

/** Who is at this app: the name on notes, in the audit log and on "Mine"; 'me' until the user gives one. */
export const currentAgent = (db: Db): string => read(db, AGENT_NAME) ?? 'me'

export function setComposerSettings(db: Db, settings: ComposerSettings): ComposerSettings {
  write(db, AGENT_NAME, settings.agentName)
  write(db, UNDO_SECONDS, String(settings.undoSeconds))
  return getComposerSettings(db)
}
