import path from 'node:path'

/**
 * The Electron shell's security decisions as plain functions, so tests check them without an
 * Electron binary. Types are structural on purpose: importing 'electron' here would make every
 * test that loads this file try to download Electron.
 */

/** The subset of Electron's `WebPreferences` we decide on. */
export interface SecureWebPreferences {
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  webSecurity: true
  allowRunningInsecureContent: false
  webviewTag: false
  spellcheck: true
  preload: string
}

export interface MainWindowOptions {
  width: number
  height: number
  minWidth: number
  minHeight: number
  show: boolean
  title: string
  webPreferences: SecureWebPreferences
}

/**
 * The renderer is untrusted (it shows hostile email HTML), so it runs sandboxed and isolated with
 * no Node; the preload bridge is its only way out.
 */
export function mainWindowOptions(preloadPath: string): MainWindowOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    title: 'Earshot',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      preload: preloadPath,
    },
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * The window may only navigate within the app itself (a reload, or an in-app route). A link in an
 * email must never replace the app with a foreign page that would inherit the preload bridge.
 * For file: URLs the origin is opaque, so the exact app file is compared instead.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const target = parse(url)
  const app = parse(appUrl)
  if (!target || !app) return false
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.pathname === app.pathname
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false
  return target.origin === app.origin
}

/** No new windows, ever: external links are opened by the core's own, vetted command if at all. */
export function windowOpenPolicy(): { action: 'deny' } {
  return { action: 'deny' }
}

const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write'])

/** Camera, microphone, geolocation, USB, … are never needed by a CRM; deny by default. */
export function permissionPolicy(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission)
}

/** EARSHOT_DATA_DIR lets tests, the CLI and power users point the app at another data directory. */
export function resolveDataDir(userDataPath: string, env: Readonly<Record<string, string | undefined>>): string {
  const override = env['EARSHOT_DATA_DIR']?.trim()
  return override ? path.resolve(override) : userDataPath
}

/**
 * One writer per data directory (DESIGN §1): a second app instance must not open the same data,
 * so it hands over to the first one (which focuses its window) and quits.
 */
export function secondInstanceAction(gotSingleInstanceLock: boolean): 'run' | 'focus-first-and-quit' {
  return gotSingleInstanceLock ? 'run' : 'focus-first-and-quit'
}
