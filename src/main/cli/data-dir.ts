import os from 'node:os'
import path from 'node:path'

export const APP_FOLDER = 'Earshot'

/**
 * Where Earshot keeps its data when no --data-dir is given: $EARSHOT_DATA_DIR, else the folder
 * Electron's app.getPath('userData') returns for "Earshot", so the desktop app and the CLI share data.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (env.EARSHOT_DATA_DIR) return path.resolve(env.EARSHOT_DATA_DIR)
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER)
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER)
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER)
}

export const resolveDataDir = (flag: string | undefined): string => (flag ? path.resolve(flag) : defaultDataDir())
