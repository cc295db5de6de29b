import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './support/fixtures'
import { InboxPage } from './support/inbox-page'

/** A newsletter-like mail whose picture lives on a server we control, so the test sees every fetch. */
function htmlMail(dir: string, imageUrl: string, word: string): string {
  fs.mkdirSync(dir, { recursive: true })
  const file = `${dir}/offer.eml`
  fs.writeFileSync(
    file,
    [
      'From: Mühle Brandt <angebote@muehle-brandt.example>',
      'To: hallo@baeckerei-sonnenschein.example',
      `Subject: ${word} im Angebot`,
      `Date: ${new Date(Date.now() - 3_600_000).toUTCString()}`,
      `Message-ID: <offer.${Date.now()}@muehle-brandt.example>`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>Frisches ${word} aus der Mühle.</p><img src="${imageUrl}" alt="Mehlsack" width="40" height="40">`,
      '',
    ].join('\r\n'),
  )
  return file
}

test('a mail’s remote image stays blocked until the user allows the sender', async ({ app }, testInfo) => {
  const fetched: string[] = []
  const images = http.createServer((req, res) => {
    fetched.push(req.url ?? '')
    // A 1×1 PNG.
    res.writeHead(200, { 'content-type': 'image/png' })
    res.end(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'))
  })
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve))
  try {
    const imageUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}/sack.png`
    const word = 'Dinkelmehl'
    const file = htmlMail(testInfo.outputPath('mail'), imageUrl, word)
    const call = async (command: string, data: object) =>
      (await app.page.request.post(new URL(`/api/${command}`, app.page.url()).href, { data })).json() as Promise<{ ok: boolean; value: unknown }>
    const [workspace] = (await call('workspaces:list', {})).value as { id: number }[]
    expect((await call('import:mail', { workspaceId: workspace!.id, paths: [file] })).ok).toBe(true)

    await new InboxPage(app.page).search(word)
    await app.page.getByRole('button', { name: new RegExp(`Mühle Brandt.*${word}`) }).first().click()
    const frame = app.page.frameLocator('iframe[title="Email from Mühle Brandt"]')
    await expect(frame.getByText(`Frisches ${word} aus der Mühle.`)).toBeVisible()
    await expect(app.page.getByRole('note')).toContainText('Remote images are blocked')
    expect(fetched).toEqual([])

    await app.page.getByRole('button', { name: /Show images from/ }).click()
    await expect(app.page.getByRole('button', { name: /Block images from/ })).toBeVisible()
    await expect(frame.getByRole('img', { name: 'Mehlsack' })).toHaveJSProperty('naturalWidth', 1)
    expect(fetched).toEqual(['/sack.png'])
  } finally {
    images.closeAllConnections()
    await new Promise((resolve) => images.close(resolve))
  }
})
