import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { test as base, _electron, type Page } from '@playwright/test'
import { repoRoot, templateDir } from './paths'

export interface HostOptions {
  /** Which host carries the app: the web host in Chromium, or the Electron shell. */
  host: 'web' | 'electron'
  /**
   * Live demo traffic from the emulators (a new mention every few seconds). Off unless a test is
   * about it: a moving inbox makes every other test chase its rows.
   */
  live: boolean
}

export interface App {
  page: Page
  dataDir: string
  /** What `earshot serve` has printed so far (e.g. the demo emulators' addresses); '' under Electron. */
  serverOutput: () => string
}

/** Starts `earshot serve` on a random port and resolves with the token URL it prints. */
async function startServer(dataDir: string, live: boolean): Promise<{ url: string; server: ChildProcess; output: () => string }> {
  const args = ['serve', '--port', '0', '--data-dir', dataDir, ...(live ? [] : ['--no-live'])]
  const server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'earshot.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /https?:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)
      if (match) resolve(match[0])
    }
    server.stdout!.on('data', onData)
    server.stderr!.on('data', onData)
    server.once('exit', (code) => reject(new Error(`earshot serve exited with ${code}:\n${output}`)))
  })
  return { url, server, output: () => output }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  await exited
}

/** Each test gets its own data directory, copied from the demo template made in global setup. */
function freshDataDir(outputDir: string): string {
  const dataDir = path.join(outputDir, 'data')
  fs.mkdirSync(dataDir, { recursive: true })
  fs.copyFileSync(path.join(templateDir, 'earshot.db'), path.join(dataDir, 'earshot.db'))
  return dataDir
}

export const test = base.extend<HostOptions & { app: App }>({
  host: ['web', { option: true }],
  live: [false, { option: true }],
  app: async ({ host, live, page }, use, testInfo) => {
    const dataDir = freshDataDir(testInfo.outputPath())
    if (host === 'electron') {
      const electronApp = await _electron.launch({
        args: [path.join(repoRoot, 'out', 'main', 'index.js')],
        env: { ...process.env, EARSHOT_DATA_DIR: dataDir },
      })
      await use({ page: await electronApp.firstWindow(), dataDir, serverOutput: () => '' })
      await electronApp.close()
      return
    }
    const { url, server, output } = await startServer(dataDir, live)
    try {
      await page.goto(url)
      // Ready when the workspaces have arrived: what a person waits for before typing.
      await page.getByRole('combobox', { name: /Workspace|Arbeitsbereich/ }).and(page.locator(':enabled')).waitFor()
      await use({ page, dataDir, serverOutput: output })
    } finally {
      await stopServer(server)
    }
  },
})

export { expect } from '@playwright/test'
