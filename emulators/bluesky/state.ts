import { createHash } from 'node:crypto'
import { mulberry32 } from '../../src/main/core/demo/prng'
import { tid } from '../../src/main/core/connectors/bluesky/tid'
import { ANGRY_INFLUENCER, PAGE_POSTS, SHOP, angryText, customerText, persona } from '../shared/voice'

export interface BskyActor {
  did: string
  handle: string
  displayName: string
  followersCount: number
  followsCount: number
  postsCount: number
}

export interface StrongRef {
  uri: string
  cid: string
}

export interface PostRecord {
  $type: 'app.bsky.feed.post'
  text: string
  createdAt: string
  reply?: { root: StrongRef; parent: StrongRef }
}

export interface BskyPost {
  uri: string
  cid: string
  rkey: string
  authorDid: string
  record: PostRecord
  indexedAt: string
}

export interface BskyNotification {
  /** Position in the notification list: newest has the highest. */
  seq: number
  uri: string
  cid: string
  authorDid: string
  reason: 'mention' | 'reply' | 'like' | 'follow'
  reasonSubject?: string
  record: Record<string, unknown>
  indexedAt: string
}

export interface BskyScenarioOptions {
  seed: number
  mentions: number
  now: () => number
}

const HANDLE_DOMAIN = 'bsky.social'
/** 2024-01-01 in microseconds: where the seeded record keys start. */
const SEED_EPOCH_MICROS = 1_704_067_200_000_000n

/** A content id in the shape of a CIDv1 (base32 "bafyrei…"), derived from the record. */
export function cidOf(value: unknown): string {
  return `bafyrei${createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 52)}`
}

/**
 * What the Bluesky emulator knows: actors, posts, and the shop's notifications. Seeded history is the
 * same on every start; later posts take record keys from the clock, so none is ever reused.
 */
export class BskyState {
  readonly me: BskyActor
  readonly actors = new Map<string, BskyActor>()
  /** Every post, oldest first. */
  readonly posts: BskyPost[] = []
  /** The shop's notifications, oldest first. */
  readonly notifications: BskyNotification[] = []
  private sequence = 0
  private seeded = false
  private readonly random: () => number

  constructor(private readonly options: BskyScenarioOptions) {
    this.random = mulberry32(options.seed)
    this.me = this.addActor(SHOP.name, SHOP.username.replace(/_/g, '-'), 2_480)
    this.seed()
    this.seeded = true
  }

  /**
   * The seeded history gets the same record keys on every start (replaying it changes nothing);
   * what arrives afterwards gets keys from the clock, so a restarted emulator never reuses one.
   */
  private nextKey(at: number): string {
    this.sequence++
    return this.seeded
      ? tid(BigInt(at) * 1000n + BigInt(this.sequence % 1000), this.sequence)
      : tid(SEED_EPOCH_MICROS + BigInt(this.sequence), 0)
  }

  addActor(displayName: string, name: string, followers: number): BskyActor {
    const handle = `${name}.${HANDLE_DOMAIN}`
    const did = `did:plc:${createHash('sha256').update(handle).digest('hex').slice(0, 24)}`
    const actor = { did, handle, displayName, followersCount: followers, followsCount: 180, postsCount: 640 }
    this.actors.set(did, actor)
    return actor
  }

  actorOrThrow(did: string): BskyActor {
    const actor = this.actors.get(did)
    if (!actor) throw new Error(`Bluesky emulator: no actor ${did}`)
    return actor
  }

  /** By DID or handle, as XRPC `actor` parameters accept both. */
  resolve(actor: string): BskyActor | undefined {
    return this.actors.get(actor) ?? [...this.actors.values()].find((a) => a.handle === actor)
  }

  randomCustomer(): BskyActor {
    const customers = [...this.actors.values()].filter((a) => a.did !== this.me.did)
    return customers[Math.floor(this.random() * customers.length)] ?? this.me
  }

  postByUri(uri: string): BskyPost | undefined {
    return this.posts.find((p) => p.uri === uri)
  }

  /** Stores a post; `rkey` is the client's when it chose one. Mentions of and replies to the shop notify it. */
  addPost(arg: { author: BskyActor; text: string; at?: number; parent?: BskyPost; rkey?: string }): BskyPost {
    const at = arg.at ?? this.options.now()
    const record: PostRecord = { $type: 'app.bsky.feed.post', text: arg.text, createdAt: new Date(at).toISOString() }
    if (arg.parent) {
      const parentRef = { uri: arg.parent.uri, cid: arg.parent.cid }
      record.reply = { root: arg.parent.record.reply?.root ?? parentRef, parent: parentRef }
    }
    return this.storeRecord(arg.author, record, at, arg.rkey)
  }

