import { startBlueskyEmulator, type BlueskyControl } from './bluesky/server'
import { startFacebookEmulator, type FacebookControl } from './facebook/server'
import { startFeedsEmulator, type FeedsControl } from './feeds/server'
import { startMastodonEmulator, type MastodonControl } from './mastodon/server'
import { startXEmulator, type XControl } from './x/server'

export type { Fault, RequestLogEntry } from './shared/http'
export type { XControl, XPosted } from './x/server'
export type { FacebookControl, FbPosted } from './facebook/server'
export type { FeedsControl, FeedFault, FeedRequest } from './feeds/server'
export type { BlueskyControl, BskyPosted } from './bluesky/server'
export type { MastodonControl, MastoPosted } from './mastodon/server'

export interface EmulatorOptions {
  /** X listens on `port`, Facebook on `port + 1`, Bluesky on `port + 2`, Mastodon on `port + 3`, the feed server on `port + 4`; 0 (default) picks free ports. */
  port?: number
  /** 'demo' turns on live traffic: a new mention and comment every few seconds. */
  scenario?: 'test' | 'demo'
  seed?: number
  /** Seeded X mentions (default 30). */
  mentions?: number
  mentionsCap?: number
  xLimits?: Record<string, number>
  /** The emulators' clock, so tests can move rate-limit windows without waiting. */
  now?: () => number
}

export interface Emulators {
  x: { baseUrl: string; control: XControl }
  facebook: { baseUrl: string; control: FacebookControl }
  /** RSS and Atom feeds for the web watch (a food blog and a review site). */
  feeds: { baseUrl: string; control: FeedsControl }
  /** An XRPC server (a PDS with its AppView's reads) for the shop's Bluesky account. */
  bluesky: { baseUrl: string; control: BlueskyControl }
  /** One Mastodon instance, the shop's account on it and customers from others. */
  mastodon: { baseUrl: string; control: MastodonControl }
  close(): Promise<void>
}

/** Starts the X and Facebook emulators on 127.0.0.1 with one seeded, deterministic scenario. */
export async function startEmulators(options: EmulatorOptions = {}): Promise<Emulators> {
  const port = options.port ?? 0
  const common = { seed: options.seed ?? 7, ...(options.now ? { now: options.now } : {}) }
  const x = await startXEmulator({
    ...common,
    port,
    ...(options.mentions !== undefined ? { mentions: options.mentions } : {}),
    ...(options.mentionsCap !== undefined ? { mentionsCap: options.mentionsCap } : {}),
    ...(options.xLimits ? { limits: options.xLimits } : {}),
  })
  const facebook = await startFacebookEmulator({ ...common, port: port === 0 ? 0 : port + 1 })
  const feeds = await startFeedsEmulator({ ...common, port: port === 0 ? 0 : port + 4 })
  const bluesky = await startBlueskyEmulator({ ...common, port: port === 0 ? 0 : port + 2 })
  const mastodon = await startMastodonEmulator({ ...common, port: port === 0 ? 0 : port + 3 })
  if (options.scenario === 'demo') {
    x.control.startLive(5000)
    facebook.control.startLive(7000)
    feeds.control.startLive(20_000)
    // Slower than X: four channels at X's pace would bury the inbox.
    bluesky.control.startLive(15_000)
    mastodon.control.startLive(20_000)
  }
  return {
    x: { baseUrl: x.baseUrl, control: x.control },
    facebook: { baseUrl: facebook.baseUrl, control: facebook.control },
    feeds: { baseUrl: feeds.baseUrl, control: feeds.control },
    bluesky: { baseUrl: bluesky.baseUrl, control: bluesky.control },
    mastodon: { baseUrl: mastodon.baseUrl, control: mastodon.control },
    close: async () => {
      await Promise.all([x.close(), facebook.close(), feeds.close(), bluesky.close(), mastodon.close()])
    },
  }
}
