import { command, Empty } from './define'

export interface AppInfo {
  version: string
  host: 'electron' | 'web'
  dataDir: string
}

export const appCommands = {
  'app:info': command<AppInfo>()(Empty),
}