  /** A record as a client wrote it (createRecord): stored as given. */
  storeRecord(author: BskyActor, record: PostRecord, at: number, rkey?: string): BskyPost {
    const key = rkey ?? this.nextKey(at)
    const post: BskyPost = {
      uri: `at://${author.did}/app.bsky.feed.post/${key}`,
      cid: cidOf({ record, key }),
      rkey: key,
      authorDid: author.did,
      record,
      indexedAt: new Date(at).toISOString(),
    }
    this.posts.push(post)
    this.notify(post)
    return post
  }

  /** A customer mentions the shop, or answers one of its posts when `replyTo` is given. */
  addMention(arg: { text?: string; authorDid?: string; at?: number; replyTo?: BskyPost } = {}): BskyPost {
    const author = arg.authorDid ? this.actorOrThrow(arg.authorDid) : this.randomCustomer()
    const text = arg.text ?? `@${this.me.handle} ${customerText(this.random)}`
    return this.addPost({
      author,
      text,
      ...(arg.at !== undefined ? { at: arg.at } : {}),
      ...(arg.replyTo ? { parent: arg.replyTo } : {}),
    })
  }

  /** The newest post of the shop itself, to answer. */
  latestShopPost(): BskyPost | undefined {
    return this.posts.findLast((p) => p.authorDid === this.me.did && !p.record.reply)
  }

  private notify(post: BskyPost): void {
    if (post.authorDid === this.me.did) return
    const parentAuthor = post.record.reply ? this.postByUri(post.record.reply.parent.uri)?.authorDid : undefined
    const reason =
      parentAuthor === this.me.did ? 'reply' : post.record.text.includes(`@${this.me.handle}`) ? 'mention' : null
    if (!reason) return
    this.notifications.push({
      seq: this.notifications.length + 1,
      uri: post.uri,
      cid: post.cid,
      authorDid: post.authorDid,
      reason,
      record: { ...post.record },
      indexedAt: post.indexedAt,
    })
  }

  /** Someone likes the shop's post: a notification the connector must filter out. */
  private addLike(author: BskyActor, subject: BskyPost, at: number): void {
    const record = {
      $type: 'app.bsky.feed.like',
      subject: { uri: subject.uri, cid: subject.cid },
      createdAt: new Date(at).toISOString(),
    }
    const key = this.nextKey(at)
    this.notifications.push({
      seq: this.notifications.length + 1,
      uri: `at://${author.did}/app.bsky.feed.like/${key}`,
      cid: cidOf(record),
      authorDid: author.did,
      reason: 'like',
      reasonSubject: subject.uri,
      record,
      indexedAt: record.createdAt,
    })
  }

  /** Seeded history: the shop's posts, then customers mentioning or answering it a minute apart, ending now. */
  private seed(): void {
    for (let i = 0; i < 30; i++) {
      const p = persona(this.random, i)
      this.addActor(p.name, p.username, p.followers)
    }
    const angry = this.addActor(ANGRY_INFLUENCER.name, ANGRY_INFLUENCER.username, ANGRY_INFLUENCER.followers)
    const start = this.options.now() - (this.options.mentions + PAGE_POSTS.length) * 60_000
    PAGE_POSTS.forEach((text, i) => this.addPost({ author: this.me, text, at: start + i * 60_000 }))
    const first = start + PAGE_POSTS.length * 60_000
    for (let i = 0; i < this.options.mentions; i++) {
      const at = first + i * 60_000
      if (i === Math.floor(this.options.mentions * 0.7)) {
        this.addMention({
          authorDid: angry.did,
          text: angryText(this.random).replace('@sonnenschein_dus', `@${this.me.handle}`),
          at,
        })
      } else if (i % 3 === 1) {
        this.addMention({
          at,
          ...(this.latestShopPost() ? { replyTo: this.latestShopPost() } : {}),
          text: customerText(this.random),
        })
      } else this.addMention({ at })
      if (i % 5 === 0) this.addLike(this.randomCustomer(), this.latestShopPost() ?? this.posts[0]!, at + 1)
    }
  }
}
