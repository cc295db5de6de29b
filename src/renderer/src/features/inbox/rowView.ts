import type { TFunction } from 'i18next'
import type { Channel, ConversationRow, ConversationStatus, SentimentLabel } from '../../../../shared/domain'
import { CHANNELS, STATUSES } from '../../components/constants'
import { fill } from '../../i18n/compiled'

const MOODS = ['negative', 'neutral', 'positive'] as const satisfies readonly SentimentLabel[]

/**
 * What every inbox row takes from i18n and the clock, worked out once per language and minute rather
 * than in each cell of each row: a fast scroll renders several new rows every frame.
 */
export interface InboxRowView {
  /** For the texts that differ per row (names, counts, times). */
  t: TFunction
  lang: string
  now: number
  channel: Record<Channel, string>
  status: Record<ConversationStatus, string>
  unassigned: string
  overdue: string
  /** "mood Negative", part of a row's accessible name; neutral adds nothing. */
  mood: Record<SentimentLabel, string>
}

export function inboxRowView(t: TFunction, lang: string, now: number): InboxRowView {
  const each = <K extends string>(keys: readonly K[], label: (key: K) => string) =>
    Object.fromEntries(keys.map((key) => [key, label(key)])) as Record<K, string>
  return {
    t,
    lang,
    now,
    channel: each(CHANNELS, (c) => t(`channel.${c}`)),
    status: each(STATUSES, (s) => t(`status.${s}`)),
    unassigned: t('inbox.unassigned'),
    overdue: t('inbox.overdue'),
    mood: each(MOODS, (m) => (m === 'neutral' ? '' : t('sentiment.inRow', { label: t(`sentiment.label.${m}`) }))),
  }
}

/** A row's accessible name: who, about what, and whether it is overdue or upset. */
export function rowLabel(view: InboxRowView, c: ConversationRow, overdue: boolean): string {
  return fill(view.t, view.lang, 'inbox.rowLabel', {
    contact: c.contactName,
    subject: c.subject ?? '',
    snippet: c.snippet,
    overdue: overdue ? view.overdue : '',
    mood: c.sentiment ? view.mood[c.sentiment.label] : '',
  })
    .replace(/\s+/g, ' ')
    .trim()
}
