import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell, type WebContents } from 'electron'
import { MAIL_FRAME_SCHEME } from '../../shared/commands/mail'
import { openCore, type Core } from '../core/index'
import { registerMailFrameScheme, serveMailFrames } from './mail-frames'
import { describeDemoMailServer } from '../core/demo/demo-mail'
import { startDemoTraffic } from '../core/demo/live'
import { fileSecretStore, type SecretCodec } from '../core/secrets'
import { CONTENT_SECURITY_POLICY, DEV_SERVER_CONTENT_SECURITY_POLICY } from '../security/csp'
import {
  isAllowedNavigation,
  mainWindowOptions,
  permissionPolicy,
  resolveDataDir,
  secondInstanceAction,
  windowOpenPolicy,
} from '../security/window-policy'
import { forwardEvents, registerInvokeHandler } from './ipc'
import { installAppMenu } from './menu'
import { showAlertNotifications } from './notifications'

/**
 * The Electron shell: lifecycle, one window, and wiring. Every decision lives in
 * ../security (tested without Electron); the core does all the work.
 */

const here = path.dirname(fileURLToPath(import.meta.url))
const preloadPath = path.join(here, '../preload/index.cjs')

/** The dev server only when running from source; a packaged app always loads its own files. */
function devServerUrl(): string | null {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  return devUrl && !app.isPackaged ? devUrl : null
}

function appUrl(): string {
  return devServerUrl() ?? pathToFileURL(path.join(here, '../renderer/index.html')).href
}

let mainWindow: BrowserWindow | null = null

/** Credentials at rest are encrypted by the OS keychain (Keychain, DPAPI, libsecret/kwallet). */
const keychainCodec: SecretCodec = {
  name: 'electron-safeStorage',
  encode: (value) => safeStorage.encryptString(value),
  decode: (data) => safeStorage.decryptString(data),
}

function openCoreOrExplain(): Core | null {
  try {
    const dataDir = resolveDataDir(app.getPath('userData'), process.env)
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('The system keychain is not available, so Earshot cannot keep account passwords safely.')
    }
    return openCore({
      dataDir,
      secrets: fileSecretStore(dataDir, keychainCodec),
      host: 'electron',
      version: app.getVersion(),
      demo: process.env['EARSHOT_NO_DEMO'] ? 'never' : 'first-start',
      nativeBinding: process.env['EARSHOT_NATIVE_BINDING'] || undefined,
      // The contract already allowed only http(s) addresses; the browser, not this window, opens them.
      openExternal: (url) => shell.openExternal(url),
    })
  } catch (error) {
    // Typically the data-directory lock: another Earshot (app, `earshot serve`) holds it.
    const message = error instanceof Error ? error.message : String(error)
    dialog.showErrorBox('Earshot cannot start', message)
    return null
  }
}

function hardenSession(): void {
  const csp = devServerUrl() ? DEV_SERVER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    // Mail frames carry their own, stricter policy (see security/mail-frame.ts); everything else gets the app's.
    if (details.url.startsWith(`${MAIL_FRAME_SCHEME}:`)) return callback({})
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permissionPolicy(permission))
  })
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionPolicy(permission))
}

/** Applied to every web contents the app ever creates, not only the main window. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl())) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl())) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => windowOpenPolicy())
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath))
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  void window.loadURL(appUrl())
  return window
}

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

async function main(): Promise<void> {
  registerMailFrameScheme()
  if (secondInstanceAction(app.requestSingleInstanceLock()) === 'focus-first-and-quit') {
    app.quit()
    return
  }
  app.on('second-instance', focusMainWindow)
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))

  await app.whenReady()
  const core = openCoreOrExplain()
  if (!core) {
    app.exit(1)
    return
  }
  hardenSession()
  serveMailFrames(core)
  registerInvokeHandler(ipcMain, core, (url) => isAllowedNavigation(url, appUrl()))
  forwardEvents(core, () => mainWindow?.webContents ?? null)
  installAppMenu(core, () => mainWindow)
  showAlertNotifications(core, () => {
    if (mainWindow) focusMainWindow()
    else mainWindow = createWindow()
  })
  core.startBackground()
  // Live demo traffic (local X/Facebook emulators) when the data directory holds the demo workspaces.
  const demoTraffic = startDemoTraffic(core)
    .then((traffic) => {
      if (traffic) console.log(describeDemoMailServer(traffic.mail))
      return traffic
    })
    .catch((error: unknown) => {
      console.error('earshot: live demo traffic could not start', error)
      return null
    })
  let closing = false
  app.on('will-quit', (event) => {
    if (closing) return
    // Stopping sync and the outbox is asynchronous: hold the quit until the data is closed cleanly.
    closing = true
    event.preventDefault()
    void demoTraffic
      .then((traffic) => traffic?.close())
      .then(() => core.close())
      .finally(() => app.exit(0))
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow()
  })
  mainWindow = createWindow()
}

void main()
