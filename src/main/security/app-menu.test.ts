import { describe, expect, it, vi } from 'vitest'
import { importMailEvent, importPickerOptions, menuTemplate, menuText, type MenuEntry } from './app-menu'

const linux = { platform: 'linux' as const, appName: 'Earshot' }
const labels = (entries: readonly MenuEntry[] | undefined) => (entries ?? []).map((e) => e.label ?? e.role ?? e.type)

describe('the application menu', () => {
  it('offers File → Import mail… that calls the import handler', () => {
    const importMail = vi.fn()
    const template = menuTemplate('en-US', { importMail }, linux)
    expect(labels(template)).toEqual(['File', 'editMenu', 'View', 'windowMenu'])
    const file = template[0]?.submenu
    expect(labels(file)).toEqual(['Import mail…', 'separator', 'quit'])
    file?.[0]?.click?.()
    expect(importMail).toHaveBeenCalledTimes(1)
  })

  it('speaks German for every German locale and English otherwise', () => {
    for (const locale of ['de', 'de-DE', 'de-AT', 'DE-ch']) {
      const file = menuTemplate(locale, { importMail: () => {} }, linux)[0]
      expect(file?.label).toBe('Datei')
      expect(file?.submenu?.[0]?.label).toBe('E-Mails importieren …')
    }
    expect(menuText('fr-FR').importMail).toBe('Import mail…')
    expect(menuText('').file).toBe('File')
  })

  it('puts the app menu first on macOS, where File closes the window instead of quitting', () => {
    const template = menuTemplate('en', { importMail: () => {} }, { platform: 'darwin', appName: 'Earshot' })
    expect(template[0]?.label).toBe('Earshot')
    expect(template[0]?.submenu?.some((e) => e.role === 'quit')).toBe(true)
    expect(labels(template[1]?.submenu)).toEqual(['Import mail…', 'separator', 'close'])
  })

  it('has no reload or developer tools entry', () => {
    const roles = JSON.stringify(menuTemplate('en', { importMail: () => {} }, linux))
    expect(roles).not.toMatch(/reload|toggleDevTools/i)
  })
})

describe('the import picker', () => {
  it('asks for several files or folders, in the locale’s language', () => {
    expect(importPickerOptions('de-DE')).toEqual({
      title: 'E-Mails zum Importieren wählen',
      buttonLabel: 'Auswählen',
      properties: ['openFile', 'openDirectory', 'multiSelections'],
    })
    expect(importPickerOptions('en-GB').title).toBe('Choose mail to import')
  })

  it('hands the chosen paths to the renderer, and nothing when cancelled', () => {
    expect(importMailEvent({ canceled: false, filePaths: ['/m/Inbox.mbox', '/m/Maildir'] })).toEqual({
      action: 'import-mail',
      paths: ['/m/Inbox.mbox', '/m/Maildir'],
    })
    expect(importMailEvent({ canceled: true, filePaths: ['/m/Inbox.mbox'] })).toBeNull()
    expect(importMailEvent({ canceled: false, filePaths: [] })).toBeNull()
  })
})
