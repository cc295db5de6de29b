import type { Channel } from '../../../shared/domain'
import { openDatabase, type Db } from './db'
import { createIngestor, type IngestItem } from './ingest'
import { createAccount } from './repos/accounts'
import { createWorkspace } from './repos/workspaces'

/** A migrated database (in memory, or in `file`) with one workspace and one account per channel; for tests only. */
export function testStore(file = ':memory:') {
  const db: Db = openDatabase(file)
  const workspaceId = createWorkspace(db, { name: 'Test shop' })
  const account = (channel: Channel) =>
    createAccount(db, { workspaceId, channel, handle: `shop-${channel}`, displayName: 'Test shop' })
  const accounts = { email: account('email'), x: account('x'), facebook: account('facebook') }
  return { db, workspaceId, accounts, ingest: createIngestor(db) }
}

let sequence = 0
/** An incoming message with sensible defaults; override what the test is about. */
export function item(overrides: Partial<IngestItem> = {}): IngestItem {
  sequence++
  return {
    externalId: `m${sequence}`,
    conversation: { externalId: `c${sequence}`, visibility: 'private' },
    direction: 'in',
    customer: { externalId: 'anna@example.de', displayName: 'Anna Schmidt' },
    bodyText: `Nachricht ${sequence}`,
    sentAt: 1_700_000_000_000 + sequence * 1000,
    ...overrides,
  }
}
