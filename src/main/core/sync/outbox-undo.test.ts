import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventMap } from '../../../shared/contract'
import { createOutboxWorker } from './outbox'
import { cancelReply, countOutbox, getOutboxItem, queueReply, retryReply } from './outbox-queue'
import { syncHarness } from './harness'
import { socialConnectorFactory } from './connectors'
import { createSyncEngine } from './engine'
import { startBackgroundWork } from './runtime'

type Harness = Awaited<ReturnType<typeof syncHarness>>
let h: Harness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

const UNDO_MS = 5_000

/** A synced X account and one public thread on it, ready to answer. */
async function xThread(): Promise<{ harness: Harness; conversationId: number }> {
  h = await syncHarness({ mentions: 5 })
  await h.engine.syncOnce(h.accounts.x)
  const row = h.db
    .prepare(
      `SELECT id FROM conversations WHERE account_id = ? AND visibility = 'public' ORDER BY last_message_at DESC LIMIT 1`,
    )
    .get(h.accounts.x) as { id: number }
  return { harness: h, conversationId: row.id }
}

const texts = (harness: Harness): string[] => harness.emulators.x.control.posted().map((p) => p.text)

describe('undo-send', () => {
  it('holds a reply for its undo time, then sends it once', async () => {
    const { harness, conversationId } = await xThread()
    const reply = queueReply(harness.db, {
      conversationId,
      bodyText: 'Bis gleich!',
      holdMs: UNDO_MS,
      now: harness.clock.now(),
    })
    expect(reply.notBefore).toBe(harness.clock.now() + UNDO_MS)

    expect(await harness.outbox.drain()).toBe(0)
    harness.clock.advance(UNDO_MS - 1)
    expect(await harness.outbox.drain()).toBe(0)
    expect(getOutboxItem(harness.db, reply.id)).toMatchObject({ state: 'queued', attempts: 0 })

    harness.clock.advance(1)
    await harness.outbox.drain()
    expect(texts(harness)).toEqual(['Bis gleich!'])
    expect(getOutboxItem(harness.db, reply.id)).toMatchObject({ state: 'sent', attempts: 1 })
  })

  it('never sends a reply taken back, and gives its text back', async () => {
    const { harness, conversationId } = await xThread()
    const reply = queueReply(harness.db, {
      conversationId,
      bodyText: 'Ups, falscher Kunde',
      holdMs: UNDO_MS,
      now: harness.clock.now(),
    })
    expect(cancelReply(harness.db, reply.id)).toMatchObject({ bodyText: 'Ups, falscher Kunde', conversationId })
    expect(() => getOutboxItem(harness.db, reply.id)).toThrow(/not found/)

    harness.clock.advance(UNDO_MS * 10)
    await harness.outbox.drain()
    expect(texts(harness)).toEqual([])
    expect(() => cancelReply(harness.db, reply.id)).toThrow(/not found/)
  })

  it('refuses to take back a reply once sending has begun, and sends it exactly once', async () => {
    const { harness, conversationId } = await xThread()
    // The provider takes a moment, so the undo arrives while the request is on its way.
    harness.emulators.x.control.fault('tweet:create', { kind: 'delay', ms: 200 })
    const reply = queueReply(harness.db, { conversationId, bodyText: 'Schon unterwegs', now: harness.clock.now() })
    const sending = harness.outbox.drain()
    expect(getOutboxItem(harness.db, reply.id).state).toBe('sending')
    expect(() => cancelReply(harness.db, reply.id)).toThrow(/being sent right now/)

    await sending
    expect(getOutboxItem(harness.db, reply.id).state).toBe('sent')
    expect(() => cancelReply(harness.db, reply.id)).toThrow(/already been sent/)
    await harness.outbox.drain()
    expect(texts(harness)).toEqual(['Schon unterwegs'])
  })
})

