import { expect } from '@playwright/test'
import type { App } from './fixtures'

export interface MentionTweet {
  id: string
  author_id: string
  text: string
}

export interface PostedTweet {
  kind: 'tweet' | 'dm'
  id: string
  text: string
  inReplyToTweetId: string | null
}

/**
 * The X emulator `earshot serve` starts for the live demo, driven through its loopback-only
 * /_control API (emulators/shared/control.ts). Its address is read from the line serve prints.
 */
export class XEmulator {
  private constructor(readonly baseUrl: string) {}

  static async of(app: App): Promise<XEmulator> {
    let baseUrl = ''
    await expect
      .poll(() => (baseUrl = /^demo: x (\S+)$/m.exec(app.serverOutput())?.[1] ?? ''), {
        message: 'earshot serve should print "demo: x <url>" when the demo has live traffic',
        timeout: 30_000,
      })
      .not.toBe('')
    return new XEmulator(baseUrl)
  }

  /**
   * A customer mentions the shop; the emulator adds the shop's @handle. Given `replyTo` (a tweet this
   * returned), the same customer writes again in that thread. Returns the new tweet.
   */
  async mention(text: string, replyTo?: MentionTweet): Promise<MentionTweet> {
    const thread = replyTo ? { inReplyToId: replyTo.id, authorId: replyTo.author_id } : {}
    const response = await fetch(`${this.baseUrl}/_control/mentions`, {
      method: 'POST',
      body: JSON.stringify({ text, ...thread }),
    })
    expect(response.ok, await response.clone().text()).toBe(true)
    return ((await response.json()) as { data: MentionTweet }).data
  }

  /** X stops answering: every request's connection drops, as when the provider cannot be reached. */
  async goOffline(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/_control/faults`, {
      method: 'POST',
      body: JSON.stringify({ fault: { kind: 'unreachable' }, times: 100_000 }),
    })
    expect(response.ok, await response.clone().text()).toBe(true)
  }

  /** X answers again. */
  async comeBack(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/_control/faults`, { method: 'DELETE' })
    expect(response.ok, await response.clone().text()).toBe(true)
  }

  /** Everything the shop has posted to X through the emulator. */
  async posted(): Promise<PostedTweet[]> {
    const response = await fetch(`${this.baseUrl}/_control/posted`)
    return ((await response.json()) as { data: PostedTweet[] }).data
  }
}
