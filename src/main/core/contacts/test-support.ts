import type { Channel } from '../../../shared/domain'
import type { IngestIdentity } from '../store/ingest'
import { contractHarness } from '../api/test-support'
import { item, type testStore } from '../store/test-support'

type TestChannel = keyof ReturnType<typeof testStore>['accounts']

/** A test store behind the real contract: every call is validated, handled and audited as in the app. */
export function contactsHarness() {
  const store = contractHarness('Anna')
  const { ctx, seen, call, ok } = store

  /** A customer who wrote `count` messages on `channel` (each its own conversation); returns their contact. */
  const person = (
    channel: TestChannel,
    who: IngestIdentity,
    count = 1,
    bodies: (i: number) => string = (i) => `Nachricht ${i}`,
  ) => {
    const accountId = store.accounts[channel]
    store.ingest({
      accountId,
      items: Array.from({ length: count }, (_, i) => item({ customer: who, bodyText: bodies(i) })),
    })
    return contactOf(channel, who.externalId)
  }
  const contactOf = (channel: Channel, externalId: string): number =>
    store.db
      .prepare('SELECT contact_id FROM identities WHERE workspace_id = ? AND channel = ? AND external_id = ?')
      .pluck()
      .get(store.workspaceId, channel, externalId) as number

  /** Everything the contact view shows of a contact, its whole timeline included. */
  const snapshot = async (contactId: number) => {
    const profile = await ok('contact:get', { contactId })
    const timeline = []
    let before: string | undefined
    do {
      const page = await ok('timeline:list', { contactId, limit: 3, ...(before ? { before } : {}) })
      timeline.push(...page.items)
      before = page.next ?? undefined
    } while (before)
    return { profile, timeline }
  }

  return { ...store, ctx, seen, call, ok, person, contactOf, snapshot }
}
