import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Message } from '../../shared/domain'
import { openCore, type Core } from '../core/index'
import { sanitizeMailHtml } from '../core/mail/sanitize'
import { createAccount } from '../core/store/repos/accounts'
import { createIngestor } from '../core/store/ingest'
import { createWorkspace } from '../core/store/repos/workspaces'
import { mailFrameResponse } from '../security/mail-frame'
import { startWebHost, type WebHost } from './server'

const MAIL_HTML =
  '<p>Unser Angebot</p><img src="https://cdn.shop.example/torte.jpg" alt="Torte"><img src="https://t.example/o.gif" width="1" height="1">'

let tmp: string
let core: Core
let host: WebHost
let messageId: number
let conversationId: number

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-mail-frame-'))
  core = openCore({ dataDir: tmp, host: 'web', version: 't', demo: 'never' })
  const workspaceId = createWorkspace(core.db, { name: 'Laden' })
  const accountId = createAccount(core.db, {
    workspaceId,
    channel: 'email',
    handle: 'laden@shop.example',
    displayName: 'Laden',
  })
  createIngestor(core.db)({
    accountId,
    items: [
      {
        externalId: '<offer-1@news.example>',
        conversation: { externalId: '<offer-1@news.example>', visibility: 'private' },
        direction: 'in',
        customer: { externalId: 'news@news.example', displayName: 'Newsletter' },
        subject: 'Angebot',
        bodyText: 'Unser Angebot',
        bodyHtml: sanitizeMailHtml(MAIL_HTML).html,
        sentAt: Date.parse('2026-11-20T10:00:00Z'),
      },
    ],
  })
  const row = core.db.prepare('SELECT id, conversation_id FROM messages').get() as {
    id: number
    conversation_id: number
  }
  messageId = row.id
  conversationId = row.conversation_id
  host = await startWebHost({ core, staticDir: tmp, port: 0 })
})

afterAll(async () => {
  await host.close()
  await core.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

const frame = (id: number | string, auth = true) =>
  fetch(
    `http://127.0.0.1:${host.port}/frame/message/${id}`,
    auth ? { headers: { authorization: `Bearer ${host.token}` } } : {},
  )

async function messageState(): Promise<Message['remoteImages']> {
  const detail = await core.invoke('conversation:get', { conversationId })
  if (!detail.ok) throw new Error(detail.error.message)
  return (detail.value as { messages: Message[] }).messages[0]?.remoteImages ?? 'none'
}

describe('mail frames', () => {
  it('serve the mail with its own sandboxing policy and no remote image until the sender is allowed', async () => {
    expect((await frame(messageId, false)).status).toBe(401)
    const blocked = await frame(messageId)
    expect(blocked.status).toBe(200)
    const policy = blocked.headers.get('content-security-policy') ?? ''
    expect(policy).toContain('img-src data:;')
    expect(policy).toMatch(/(^|; )sandbox($|;)/)
    expect(policy).toContain("frame-ancestors 'self'")
    expect(blocked.headers.get('x-frame-options')).toBeNull()
    const html = await blocked.text()
    expect(html).toContain('Unser Angebot')
    expect(html).not.toMatch(/\ssrc="https:/)
    expect(html).not.toContain('t.example')
    expect(await messageState()).toBe('blocked')
  })

  it('load remote images, never the tracking pixel, once the user allows the sender, and stop when blocked again', async () => {
    expect(await core.invoke('mail:allowImages', { messageId, allow: true })).toEqual({ ok: true, value: null })
    const allowed = await frame(messageId)
    expect(allowed.headers.get('content-security-policy')).toContain('img-src data: https: http:')
    const html = await allowed.text()
    expect(html).toContain('src="https://cdn.shop.example/torte.jpg"')
    expect(html).not.toContain('t.example')
    expect(await messageState()).toBe('allowed')

    const desktop = await mailFrameResponse(core, `earshot-frame://message/${messageId}`)
    expect(desktop.status).toBe(200)
    expect(desktop.headers['Content-Security-Policy']).toContain('https:')
    expect(desktop.body).toBe(html)

    await core.invoke('mail:allowImages', { messageId, allow: false })
    expect((await frame(messageId)).headers.get('content-security-policy')).toContain('img-src data:;')
    expect(await messageState()).toBe('blocked')
  })

  it('refuse anything that is not a mail frame address', async () => {
    expect((await frame('abc')).status).toBe(400)
    expect((await frame(999_999)).status).toBe(404)
    for (const url of ['earshot-frame://message/../etc', 'earshot-frame://other/1', 'https://message/1', 'nonsense']) {
      expect((await mailFrameResponse(core, url)).status).toBe(400)
    }
  })
})
