import { startFacebookEmulator, type FacebookControl } from './facebook/server'
import { startXEmulator, type XControl } from './x/server'

export type { Fault, RequestLogEntry } from './shared/http'
export type { XControl, XPosted } from './x/server'
export type { FacebookControl, FbPosted } from './facebook/server'

export interface EmulatorOptions {
  /** X listens on `port`, Facebook on `port + 1`; 0 (default) picks free ports. */
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
  if (options.scenario === 'demo') {
    x.control.startLive(5000)
    facebook.control.startLive(7000)
  }
  return {
    x: { baseUrl: x.baseUrl, control: x.control },
    facebook: { baseUrl: facebook.baseUrl, control: facebook.control },
    close: async () => {
      await Promise.all([x.close(), facebook.close()])
    },
  }
}
