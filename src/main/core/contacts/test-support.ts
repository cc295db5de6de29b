import type { CommandArg, CommandName, CommandResult, EventMap } from '../../../shared/contract'
import type { Channel } from '../../../shared/domain'
import type { Result } from '../../../shared/errors'
import type { CoreContext } from '../api/context'
import { dispatch } from '../api/dispatch'
import { handlers } from '../api/handlers'
import { EventBus } from '../events'
import type { IngestIdentity } from '../store/ingest'
import { item, testStore } from '../store/test-support'

type TestChannel = keyof ReturnType<typeof testStore>['accounts']

/** A test store behind the real contract: every call is validated, handled and audited as in the app. */
export function contactsHarness() {
  const store = testStore()
  const events = new EventBus()
  const ctx: CoreContext = {
    db: store.db,
    events,
    info: { version: 't', host: 'web', dataDir: '/tmp' },
    actor: 'Anna',
    background: null,
  }
  const seen: EventMap['db:changed'][] = []
  events.on('db:changed', (e) => seen.push(e))
  const call = <K extends CommandName>(name: K, arg: CommandArg<K>) =>
    dispatch(ctx, handlers, name, arg) as Promise<Result<CommandResult<K>>>
  const ok = async <K extends CommandName>(name: K, arg: CommandArg<K>): Promise<CommandResult<K>> => {
    const r = await call(name, arg)
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
    return r.value
  }

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
