import { z } from 'zod'
import { AlertKind } from '../domain'
import { command, Empty } from './define'

/** Which alert kinds become desktop notifications; every kind is on until the user turns it off. */
export type NotificationSettings = Record<AlertKind, boolean>

export const notificationCommands = {
  'notifications:get': command<NotificationSettings>()(Empty),
  'notifications:set': command<NotificationSettings>()(z.object({ kind: AlertKind, on: z.boolean() }).strict()),
}
