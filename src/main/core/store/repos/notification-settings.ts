import type { NotificationSettings } from '../../../../shared/commands/notifications'
import { AlertKind } from '../../../../shared/domain'
import type { Db } from '../db'

/** One row per kind the user turned off or on again, in the install-wide settings table. */
const keyOf = (kind: AlertKind): string => `notifications.${kind}`

export function readNotificationSettings(db: Db): NotificationSettings {
  const stored = new Map(
    (
      db.prepare("SELECT key, value FROM settings WHERE key GLOB 'notifications.*'").all() as {
        key: string
        value: string
      }[]
    ).map((r) => [r.key, r.value]),
  )
  const settings = {} as NotificationSettings
  for (const kind of AlertKind.options) settings[kind] = stored.get(keyOf(kind)) !== 'off'
  return settings
}

export function setNotificationKind(db: Db, kind: AlertKind, on: boolean): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(keyOf(kind), on ? 'on' : 'off')
}