describe('retry and backoff', () => {
  it('retries only a failed reply, which then goes out at once', async () => {
    const { harness, conversationId } = await xThread()
    const reply = queueReply(harness.db, {
      conversationId,
      bodyText: 'Zweiter Versuch',
      holdMs: UNDO_MS,
      now: harness.clock.now(),
    })
    expect(() => retryReply(harness.db, reply.id, harness.clock.now())).toThrow(/Only a reply that failed/)
    harness.db.prepare("UPDATE outbox SET state = 'failed', last_error = 'refused' WHERE id = ?").run(reply.id)
    expect(countOutbox(harness.db)).toEqual({ waiting: 0, failed: 1 })

    expect(retryReply(harness.db, reply.id, harness.clock.now())).toMatchObject({
      state: 'queued',
      notBefore: harness.clock.now(),
    })
    expect(countOutbox(harness.db, harness.workspaceId)).toEqual({ waiting: 1, failed: 0 })
    await harness.outbox.drain()
    expect(texts(harness)).toEqual(['Zweiter Versuch'])
    expect(countOutbox(harness.db)).toEqual({ waiting: 0, failed: 0 })
  })

  it('keeps a backoff in the row, so a restarted outbox waits it out too', async () => {
    const { harness, conversationId } = await xThread()
    harness.emulators.x.control.fault('tweet:create', { kind: 'server-error', status: 503 })
    const reply = queueReply(harness.db, { conversationId, bodyText: 'Nach dem Neustart', now: harness.clock.now() })
    await harness.outbox.drain()
    const waiting = getOutboxItem(harness.db, reply.id)
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, lastError: expect.stringMatching(/503/) })
    expect(waiting.notBefore).toBeGreaterThan(harness.clock.now())

    const restarted = createOutboxWorker({
      db: harness.db,
      events: harness.events,
      connectorFor: socialConnectorFactory({ db: harness.db, secrets: harness.secrets, now: harness.clock.now }),
      now: harness.clock.now,
    })
    expect(restarted.nextDueAt()).toBe(waiting.notBefore)
    expect(await restarted.drain()).toBe(0)
    harness.clock.set(waiting.notBefore)
    await restarted.drain()
    restarted.stop()
    expect(texts(harness)).toEqual(['Nach dem Neustart'])
  })
})

describe('offline', () => {
  it('queues while the provider is unreachable and sends as soon as a sync gets through', async () => {
    const { harness, conversationId } = await xThread()
    const x = harness.emulators.x.control
    const woken: number[] = []
    // The engine as the running app wires it: a sync that gets through wakes the account's replies.
    const engine = createSyncEngine({
      db: harness.db,
      events: harness.events,
      secrets: harness.secrets,
      connectorFor: socialConnectorFactory({ db: harness.db, secrets: harness.secrets, now: harness.clock.now }),
      now: harness.clock.now,
      onSynced: (accountId) => woken.push(harness.outbox.wake(accountId)),
    })
    x.fault('*', { kind: 'unreachable' }, 1_000)
    const reply = queueReply(harness.db, {
      conversationId,
      bodyText: 'Kommt an, sobald X wieder da ist',
      now: harness.clock.now(),
    })
    await harness.outbox.drain()
    expect(getOutboxItem(harness.db, reply.id)).toMatchObject({
      state: 'queued',
      lastError: expect.stringMatching(/could not be reached/),
    })
    expect(await engine.syncOnce(harness.accounts.x)).toMatchObject({ status: 'failed', kind: 'transient' })
    expect(woken).toEqual([])

    x.clearFaults()
    expect(await engine.syncOnce(harness.accounts.x)).toMatchObject({ status: 'synced' })
    // The outbox's backoff has not run out, but the provider answered: the reply is due now.
    expect(woken).toEqual([1])
    await harness.outbox.drain()
    await engine.stop()
    expect(texts(harness)).toEqual(['Kommt an, sobald X wieder da ist'])
  })

  it('does not wake a reply the provider asked to wait for', async () => {
    const { harness, conversationId } = await xThread()
    harness.emulators.x.control.fault('tweet:create', { kind: 'rate-limit', resetInSeconds: 600 })
    const reply = queueReply(harness.db, { conversationId, bodyText: 'Später', now: harness.clock.now() })
    await harness.outbox.drain()
    expect(getOutboxItem(harness.db, reply.id).notBefore).toBe(Math.ceil((harness.clock.now() + 600_000) / 1000) * 1000)
    expect(harness.outbox.wake(harness.accounts.x)).toBe(0)
  })

  it('in a running app: a reply queued while X is down is sent when X is back', async () => {
    const { harness, conversationId } = await xThread()
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-outbox-'))
    const background = startBackgroundWork({
      db: harness.db,
      events: harness.events,
      secrets: harness.secrets,
      dataDir,
    })
    const outboxChange = () =>
      new Promise<void>((resolve) => {
        const off = harness.events.on('db:changed', (e: EventMap['db:changed']) => {
          if (e.tables.includes('outbox')) {
            off()
            resolve()
          }
        })
      })
    try {
      harness.emulators.x.control.fault('*', { kind: 'unreachable' }, 1_000)
      const reply = queueReply(harness.db, { conversationId, bodyText: 'Offline geschrieben', holdMs: 200 })
      background.kickOutbox()
      while (getOutboxItem(harness.db, reply.id).lastError === null) await outboxChange()
      expect(getOutboxItem(harness.db, reply.id).state).toBe('queued')

      harness.emulators.x.control.clearFaults()
      while (getOutboxItem(harness.db, reply.id).state !== 'sent') await outboxChange()
      expect(texts(harness)).toEqual(['Offline geschrieben'])
    } finally {
      await background.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
