import { app, dialog, Menu, type BrowserWindow } from 'electron'
import type { Core } from '../core/index'
import { importMailEvent, importPickerOptions, menuTemplate } from '../security/app-menu'

/**
 * Wiring only: the template and the picker's options are decided in ../security/app-menu (tested
 * without Electron). The chosen paths go to the renderer as an 'app:menu' event, forwarded like
 * every core event, so the import itself runs through the same contract command as the dialog.
 */
export function installAppMenu(core: Pick<Core, 'events'>, window: () => BrowserWindow | null): void {
  const locale = app.getLocale()
  const importMail = async (): Promise<void> => {
    const options = importPickerOptions(locale)
    const parent = window()
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    const event = importMailEvent(result)
    if (event) core.events.emit('app:menu', event)
  }
  const template = menuTemplate(
    locale,
    {
      importMail: () => {
        importMail().catch((error: unknown) => console.error('earshot: the import picker failed', error))
      },
    },
    { platform: process.platform, appName: app.getName() },
  )
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
