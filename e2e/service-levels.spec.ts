import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './support/fixtures'
import { InboxPage } from './support/inbox-page'
import { PolicyPage } from './support/policy-page'

const SHOP = 'hallo@baeckerei-sonnenschein.example'

/** One customer question as an .eml file, written `ageMs` before now. */
function writeQuestion(dir: string, subject: string, ageMs: number): string {
  fs.mkdirSync(dir, { recursive: true })
  const headers = {
    From: 'Greta Sommer <greta.sommer@example.org>',
    To: SHOP,
    Subject: subject,
    Date: new Date(Date.now() - ageMs).toUTCString(),
    'Message-ID': `<q.${Date.now()}@example.org>`,
  }
  const eml =
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n') +
    '\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nIst meine Torte für Samstag schon fertig?\r\n'
  fs.writeFileSync(path.join(dir, 'question.eml'), eml)
  return dir
}

test('a conversation crosses its reply target while the app is open: the inbox and an alert say so', async ({
  app,
}, testInfo) => {
  // The clock itself runs for half a minute; the default 60 s leave too little for setup on a busy machine.
  test.setTimeout(120_000)
  const policy = new PolicyPage(app.page)
  await policy.open()
  await policy.openAroundTheClock()
  // One minute to answer, and "due soon" from the start: the whole clock runs within the test.
  await policy.setTargets({ firstReply: 1, dueSoon: 1 })
  await policy.save()
  await expect(policy.saved).toBeVisible()

  // Mail arrives from outside this page: the import command, sent straight to the host.
  const call = async (command: string, data: object) =>
    (await app.page.request.post(new URL(`/api/${command}`, app.page.url()).href, { data })).json() as Promise<{
      ok: boolean
      value: unknown
    }>
  const [workspace] = (await call('workspaces:list', {})).value as { id: number }[]
  const subject = `Hochzeitstorte ${Date.now()}`
  // Asked 30 seconds ago, so the minute runs out half a minute from now.
  const dir = writeQuestion(testInfo.outputPath('mail'), subject, 30_000)
  expect((await call('import:mail', { workspaceId: workspace!.id, paths: [dir], ownAddresses: [SHOP] })).ok).toBe(true)

  await app.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Inbox' }).click()
  const row = new InboxPage(app.page).grid.getByRole('row', { name: new RegExp(`Greta Sommer.*${subject}`) })
  await expect(row).toContainText('Due soon')

  // No reload and no clicks: the core's ticker notices the crossing and tells the page.
  const alerts = app.page.getByRole('region', { name: 'Alerts' })
  const overdueAlert = alerts
    .getByRole('listitem')
    .filter({ hasText: 'Reply overdue' })
    .filter({ hasText: 'Greta Sommer' })
  await expect(overdueAlert).toBeVisible({ timeout: 45_000 })
  await expect(row).toContainText('Overdue')

  await app.page.getByRole('combobox', { name: 'Reply time' }).selectOption({ label: 'Overdue' })
  await expect(row).toBeVisible()
  await overdueAlert.getByRole('button', { name: 'Show' }).click()
  await expect(app.page.getByRole('heading', { level: 2, name: subject })).toBeVisible()
})
