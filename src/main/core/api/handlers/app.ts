import type { appCommands } from '../../../../shared/commands/app'
import type { HandlersFor } from '../dispatch'

export const appHandlers: HandlersFor<typeof appCommands> = {
  'app:info': (ctx) => ({ ...ctx.info, agent: ctx.actor }),
}
