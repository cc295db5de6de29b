import { mulberry32 } from '../../src/main/core/demo/prng'
import { ANGRY_INFLUENCER, SHOP, angryText, customerText, persona } from '../shared/voice'

export interface XUser {
  id: string
  name: string
  username: string
  public_metrics: { followers_count: number; following_count: number; tweet_count: number; listed_count: number }
}

export interface XTweet {
  id: string
  text: string
  author_id: string
  conversation_id: string
  created_at: string
  in_reply_to_user_id?: string
  referenced_tweets?: { type: 'replied_to' | 'quoted'; id: string }[]
  edit_history_tweet_ids: string[]
}

export interface XDmEvent {
  id: string
  event_type: 'MessageCreate'
  text: string
  sender_id: string
  dm_conversation_id: string
  created_at: string
  participant_ids: string[]
}

export interface XScenarioOptions {
  seed: number
  mentions: number
  dms: number
  now: () => number
}

const ID_BASE = 1_890_000_000_000_000_000n
/** X's snowflake epoch (2010-11-04); live ids made from today's clock sort above the seeded ones. */
const SNOWFLAKE_EPOCH = 1_288_834_974_657n

/** Everything the X emulator knows; ids grow with time, as snowflakes do. */
export class XState {
  readonly me: XUser
  readonly users = new Map<string, XUser>()
  /** Ascending by id. */
  readonly tweets: XTweet[] = []
  /** The account's mentions, kept as tweets arrive: filtering every tweet per request made paging quadratic. */
  readonly mentions: XTweet[] = []
  readonly dmEvents: XDmEvent[] = []
  private sequence = 0n
  private seeded = false
  private readonly random: () => number

  constructor(private readonly options: XScenarioOptions) {
    this.random = mulberry32(options.seed)
    this.me = this.addUser(SHOP.name, SHOP.username, 10_214)
    this.seed()
    this.seeded = true
  }

  /**
   * The seeded history gets the same ids on every start (replaying it changes nothing); what arrives
   * afterwards gets clock-based snowflakes, so a restarted emulator never reuses an id a client stored.
   */
  nextId(): string {
    this.sequence++
    if (!this.seeded) return String(ID_BASE + this.sequence * 4096n)
    return String(((BigInt(this.options.now()) - SNOWFLAKE_EPOCH) << 22n) + (this.sequence % 4096n))
  }

  addUser(name: string, username: string, followers: number): XUser {
    const id = String(1_000 + this.users.size)
    const user: XUser = {
      id,
      name,
      username,
      public_metrics: { followers_count: followers, following_count: 120, tweet_count: 900, listed_count: 3 },
    }
    this.users.set(id, user)
    return user
  }

  /** A customer tweet mentioning the shop; `at` defaults to the emulator clock. */
  addMention(arg: { authorId?: string; text?: string; at?: number; inReplyToId?: string } = {}): XTweet {
    const author = arg.authorId ? this.userOrThrow(arg.authorId) : this.randomCustomer()
    const parent = arg.inReplyToId ? this.tweets.find((t) => t.id === arg.inReplyToId) : undefined
    const text = arg.text ?? `@${this.me.username} ${customerText(this.random)}`
    return this.addTweet({ author, text, at: arg.at ?? this.options.now(), parent })
  }

  addTweet(arg: { author: XUser; text: string; at: number; parent?: XTweet | undefined }): XTweet {
    const id = this.nextId()
    const tweet: XTweet = {
      id,
      text: arg.text,
      author_id: arg.author.id,
      conversation_id: arg.parent?.conversation_id ?? id,
      created_at: new Date(arg.at).toISOString(),
      edit_history_tweet_ids: [id],
    }
    if (arg.parent) {
      tweet.in_reply_to_user_id = arg.parent.author_id
      tweet.referenced_tweets = [{ type: 'replied_to', id: arg.parent.id }]
    }
    this.tweets.push(tweet)
    if (this.isMention(tweet)) this.mentions.push(tweet)
    return tweet
  }

  addDm(arg: { senderId: string; recipientId: string; text: string; at?: number }): XDmEvent {
    const pair = [arg.senderId, arg.recipientId].sort((a, b) => Number(a) - Number(b))
    const event: XDmEvent = {
      id: this.nextId(),
      event_type: 'MessageCreate',
      text: arg.text,
      sender_id: arg.senderId,
      dm_conversation_id: pair.join('-'),
      created_at: new Date(arg.at ?? this.options.now()).toISOString(),
      participant_ids: pair,
    }
    this.dmEvents.push(event)
    return event
  }

  isMention(tweet: XTweet): boolean {
    return tweet.author_id !== this.me.id && tweet.text.toLowerCase().includes(`@${this.me.username.toLowerCase()}`)
  }

  userOrThrow(id: string): XUser {
    const user = this.users.get(id)
    if (!user) throw new Error(`X emulator: no user ${id}`)
    return user
  }

  randomCustomer(): XUser {
    const customers = [...this.users.values()].filter((u) => u.id !== this.me.id)
    return customers[Math.floor(this.random() * customers.length)] ?? this.me
  }

  /** Seeded history: mentions a minute apart ending now, the angry influencer among them, a few DMs. */
  private seed(): void {
    for (let i = 0; i < 40; i++) {
      const p = persona(this.random, i)
      this.addUser(p.name, p.username, p.followers)
    }
    const angry = this.addUser(ANGRY_INFLUENCER.name, ANGRY_INFLUENCER.username, ANGRY_INFLUENCER.followers)
    const start = this.options.now() - this.options.mentions * 30_000
    for (let i = 0; i < this.options.mentions; i++) {
      const isAngry = i === Math.floor(this.options.mentions * 0.7)
      this.addMention({
        at: start + i * 30_000,
        ...(isAngry ? { authorId: angry.id, text: angryText(this.random) } : {}),
      })
    }
    for (let i = 0; i < this.options.dms; i++) {
      const customer = this.randomCustomer()
      this.addDm({ senderId: customer.id, recipientId: this.me.id, text: customerText(this.random), at: start + i * 60_000 })
    }
  }
}
