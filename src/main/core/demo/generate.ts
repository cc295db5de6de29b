import type { Db } from '../store/db'
import { createAccount } from '../store/repos/accounts'
import { savePolicy } from '../store/repos/policies'
import { createWorkspace } from '../store/repos/workspaces'
import { addDemoCannedReplies } from './canned-replies'
import { buildConversation, type AccountContext, type DemoConversation } from './conversation'
import { demoPerson } from './people'
import { demoPolicy } from './policy'
import { createRng, hashSeed, type Rng } from './prng'
import { DEMO_LABEL, SCENARIO, type DemoAccountSpec, type DemoWorkspaceSpec } from './scenario'
import { createConversationSink } from './sink'
import { ANGRY_INFLUENCER, HEAVY_REGULAR, SPECIAL_PEOPLE, heavyRegularConversations, storyConversations, type SpecialPerson } from './specials'

export interface DemoOptions {
  seed?: number
  /** Multiplies volume: 1 ≈ 25,000 messages; 40 ≈ 1,000,000 (the benchmark's size). */
  scale?: number
  /** The demo's "now"; pass a fixed value for reproducible output. */
  now?: number
  onProgress?: (progress: DemoProgress) => void
}

export interface DemoProgress {
  workspace: string
  channel: string
  messages: number
}

export interface DemoSummary {
  workspaceIds: number[]
  messages: number
  /** Time spent in the store's ingest (the rest went into composing text). */
  ingestMs: number
  contacts: number
  /** Ingrid Hoffmann: ~250 × scale timeline events over email and Messenger. */
  heavyContactId: number
  /** Helene Armbruster: 1.24M followers, angry in public on X, unanswered. */
  angryContactId: number
}

export const DEFAULT_SEED = 20_090_826

/** Generated accounts hold history but talk to no provider, so the scheduler leaves them alone. */
export const DEMO_ACCOUNT_REASON = 'Demo data: not connected to a provider.'

/**
 * Builds the demo workspaces through the real ingest path, batch by batch, so memory stays flat even at
 * scale 40. Deterministic for a (seed, scale, now): one PRNG stream, consumed in a fixed order.
 */
export function generateDemo(db: Db, options: DemoOptions = {}): DemoSummary {
  const seed = options.seed ?? DEFAULT_SEED
  const scale = options.scale ?? 1
  if (!(scale > 0)) throw new Error('Demo scale must be positive')
  const now = options.now ?? Date.now()
  const rng = createRng(hashSeed(seed, 1))
  const workspaceIds: number[] = []
  let messages = 0
  let ingestMs = 0
  SCENARIO.forEach((spec, workspaceIndex) => {
    const workspaceId = createWorkspace(db, { name: `${DEMO_LABEL}${spec.business.name}`, isDemo: true, now })
    savePolicy(db, workspaceId, demoPolicy(now), now)
    workspaceIds.push(workspaceId)
    addDemoCannedReplies(db, workspaceId, spec.business, now)
    spec.accounts.forEach((account, accountIndex) => {
      const accountId = createAccount(db, {
        workspaceId,
        channel: account.channel,
        handle: account.handle,
        displayName: account.displayName,
        state: 'paused',
        stateReason: DEMO_ACCOUNT_REASON,
        now,
      })
      linkSpecialIdentities(db, workspaceId, workspaceIndex, account.channel)
      const ctx: AccountContext = { accountIndex: workspaceIndex * 10 + accountIndex, channel: account.channel, shopHandle: account.handle, business: spec.business, now }
      const progress = (inserted: number) =>
        options.onProgress?.({ workspace: spec.business.name, channel: account.channel, messages: messages + inserted })
      const sink = createConversationSink(db, accountId, workspaceId, now, progress)
      for (const conversation of accountConversations(rng, seed, scale, ctx, spec, account, workspaceIndex)) sink.add(conversation)
      messages += sink.flush()
      ingestMs += sink.ingestMs
    })
  })
  return {
    workspaceIds,
    messages,
    ingestMs,
    contacts: countContacts(db, workspaceIds),
    heavyContactId: contactOf(db, workspaceIds, HEAVY_REGULAR),
    angryContactId: contactOf(db, workspaceIds, ANGRY_INFLUENCER),
  }
}

function* accountConversations(
  rng: Rng,
  seed: number,
  scale: number,
  ctx: AccountContext,
  spec: DemoWorkspaceSpec,
  account: DemoAccountSpec,
  workspaceIndex: number,
): Generator<DemoConversation> {
  const pool = Math.max(1, Math.round(account.contacts * scale))
  const conversations = Math.max(pool, Math.round(account.conversations * scale))
  const personOptions = { mainLang: spec.business.mainLang, otherLangShare: spec.business.otherLangShare, sharedCount: spec.sharedPeople }
  for (let k = 0; k < conversations; k++) {
    // Every customer writes once; the rest goes to regulars (low indices), as in a real shop.
    const index = k < pool ? k : Math.floor(pool * Math.pow(rng.next(), 1.6))
    yield buildConversation(rng, ctx, k, demoPerson(seed, workspaceIndex, account.channel, index, personOptions))
  }
  if (workspaceIndex === HEAVY_REGULAR.workspaceIndex) yield* heavyRegularConversations(rng, ctx, scale)
  yield* storyConversations(workspaceIndex, ctx)
}

/**
 * Identities are per channel, so a person on two channels is two contacts until someone merges them.
 * For the special people we link the second channel's identity to the first one's contact up front:
 * ingest resolves by (workspace, channel, external id) and will attach those messages to that contact.
 */
function linkSpecialIdentities(db: Db, workspaceId: number, workspaceIndex: number, channel: SpecialPerson['primary']): void {
  for (const person of SPECIAL_PEOPLE) {
    const identity = person.identities[channel]
    const primary = person.identities[person.primary]
    if (person.workspaceIndex !== workspaceIndex || channel === person.primary || !identity || !primary) continue
    const row = db
      .prepare('SELECT contact_id FROM identities WHERE workspace_id = ? AND channel = ? AND external_id = ?')
      .get(workspaceId, person.primary, primary.externalId) as { contact_id: number } | undefined
    if (!row) continue
    db.prepare(
      'INSERT OR IGNORE INTO identities (workspace_id, contact_id, channel, external_id, handle, display_name, followers) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(workspaceId, row.contact_id, channel, identity.externalId, identity.handle ?? null, identity.displayName, identity.followers ?? null)
  }
}

function countContacts(db: Db, workspaceIds: number[]): number {
  const count = db.prepare('SELECT count(*) AS n FROM contacts WHERE workspace_id = ?')
  return workspaceIds.reduce((sum, id) => sum + (count.get(id) as { n: number }).n, 0)
}

function contactOf(db: Db, workspaceIds: number[], person: SpecialPerson): number {
  const identity = person.identities[person.primary]
  const row = db
    .prepare('SELECT contact_id FROM identities WHERE workspace_id = ? AND channel = ? AND external_id = ?')
    .get(workspaceIds[person.workspaceIndex] ?? -1, person.primary, identity?.externalId ?? '') as { contact_id: number } | undefined
  if (!row) throw new Error('The demo lost one of its special people')
  return row.contact_id
}
