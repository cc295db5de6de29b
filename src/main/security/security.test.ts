import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, DEV_SERVER_CONTENT_SECURITY_POLICY } from './csp'
import {
  isAllowedNavigation,
  mainWindowOptions,
  permissionPolicy,
  resolveDataDir,
  secondInstanceAction,
  windowOpenPolicy,
} from './window-policy'

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values] as const
    }),
  )

  it('allows no inline or remote script', () => {
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(directives.get('default-src')).toEqual(["'self'"])
  })

  it('relaxes only script-src, and only for the dev server', () => {
    const dev = DEV_SERVER_CONTENT_SECURITY_POLICY.split('; ')
    const prod = CONTENT_SECURITY_POLICY.split('; ')
    expect(dev.filter((d) => !prod.includes(d))).toEqual(["script-src 'self' 'unsafe-inline'"])
    expect(prod.filter((d) => !dev.includes(d))).toEqual(["script-src 'self'"])
  })

  it('locks down objects, base, forms and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
  })
})

describe('mainWindowOptions', () => {
  it('runs the renderer sandboxed, isolated and without Node', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
      preload: '/app/out/preload/index.cjs',
    })
  })
})

describe('isAllowedNavigation', () => {
  const dev = 'http://localhost:5173/'
  const prod = 'file:///opt/Earshot/resources/app.asar/out/renderer/index.html'

  it('allows reloading the app itself', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/inbox', dev)).toBe(true)
    expect(isAllowedNavigation(`${prod}#/inbox`, prod)).toBe(true)
  })

  it('refuses foreign origins, other files and odd schemes', () => {
    expect(isAllowedNavigation('https://evil.example/', dev)).toBe(false)
    expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', prod)).toBe(false)
    expect(isAllowedNavigation('file:///opt/Earshot/resources/app.asar/out/renderer/index.html', dev)).toBe(false)
    expect(isAllowedNavigation('javascript:alert(1)', dev)).toBe(false)
    expect(isAllowedNavigation('not a url', dev)).toBe(false)
    expect(isAllowedNavigation('http://localhost:5173/', 'not a url')).toBe(false)
  })
})

describe('windowOpenPolicy and permissionPolicy', () => {
  it('denies every new window', () => {
    expect(windowOpenPolicy()).toEqual({ action: 'deny' })
  })

  it('grants only notifications and sanitised clipboard writes', () => {
    expect(permissionPolicy('notifications')).toBe(true)
    expect(permissionPolicy('clipboard-sanitized-write')).toBe(true)
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'usb', '']) {
      expect(permissionPolicy(p)).toBe(false)
    }
  })
})

describe('resolveDataDir', () => {
  it('uses the user data path unless EARSHOT_DATA_DIR overrides it', () => {
    expect(resolveDataDir('/home/u/.config/Earshot', {})).toBe('/home/u/.config/Earshot')
    expect(resolveDataDir('/home/u/.config/Earshot', { EARSHOT_DATA_DIR: '  ' })).toBe('/home/u/.config/Earshot')
    expect(resolveDataDir('/x', { EARSHOT_DATA_DIR: '/tmp/earshot' })).toBe('/tmp/earshot')
    expect(resolveDataDir('/x', { EARSHOT_DATA_DIR: 'rel/dir' })).toBe(path.resolve('rel/dir'))
  })
})

describe('secondInstanceAction', () => {
  it('keeps one writer per data directory', () => {
    expect(secondInstanceAction(true)).toBe('run')
    expect(secondInstanceAction(false)).toBe('focus-first-and-quit')
  })
})
