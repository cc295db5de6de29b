import { mulberry32 } from '../../src/main/core/demo/prng'
import { ANGRY_INFLUENCER, PAGE_POSTS, SHOP, angryText, customerText, persona } from '../shared/voice'

export interface FbUser { id: string; name: string }
export interface FbPost { id: string; message: string; created_time: string; from: FbUser }
export interface FbComment { id: string; message: string; created_time: string; from: FbUser; objectId: string }
export interface FbMessage { id: string; message: string; created_time: string; from: FbUser; to: { data: FbUser[] } }
export interface FbConversation { id: string; psid: string; messages: FbMessage[] }

export interface FbScenarioOptions { seed: number; commentsPerPost: number; conversations: number; now: () => number }

/** Graph time format: ISO 8601 with a +0000 offset and no milliseconds. */
export const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000')
export const parseGraphTime = (text: string) => Date.parse(text.replace(/\+0000$/, 'Z'))

/** A Facebook Page with posts, customer comments and Messenger conversations. */
export class FbState {
  readonly page: FbUser = { id: '104200300400', name: SHOP.name }
  readonly users: FbUser[] = []
  /** Newest last. */
  readonly posts: FbPost[] = []
  readonly comments: FbComment[] = []
  readonly conversations: FbConversation[] = []
  private sequence = 0
  private seeded = false
  private readonly random: () => number

  constructor(private readonly options: FbScenarioOptions) {
    this.random = mulberry32(options.seed)
    this.seed()
    this.seeded = true
  }

  /** Seeded history repeats its ids on every start; later items take the clock's, so none is ever reused. */
  private nextNumber(): number {
    this.sequence++
    return this.seeded ? this.options.now() * 1000 + (this.sequence % 1000) : this.sequence
  }

  addPost(message: string, at = this.options.now()): FbPost {
    const post = { id: `${this.page.id}_${900_000 + this.nextNumber()}`, message, created_time: graphTime(at), from: this.page }
    this.posts.push(post)
    return post
  }

  /** A comment on a post, or a reply when objectId is a comment. */
  addComment(arg: { objectId?: string; from?: FbUser; message?: string; at?: number } = {}): FbComment {
    const objectId = arg.objectId ?? this.posts.at(-1)?.id
    if (!objectId) throw new Error('Facebook emulator: no post to comment on')
    const comment: FbComment = {
      id: `${objectId.split('_').at(-1)}_${500_000 + this.nextNumber()}`,
      message: arg.message ?? customerText(this.random),
      created_time: graphTime(arg.at ?? this.options.now()),
      from: arg.from ?? this.randomUser(),
      objectId,
    }
    this.comments.push(comment)
    return comment
  }

  /** A Messenger message from a customer (or the page), opening the conversation when it is the first. */
  addMessage(arg: { psid?: string; fromPage?: boolean; message?: string; at?: number } = {}): FbMessage {
    const customer = arg.psid ? this.userOrThrow(arg.psid) : this.randomUser()
    let conversation = this.conversations.find((c) => c.psid === customer.id)
    if (!conversation) {
      conversation = { id: `t_${700_000 + this.nextNumber()}`, psid: customer.id, messages: [] }
      this.conversations.push(conversation)
    }
    const [from, to] = arg.fromPage ? [this.page, customer] : [customer, this.page]
    const message: FbMessage = {
      id: `m_${Buffer.from(`mid.${this.nextNumber()}`).toString('base64url')}`,
      message: arg.message ?? customerText(this.random),
      created_time: graphTime(arg.at ?? this.options.now()),
      from,
      to: { data: [to] },
    }
    conversation.messages.push(message)
    return message
  }

  lastCustomerMessageAt(psid: string): number | null {
    const conversation = this.conversations.find((c) => c.psid === psid)
    const last = conversation?.messages.filter((m) => m.from.id === psid).at(-1)
    return last ? parseGraphTime(last.created_time) : null
  }

  userOrThrow(id: string): FbUser {
    const user = this.users.find((u) => u.id === id)
    if (!user) throw new Error(`Facebook emulator: no user ${id}`)
    return user
  }

  private randomUser(): FbUser {
    return this.users[Math.floor(this.random() * this.users.length)] ?? this.page
  }

  /** Posts a day apart with comments, the angry influencer on the newest post, and Messenger threads. */
  private seed(): void {
    for (let i = 0; i < 30; i++) this.users.push({ id: String(6_000_000_000_000_000 + i * 7919), name: persona(this.random, i).name })
    const angry: FbUser = { id: '6100000000000042', name: ANGRY_INFLUENCER.name }
    this.users.push(angry)
    const now = this.options.now()
    PAGE_POSTS.forEach((message, i) => {
      const postAt = now - (PAGE_POSTS.length - i) * 86_400_000
      const post = this.addPost(message, postAt)
      for (let c = 0; c < this.options.commentsPerPost; c++) this.addComment({ objectId: post.id, at: postAt + (c + 1) * 600_000 })
    })
    const newest = this.posts.at(-1)
    if (newest) this.addComment({ objectId: newest.id, from: angry, message: angryText(this.random), at: now - 3_600_000 })
    for (let i = 0; i < this.options.conversations; i++) {
      const at = now - (i + 1) * 5 * 3_600_000
      const customer = this.users[i % this.users.length] ?? angry
      this.addMessage({ psid: customer.id, at })
      if (i % 2 === 0) this.addMessage({ psid: customer.id, fromPage: true, message: 'Danke für Ihre Nachricht! Wir kümmern uns.', at: at + 60_000 })
    }
  }
}
