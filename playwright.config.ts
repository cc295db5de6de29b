import { defineConfig, type PlaywrightTestProject } from '@playwright/test'
import { electronBinaryPresent } from './e2e/support/electron-binary'
import type { HostOptions } from './e2e/support/fixtures'

const chromium = process.env.EARSHOT_CHROMIUM ?? '/usr/bin/chromium'

const projects: PlaywrightTestProject<HostOptions>[] = [
  {
    name: 'web-chromium',
    use: {
      host: 'web',
      browserName: 'chromium',
      launchOptions: {
        executablePath: chromium,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
    },
  },
]
if (electronBinaryPresent()) {
  projects.push({ name: 'electron', use: { host: 'electron' } })
} else {
  console.log('e2e: no Electron binary on this machine, so the specs run in Chromium against the web host only.')
}

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { locale: 'en-US', trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects,
})
