import type { notificationCommands } from '../../../../shared/commands/notifications'
import { recordAudit } from '../../store/repos/audit'
import { readNotificationSettings, setNotificationKind } from '../../store/repos/notification-settings'
import type { HandlersFor } from '../dispatch'
import { changed } from './support'

export const notificationsHandlers: HandlersFor<typeof notificationCommands> = {
  'notifications:get': (ctx) => readNotificationSettings(ctx.db),
  'notifications:set': (ctx, { kind, on }) => {
    ctx.db.transaction(() => {
      setNotificationKind(ctx.db, kind, on)
      recordAudit(ctx.db, {
        workspaceId: null,
        actor: ctx.actor,
        action: on ? 'notifications.on' : 'notifications.off',
        targetType: 'settings',
        targetId: null,
        detail: kind,
      })
    })()
    changed(ctx, ['settings'], null)
    return readNotificationSettings(ctx.db)
  },
}
