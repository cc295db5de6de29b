import { expect } from '@playwright/test'
import type { App } from './fixtures'

interface StrongRef {
  uri: string
  cid: string
}

export interface BlueskyPost extends StrongRef {
  author: { did: string; handle: string }
  record: { text: string; reply?: { root: StrongRef; parent: StrongRef } }
}

export interface PostedReply {
  uri: string
  text: string
  reply: { root: StrongRef; parent: StrongRef } | null
}

/**
 * The Bluesky emulator `earshot serve` starts for the live demo, driven through its loopback-only
 * /_control API (emulators/shared/control.ts). Its address is read from the line serve prints.
 */
export class BlueskyEmulator {
  private constructor(readonly baseUrl: string) {}

  static async of(app: App): Promise<BlueskyEmulator> {
    let baseUrl = ''
    await expect
      .poll(() => (baseUrl = /^demo: bluesky (\S+)$/m.exec(app.serverOutput())?.[1] ?? ''), {
        message: 'earshot serve should print "demo: bluesky <url>" when the demo has live traffic',
        timeout: 30_000,
      })
      .not.toBe('')
    return new BlueskyEmulator(baseUrl)
  }

  /**
   * A customer writes to the shop: with `replyToShop`, as an answer to the shop's newest post (the
   * thread's root is then the shop's post); otherwise as a new post naming the shop's @handle.
   */
  async mention(text: string, options: { replyToShop?: boolean } = {}): Promise<BlueskyPost> {
    const response = await fetch(`${this.baseUrl}/_control/mentions`, {
      method: 'POST',
      body: JSON.stringify({ text, replyToShop: options.replyToShop ?? false }),
    })
    expect(response.ok, await response.clone().text()).toBe(true)
    return ((await response.json()) as { data: BlueskyPost }).data
  }

  /** The posts the shop wrote through the emulator (the app's replies). */
  async posted(): Promise<PostedReply[]> {
    const response = await fetch(`${this.baseUrl}/_control/posted`)
    return ((await response.json()) as { data: PostedReply[] }).data
  }
}
