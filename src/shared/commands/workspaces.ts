import { z } from 'zod'
import { Id, type Workspace } from '../domain'
import { command, Empty } from './define'

export const workspaceCommands = {
  'workspaces:list': command<Workspace[]>()(Empty),
  'workspaces:remove': command<null>()(z.object({ workspaceId: Id }).strict()),
}
