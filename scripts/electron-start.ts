import { spawn, type SpawnOptions } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * What `npm start` does, kept out of start.mjs so its decisions can be tested here, where the
 * Electron binary cannot be downloaded.
 *
 * The Electron build of better-sqlite3 lives in `.electron-native/<electron version>/`, never in
 * node_modules: node_modules keeps the Node-ABI build the tests and the CLI load, so starting the
 * app can never leave them with a module of the wrong ABI.
 */

/** Long enough for a real download to begin, short enough that an offline machine is not stalled. */
export const FETCH_TIMEOUT_MS = 15_000

export interface ElectronPackage {
  dir: string
  version: string
}

export function readElectronPackage(root: string): ElectronPackage {
  const dir = path.join(root, 'node_modules', 'electron')
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }
  return { dir, version: pkg.version }
}

/**
 * Where the binary is, or null — found the way electron's index.js finds it, but without its
 * side effect: requiring that file starts a download that blocks until it fails.
 */
export function findElectronBinary(electronDir: string, env: NodeJS.ProcessEnv): string | null {
  const pathFile = path.join(electronDir, 'path.txt')
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : ''
  const distDir = env['ELECTRON_OVERRIDE_DIST_PATH'] || path.join(electronDir, 'dist')
  if (!relative && !env['ELECTRON_OVERRIDE_DIST_PATH']) return null
  const binary = path.join(distDir, relative || 'electron')
  return fs.existsSync(binary) ? binary : null
}

export function missingBinaryMessage(version: string): string {
  return [
    `Earshot cannot start: the Electron ${version} binary is not installed, and it could not be`,
    'downloaded (this machine cannot reach GitHub, where Electron is published).',
    '',
    'On a machine with network access:',
    '  npx install-electron     (or simply run `npm start` again; it downloads Electron on first use)',
    '  Behind a mirror: ELECTRON_MIRROR=https://your.mirror/electron/ npm start',
    '',
    'Without Electron, `npm run serve` runs the same app in your browser (web host on 127.0.0.1).',
  ].join('\n')
}

export interface RunResult {
  code: number | null
  timedOut: boolean
}

/** Runs a command, inheriting stdio, and kills it (with its children) after `timeoutMs`. */
export function run(
  command: string,
  args: string[],
  options: SpawnOptions & { timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', detached: process.platform !== 'win32', ...options })
    let timedOut = false
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            killTree(child.pid)
          }, options.timeoutMs)
    child.on('error', () => resolve({ code: 1, timedOut }))
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer)
      resolve({ code, timedOut })
    })
  })
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    // Negative pid: the whole process group, so a downloader's own children go too.
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

/** Where @electron/get downloads from: a configured mirror, else GitHub releases. */
export function downloadOrigin(env: NodeJS.ProcessEnv): string {
  const mirror = env['ELECTRON_MIRROR'] || env['npm_config_electron_mirror'] || 'https://github.com/'
  try {
    return new URL(mirror).origin
  } catch {
    return 'https://github.com'
  }
}

/** Any HTTP answer counts: we only ask whether the download host can be reached at all. */
export async function canReach(origin: string, timeoutMs: number): Promise<boolean> {
  try {
    await fetch(origin, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
    return true
  } catch {
    return false
  }
}

/** A real download of ~100 MB may take minutes; it is bounded only once the host answered. */
const DOWNLOAD_TIMEOUT_MS = 15 * 60_000

/**
 * Finds the binary, or downloads it with Electron's own installer. The reachability probe is what
 * keeps an offline machine from waiting: it gives up after FETCH_TIMEOUT_MS.
 */
export async function ensureElectronBinary(
  electron: ElectronPackage,
  env: NodeJS.ProcessEnv,
  timeoutMs = FETCH_TIMEOUT_MS,
): Promise<string | null> {
  const found = findElectronBinary(electron.dir, env)
  if (found) return found
  const origin = downloadOrigin(env)
  console.log(`Electron ${electron.version} is not installed yet; trying to download it from ${origin}…`)
  if (!(await canReach(origin, timeoutMs))) {
    console.error(`${origin} cannot be reached (gave up after at most ${timeoutMs / 1000} s).`)
    return null
  }
  const result = await run(process.execPath, [path.join(electron.dir, 'install.js')], {
    env,
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
  })
  if (result.timedOut) console.error('The Electron download did not finish in time.')
  return findElectronBinary(electron.dir, env)
}

export function nativeBindingPath(root: string, electronVersion: string): string {
  return path.join(
    nativeBuildDir(root, electronVersion),
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  )
}

function nativeBuildDir(root: string, electronVersion: string): string {
  return path.join(root, '.electron-native', electronVersion)
}

/**
 * Builds better-sqlite3 for Electron's ABI in a private copy, once per Electron version.
 * @electron/rebuild (shipped with electron-builder) tries a prebuilt binary, then compiles.
 */
export async function ensureElectronNative(root: string, electronVersion: string): Promise<string> {
  const binding = nativeBindingPath(root, electronVersion)
  if (fs.existsSync(binding)) return binding
  const buildDir = nativeBuildDir(root, electronVersion)
  const source = path.join(root, 'node_modules', 'better-sqlite3')
  const target = path.join(buildDir, 'node_modules', 'better-sqlite3')
  fs.rmSync(buildDir, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(target), { recursive: true })
  // The Node build is left behind on purpose: the copy must be rebuilt, never reuse Node's ABI.
  fs.cpSync(source, target, { recursive: true, filter: (file) => !file.startsWith(path.join(source, 'build')) })
  const version = (JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string })
    .version
  fs.writeFileSync(
    path.join(buildDir, 'package.json'),
    JSON.stringify({ name: 'earshot-electron-native', private: true, dependencies: { 'better-sqlite3': version } }),
  )
  console.log(`Building better-sqlite3 ${version} for Electron ${electronVersion} (once per Electron version)…`)
  const { rebuild } = await import('@electron/rebuild')
  await rebuild({ buildPath: buildDir, electronVersion, onlyModules: ['better-sqlite3'], force: true })
  if (!fs.existsSync(binding)) throw new Error(`The Electron build of better-sqlite3 is missing at ${binding}.`)
  return binding
}

/** The whole `npm start`; returns the exit code. */
export async function startElectron(root: string, env: NodeJS.ProcessEnv): Promise<number> {
  const electron = readElectronPackage(root)
  const binary = await ensureElectronBinary(electron, env)
  if (!binary) {
    console.error(`\n${missingBinaryMessage(electron.version)}\n`)
    return 1
  }
  const binding = await ensureElectronNative(root, electron.version)
  const electronVite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const build = await run(process.execPath, [electronVite, 'build'], { cwd: root, env, detached: false })
  if (build.code !== 0) return build.code ?? 1
  const app = await run(binary, ['.'], { cwd: root, env: { ...env, EARSHOT_NATIVE_BINDING: binding }, detached: false })
  return app.code ?? 1
}
