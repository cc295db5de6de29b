import { z } from 'zod'
import { Id, type Channel, type EpochMs } from '../domain'
import type { OutcomeKind } from './contacts'
import { command } from './define'
import { IsoDate } from './policy'

/** Longer spans tell nobody more, and ten years of days still fit a chart's data table. */
export const MAX_REPORT_DAYS = 3_660
/** What a report covers when no range is given: the last 30 days, today included. */
export const DEFAULT_REPORT_DAYS = 30

/** Every figure of a report, in the order the view and the CSV show them. */
export const REPORT_FIGURES = [
  'volume',
  'firstReply',
  'withinTarget',
  'outcomes',
  'sentiment',
  'heatmap',
  'complainers',
  'sales',
  'productFeedback',
] as const
export type ReportFigure = (typeof REPORT_FIGURES)[number]

/** Whole local days in the workspace's time zone, both ends included. */
export interface ReportRange {
  from: string
  to: string
  timeZone: string
  /** The same days as instants: [fromMs, toMs). */
  fromMs: EpochMs
  toMs: EpochMs
}

/** A channel's row, or 'all' for the whole workspace. */
export type ChannelOrAll = Channel | 'all'

/** Messages per channel and local day. */
export interface VolumeRow {
  day: string
  channel: Channel
  incoming: number
  outgoing: number
}

/** Conversations a customer began in the range and we answered: the wait for the first answer, in business time. */
export interface FirstReplyRow {
  channel: ChannelOrAll
  answered: number
  /** Nearest rank: the wait that half (nine in ten) of the answered conversations did not exceed. */
  medianMs: number | null
  p90Ms: number | null
}

/** Of those answered, how many within the first-reply target that applied to them. */
export interface WithinTargetRow {
  channel: ChannelOrAll
  answered: number
  withinTarget: number
  /** withinTarget / answered; null when nothing was answered. */
  share: number | null
}

/** What became of the conversations a customer began in the range. */
export interface OutcomeRow {
  channel: ChannelOrAll
  conversations: number
  answeredInChannel: number
  redirectedHotline: number
  redirectedEmail: number
  redirectedOther: number
  unanswered: number
}

/** The mood of incoming messages per local day (messages not read for mood yet are left out). */
export interface SentimentRow {
  day: string
  negative: number
  neutral: number
  positive: number
  /** Mean score in [-1, 1]; null on a day without scored messages. */
  averageScore: number | null
}

/** Incoming messages per local weekday (1 = Monday) and hour (0–23). */
export interface HeatmapCell {
  weekday: number
  hour: number
  incoming: number
}

/** Someone who wrote negatively in the range, with how far their words travel. */
export interface ComplainerRow {
  contactId: number
  name: string
  reach: number
  vip: boolean
  negativeMessages: number
}

/**
 * Sales outcomes set on contacts in the range, per channel of the conversation that led to them (the
 * contact's latest one begun before the outcome was set; 'none' for contacts we never talked to).
 */
export interface SalesRow {
  channel: Channel | 'none'
  kind: OutcomeKind
  contacts: number
  /** Sales only: their summed value in minor units (cents), one row per currency. */
  currency: string | null
  valueMinor: number | null
}

/** A conversation tagged as product feedback, in the customer's words, for the product team. */
export interface FeedbackRow {
  conversationId: number
  /** The local day the customer first wrote. */
  day: string
  channel: Channel
  contactName: string
  subject: string | null
  /** The customer's first message (up to 2,000 characters). */
  text: string
}

export interface Report {
  workspaceId: number
  range: ReportRange
  volume: VolumeRow[]
  firstReply: FirstReplyRow[]
  withinTarget: WithinTargetRow[]
  outcomes: OutcomeRow[]
  sentiment: SentimentRow[]
  heatmap: HeatmapCell[]
  complainers: ComplainerRow[]
  sales: SalesRow[]
  productFeedback: FeedbackRow[]
}

const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000

/** Reports: every figure for a workspace and a range of days, the same for the view and `earshot report`. */
export const reportCommands = {
  /** Without `from` and `to`: the last 30 days. One given alone takes the other 30 days away (or today). */
  'report:get': command<Report>()(
    z
      .object({ workspaceId: Id, from: IsoDate.optional(), to: IsoDate.optional() })
      .strict()
      .refine((a) => a.from === undefined || a.to === undefined || a.from <= a.to, {
        message: 'the first day must not come after the last',
      })
      .refine((a) => a.from === undefined || a.to === undefined || daysBetween(a.from, a.to) < MAX_REPORT_DAYS, {
        message: `at most ${MAX_REPORT_DAYS} days`,
      }),
  ),
}
