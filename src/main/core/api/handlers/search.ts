import type { searchCommands } from '../../../../shared/commands/search'
import { search } from '../../store/repos/search'
import type { HandlersFor } from '../dispatch'

export const searchHandlers: HandlersFor<typeof searchCommands> = {
  'search:query': (ctx, arg) => search(ctx.db, arg),
}
