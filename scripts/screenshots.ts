/**
 * `npm run screenshots`: pictures of the demo workspace for the README, taken from the real app
 * (web host + Chromium) in light and dark, so the README never shows a UI that no longer exists.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { openCore } from '../src/main/core'
import { startWebHost } from '../src/main/web/server'

const root = path.resolve(import.meta.dirname, '..')
const outDir = path.join(root, 'docs', 'screenshots')

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(outDir, `${name}.png`) })
  console.log(`docs/screenshots/${name}.png`)
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-shots-'))
  const core = openCore({ dataDir, host: 'web', version: 'screenshots', demo: 'first-start' })
  // The demo shop's agent, so canned replies sign with a name instead of an unfilled {{agent.name}}.
  await core.invoke('composer:setSettings', { agentName: 'Anna', undoSeconds: 5 })
  const host = await startWebHost({ core, staticDir: path.join(root, 'out', 'web') })
  const browser = await chromium.launch({
    executablePath: process.env.EARSHOT_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    fs.mkdirSync(outDir, { recursive: true })
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, colorScheme: scheme, locale: 'en-US' })
      await page.goto(host.url)
      const rows = page.getByRole('grid', { name: 'Conversations' }).getByRole('row')
      await rows.nth(3).waitFor()
      const suffix = scheme === 'light' ? '' : '-dark'
      await shoot(page, `inbox${suffix}`)
      await rows.nth(2).click()
      await page.getByRole('textbox', { name: 'Internal note' }).waitFor()
      await shoot(page, `conversation${suffix}`)
      // The composer with a canned reply picked and its variables filled in (over the light pass's saved draft).
      await page.getByRole('textbox', { name: 'Reply' }).fill('')
      await page.getByRole('button', { name: 'Canned replies' }).click()
      await page.getByRole('listbox', { name: 'Canned replies' }).getByRole('option').first().click()
      await page.getByRole('textbox', { name: 'Reply' }).focus()
      await shoot(page, `composer${suffix}`)
      const contactName = await page.locator('.conversation .contact-row button.link').innerText()
      await page.getByRole('button', { name: contactName, exact: true }).click()
      await page.getByRole('list', { name: /Timeline/ }).getByRole('listitem').first().waitFor()
      await shoot(page, `contact${suffix}`)
      await page.close()
    }
  } finally {
    await browser.close()
    await host.close()
    await core.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
