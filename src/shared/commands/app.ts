import { command, Empty } from './define'

export interface AppInfo {
  version: string
  host: 'electron' | 'web'
  dataDir: string
}

/** What app:info answers: the host's facts and who is at the keyboard. */
export interface AppInfoWithAgent extends AppInfo {
  /** The name this host acts under: author of notes and audit entries, and whose work "Mine" shows. */
  agent: string
}

export const appCommands = {
  'app:info': command<AppInfoWithAgent>()(Empty),
}
