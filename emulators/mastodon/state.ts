import { mulberry32 } from '../../src/main/core/demo/prng'
import { ANGRY_INFLUENCER, PAGE_POSTS, SHOP, angryText, customerText, persona } from '../shared/voice'

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct'

export interface MastoAccount {
  id: string
  username: string
  /** `user` on this instance, `user@host` elsewhere. */
  acct: string
  display_name: string
  followers_count: number
  following_count: number
  statuses_count: number
  url: string
  created_at: string
}

export interface MastoStatus {
  id: string
  created_at: string
  in_reply_to_id: string | null
  in_reply_to_account_id: string | null
  sensitive: boolean
  spoiler_text: string
  visibility: Visibility
  language: string | null
  uri: string
  url: string
  replies_count: number
  reblogs_count: number
  favourites_count: number
  content: string
  account: MastoAccount
  mentions: { id: string; username: string; acct: string; url: string }[]
  tags: []
  emojis: []
  media_attachments: []
}

export interface MastoNotification {
  id: string
  type: 'mention' | 'favourite' | 'follow' | 'reblog'
  created_at: string
  account: MastoAccount
  status?: MastoStatus
}

export interface MastoScenarioOptions {
  seed: number
  mentions: number
  /** The instance's domain, as accounts and URLs name it. */
  domain: string
  now: () => number
}

