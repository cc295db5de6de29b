import type { Channel } from '../src/shared/domain'
import type { AccountContext } from '../src/main/core/demo/conversation'
import { createRng, hashSeed } from '../src/main/core/demo/prng'
import { SCENARIO } from '../src/main/core/demo/scenario'
import { createConversationSink } from '../src/main/core/demo/sink'
import { HEAVY_REGULAR, heavyRegularConversations } from '../src/main/core/demo/specials'
import type { Db } from '../src/main/core/store/db'

/** Issue #5 asks for the first paint of a 10,000-event timeline, whatever the scale of the inbox. */
export const TIMELINE_EVENTS = 10_000

/** The heavy regular writes about this many messages per unit of demo scale (see specials.ts). */
const EVENTS_PER_SCALE = 240

/**
 * Gives the demo's heavy regular at least `TIMELINE_EVENTS` timeline events: the demo grows her history
 * with its scale (~250 per unit), so a small, quick bench would otherwise open a timeline of a few
 * hundred. More of her own orders, through the demo's generator and the real ingest path, on the same
 * accounts (so the same contact), with message ids of their own (an account index no demo account has).
 */
export function topUpHeavyTimeline(db: Db, contactId: number, seed: number, now: number = Date.now()): number {
  const workspaceId = db.prepare('SELECT workspace_id FROM contacts WHERE id = ?').pluck().get(contactId) as number
  const accounts = db
    .prepare(
      `SELECT id, channel, handle FROM accounts WHERE workspace_id = ? AND channel IN ('email', 'facebook') ORDER BY id`,
    )
    .all(workspaceId) as { id: number; channel: Channel; handle: string }[]
  const countEvents = db.prepare('SELECT count(*) FROM messages WHERE contact_id = ?').pluck()
  let events = countEvents.get(contactId) as number
  for (let round = 1; events < TIMELINE_EVENTS && accounts.length > 0; round++) {
    const scale = Math.ceil((TIMELINE_EVENTS - events) / EVENTS_PER_SCALE)
    const rng = createRng(hashSeed(seed, 5, round))
    accounts.forEach((account, index) => {
      const ctx: AccountContext = {
        accountIndex: 1000 * round + index,
        channel: account.channel,
        shopHandle: account.handle,
        business: SCENARIO[HEAVY_REGULAR.workspaceIndex]!.business,
        now,
      }
      const sink = createConversationSink(db, account.id, workspaceId, now, () => {})
      for (const conversation of heavyRegularConversations(rng, ctx, scale)) sink.add(conversation)
      sink.flush()
    })
    const grown = countEvents.get(contactId) as number
    if (grown === events) throw new Error(`The demo's accounts add nothing to contact ${contactId}'s timeline`)
    events = grown
  }
  return events
}
