import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { canReach, downloadOrigin, findElectronBinary, missingBinaryMessage, nativeBindingPath } from './electron-start'

const root = path.resolve(import.meta.dirname, '..')
const temps: string[] = []

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-electron-'))
  temps.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('findElectronBinary', () => {
  it('is null when electron has not been downloaded', () => {
    expect(findElectronBinary(tempDir(), {})).toBeNull()
  })

  it('follows path.txt into dist, as electron/index.js does', () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron')
    expect(findElectronBinary(dir, {})).toBeNull()
    fs.mkdirSync(path.join(dir, 'dist'))
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), '')
    expect(findElectronBinary(dir, {})).toBe(path.join(dir, 'dist', 'electron'))
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dist = tempDir()
    fs.writeFileSync(path.join(dist, 'electron'), '')
    expect(findElectronBinary(tempDir(), { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(path.join(dist, 'electron'))
  })
})

describe('download reachability', () => {
  it('probes the configured mirror, else GitHub', () => {
    expect(downloadOrigin({})).toBe('https://github.com')
    expect(downloadOrigin({ ELECTRON_MIRROR: 'https://mirror.example/electron/' })).toBe('https://mirror.example')
    expect(downloadOrigin({ ELECTRON_MIRROR: 'not a url' })).toBe('https://github.com')
  })

  it('gives up on a host that never answers', async () => {
    // 192.0.2.0/24 is TEST-NET-1: never routed, so the connection just hangs or fails.
    expect(await canReach('http://192.0.2.1', 300)).toBe(false)
  })
})

describe('the Electron-ABI native build', () => {
  it('lives outside node_modules, per Electron version', () => {
    const binding = nativeBindingPath('/repo', '45.4.1')
    expect(binding.startsWith(path.join('/repo', '.electron-native', '45.4.1'))).toBe(true)
    expect(binding.startsWith(path.join('/repo', 'node_modules'))).toBe(false)
  })
})

describe('npm start without an Electron binary', () => {
  it('says how to get Electron and points to npm run serve', () => {
    const text = missingBinaryMessage('45.4.1')
    expect(text).toContain('npx install-electron')
    expect(text).toContain('ELECTRON_MIRROR')
    expect(text).toContain('npm run serve')
  })

  const electronPresent = findElectronBinary(path.join(root, 'node_modules', 'electron'), process.env) !== null

  it.skipIf(electronPresent)('ends quickly with exit code 1 on this machine', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      // The bound is the point: the lazy Electron download must not hang `npm start`.
      timeout: 20_000,
    })
    expect(result.error, 'npm start did not end within 20 s').toBeUndefined()
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('npm run serve')
  })
})