const REMOTE_HOSTS = ['mastodon.social', 'chaos.social', 'norden.social', 'det.social']
/** 2024-01-01: seeded ids count up from here, so they are the same on every start. */
const SEED_EPOCH_MS = 1_704_067_200_000n

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** What Mastodon's formatter makes of plain text: paragraphs, line breaks, mentions as h-cards, links split into spans. */
export function toContent(text: string, mentioned: MastoAccount[]): string {
  const inline = (line: string) =>
    escapeHtml(line)
      .replace(/https?:\/\/[^\s<]+/g, (url) => {
        const [, scheme = '', rest = ''] = /^(https?:\/\/)(.*)$/.exec(url) ?? []
        return `<a href="${url}" target="_blank" rel="nofollow noopener noreferrer"><span class="invisible">${scheme}</span><span class="ellipsis">${rest.slice(0, 30)}</span><span class="invisible">${rest.slice(30)}</span></a>`
      })
      .replace(/(^|\s)@([\w.]+(?:@[\w.-]+)?)/g, (whole, lead: string, acct: string) => {
        const account = mentioned.find((a) => a.acct === acct || a.username === acct)
        return account
          ? `${lead}<span class="h-card" translate="no"><a href="${account.url}" class="u-url mention">@<span>${account.username}</span></a></span>`
          : whole
      })
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map(inline).join('<br />')}</p>`)
    .join('')
}

/**
 * What the Mastodon emulator knows: one instance with the shop's account, customers from other
 * instances, statuses and the shop's notifications. Ids are snowflake-like and grow with time.
 */
export class MastoState {
  readonly me: MastoAccount
  readonly accounts = new Map<string, MastoAccount>()
  /** Ascending by id. */
  readonly statuses: MastoStatus[] = []
  /** The shop's notifications, ascending by id. */
  readonly notifications: MastoNotification[] = []
  private sequence = 0n
  private seeded = false
  private readonly random: () => number

  constructor(private readonly options: MastoScenarioOptions) {
    this.random = mulberry32(options.seed)
    this.me = this.addAccount(SHOP.name, 'sonnenschein', null, 1_930)
    this.seed()
    this.seeded = true
  }

  get domain(): string {
    return this.options.domain
  }

  /** Seeded ids repeat on every start (replays change nothing); later ones come from the clock. */
  nextId(): string {
    this.sequence++
    const ms = this.seeded ? BigInt(this.options.now()) : SEED_EPOCH_MS
    return String((ms << 16n) + (this.sequence % 65_536n))
  }

  addAccount(displayName: string, username: string, host: string | null, followers: number): MastoAccount {
    const id = String(100_000 + this.accounts.size)
    const account: MastoAccount = {
      id,
      username,
      acct: host ? `${username}@${host}` : username,
      display_name: displayName,
      followers_count: followers,
      following_count: 150,
      statuses_count: 420,
      url: `https://${host ?? this.options.domain}/@${username}`,
      created_at: '2022-11-05T00:00:00.000Z',
    }
    this.accounts.set(id, account)
    return account
  }

  statusById(id: string): MastoStatus | undefined {
    return this.statuses.find((s) => s.id === id)
  }

  randomCustomer(): MastoAccount {
    const customers = [...this.accounts.values()].filter((a) => a.id !== this.me.id)
    return customers[Math.floor(this.random() * customers.length)] ?? this.me
  }

  /** Stores a status; a status that mentions the shop notifies it. */
  addStatus(arg: {
    account: MastoAccount
    text: string
    at?: number
    inReplyTo?: MastoStatus
    visibility?: Visibility
    spoiler?: string
  }): MastoStatus {
    const at = arg.at ?? this.options.now()
    const mentioned = [...this.accounts.values()].filter((a) =>
      new RegExp(`(^|\\s)@${a.acct.replace(/[.]/g, '\\.')}(?![\\w@])`).test(arg.text),
    )
    const id = this.nextId()
    const status: MastoStatus = {
      id,
      created_at: new Date(at).toISOString(),
      in_reply_to_id: arg.inReplyTo?.id ?? null,
      in_reply_to_account_id: arg.inReplyTo?.account.id ?? null,
      sensitive: Boolean(arg.spoiler),
      spoiler_text: arg.spoiler ?? '',
      visibility: arg.visibility ?? 'public',
      language: 'de',
      uri: `https://${this.options.domain}/users/${arg.account.username}/statuses/${id}`,
      url: `${arg.account.url}/${id}`,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      content: toContent(arg.text, mentioned),
      account: arg.account,
      mentions: mentioned.map((a) => ({ id: a.id, username: a.username, acct: a.acct, url: a.url })),
      tags: [],
      emojis: [],
      media_attachments: [],
    }
    if (arg.inReplyTo) arg.inReplyTo.replies_count++
    this.statuses.push(status)
    if (arg.account.id !== this.me.id && mentioned.some((a) => a.id === this.me.id)) {
      this.notifications.push({
        id: this.nextId(),
        type: 'mention',
        created_at: status.created_at,
        account: arg.account,
        status,
      })
    }
    return status
  }

  /** A customer mentions the shop; answering `inReplyTo` when given. */
  addMention(
    arg: { text?: string; accountId?: string; at?: number; inReplyTo?: MastoStatus; visibility?: Visibility } = {},
  ): MastoStatus {
    const account = arg.accountId ? (this.accounts.get(arg.accountId) ?? this.randomCustomer()) : this.randomCustomer()
    const text = arg.text ?? customerText(this.random)
    return this.addStatus({
      account,
      text: text.includes(`@${this.me.acct}`) ? text : `@${this.me.acct} ${text}`,
      ...(arg.at !== undefined ? { at: arg.at } : {}),
      ...(arg.inReplyTo ? { inReplyTo: arg.inReplyTo } : {}),
      ...(arg.visibility ? { visibility: arg.visibility } : {}),
    })
  }

  /** Seeded history: the shop's posts, customers' mentions a minute apart ending now, a few favourites and follows. */
  private seed(): void {
    for (let i = 0; i < 30; i++) {
      const p = persona(this.random, i)
      this.addAccount(p.name, p.username, REMOTE_HOSTS[i % REMOTE_HOSTS.length] ?? null, p.followers)
    }
    const angry = this.addAccount(
      ANGRY_INFLUENCER.name,
      ANGRY_INFLUENCER.username,
      'mastodon.social',
      ANGRY_INFLUENCER.followers,
    )
    const start = this.options.now() - (this.options.mentions + PAGE_POSTS.length) * 60_000
    const shopPosts = PAGE_POSTS.map((text, i) => this.addStatus({ account: this.me, text, at: start + i * 60_000 }))
    const first = start + PAGE_POSTS.length * 60_000
    for (let i = 0; i < this.options.mentions; i++) {
      const at = first + i * 60_000
      if (i === Math.floor(this.options.mentions * 0.7)) {
        this.addMention({
          accountId: angry.id,
          text: angryText(this.random).replace('@sonnenschein_dus', `@${this.me.acct}`),
          at,
        })
      } else if (i % 4 === 1) {
        this.addMention({ at, inReplyTo: shopPosts[i % shopPosts.length] })
      } else if (i % 9 === 2) {
        this.addMention({
          at,
          visibility: 'direct',
          text: 'Kann ich die Bestellung auch privat mit euch klären? Danke & Grüße <3',
        })
      } else this.addMention({ at })
      if (i % 5 === 0) {
        const fan = this.randomCustomer()
        this.notifications.push({
          id: this.nextId(),
          type: 'favourite',
          created_at: new Date(at + 1).toISOString(),
          account: fan,
          status: shopPosts[0] as MastoStatus,
        })
      }
    }
  }
}
