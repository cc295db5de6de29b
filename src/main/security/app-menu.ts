import type { AppMenuEvent } from '../../shared/contract'

/**
 * The desktop app's menu bar and its "Import mail…" picker, as plain data: the shell hands these to
 * Electron's Menu.buildFromTemplate and dialog.showOpenDialog; tests read them without Electron.
 * The types are the subset of Electron's option types we use (structurally assignable to them).
 */

type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close'
  | 'editMenu' | 'windowMenu' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'

export interface MenuEntry {
  label?: string
  role?: MenuRole
  type?: 'separator' | 'submenu'
  accelerator?: string
  click?: () => void
  submenu?: MenuEntry[]
}

export interface MenuHandlers {
  importMail(): void
}

interface MenuText {
  file: string
  importMail: string
  view: string
  pickerTitle: string
  pickerButton: string
}

const TEXT: Record<'en' | 'de', MenuText> = {
  en: { file: 'File', importMail: 'Import mail…', view: 'View', pickerTitle: 'Choose mail to import', pickerButton: 'Choose' },
  de: { file: 'Datei', importMail: 'E-Mails importieren …', view: 'Ansicht', pickerTitle: 'E-Mails zum Importieren wählen', pickerButton: 'Auswählen' },
}

/** German for any German locale (de, de-DE, de-AT, …), English otherwise: the renderer's two catalogues. */
export function menuText(locale: string): MenuText {
  return locale.toLowerCase().startsWith('de') ? TEXT.de : TEXT.en
}

const separator: MenuEntry = { type: 'separator' }

/** macOS puts the app's own menu first (About, Hide, Quit); elsewhere Quit lives in File. */
function macAppMenu(appName: string): MenuEntry {
  return {
    label: appName,
    submenu: [{ role: 'about' }, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  }
}

/**
 * The whole menu bar. It replaces Electron's default menu, so the edit roles (copy/paste shortcuts
 * on macOS) and zoom are listed again; there is no reload or devtools entry in the shipped app.
 */
export function menuTemplate(
  locale: string,
  handlers: MenuHandlers,
  options: { platform: NodeJS.Platform; appName: string },
): MenuEntry[] {
  const text = menuText(locale)
  const mac = options.platform === 'darwin'
  const file: MenuEntry = {
    label: text.file,
    submenu: [{ label: text.importMail, accelerator: 'CmdOrCtrl+Shift+O', click: () => handlers.importMail() }, separator, mac ? { role: 'close' } : { role: 'quit' }],
  }
  const view: MenuEntry = {
    label: text.view,
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  }
  return [...(mac ? [macAppMenu(options.appName)] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }]
}

export interface ImportPickerOptions {
  title: string
  buttonLabel: string
  properties: Array<'openFile' | 'openDirectory' | 'multiSelections'>
}

/**
 * Files (mbox, .eml) and folders (maildir) in one picker. macOS offers both at once; Windows and
 * Linux show a folder picker when both are asked for, and a folder of .eml files imports just as well.
 */
export function importPickerOptions(locale: string): ImportPickerOptions {
  const text = menuText(locale)
  return { title: text.pickerTitle, buttonLabel: text.pickerButton, properties: ['openFile', 'openDirectory', 'multiSelections'] }
}

/** The event for the renderer, or null when the user cancelled or picked nothing. */
export function importMailEvent(result: { canceled: boolean; filePaths: readonly string[] }): AppMenuEvent | null {
  if (result.canceled || result.filePaths.length === 0) return null
  return { action: 'import-mail', paths: [...result.filePaths] }
}
