import { OUTCOME_KINDS, type OutcomeKind } from '../../../../shared/commands/contacts'
import type { SalesRow } from '../../../../shared/commands/reports'
import { CHANNELS, type Channel } from '../../../../shared/domain'
import type { Db } from '../../store/db'
import { contactFamily } from '../../store/repos/contacts'
import { rangeParams, type ReportScope } from './scope'

// A merged contact's outcome moved to the contact it is part of (0060); only those at the top count.
// Outcomes are set by hand and few: CROSS JOIN reads them first instead of every contact of the workspace.
const SET_IN_RANGE = `SELECT o.contact_id AS contactId, o.kind, o.value_minor AS valueMinor, o.currency, o.set_at AS setAt
  FROM contact_outcomes o CROSS JOIN contacts c ON c.id = o.contact_id
  WHERE c.workspace_id = @workspaceId AND c.merged_into_id IS NULL AND o.set_at >= @fromMs AND o.set_at < @toMs`

// The conversation begun last before the outcome was set, else the first one after it.
const LEADING_CHANNEL = `SELECT channel FROM conversations
  WHERE contact_id IN (SELECT value FROM json_each(@family))
  ORDER BY coalesce(first_customer_message_at, last_message_at) > @setAt,
           abs(coalesce(first_customer_message_at, last_message_at) - @setAt)
  LIMIT 1`

interface Outcome {
  contactId: number
  kind: OutcomeKind
  valueMinor: number | null
  currency: string | null
  setAt: number
}

const channelOrder = (c: Channel | 'none') => (c === 'none' ? CHANNELS.length : CHANNELS.indexOf(c))

/** Sales outcomes set on contacts in the range, counted (and sales summed per currency) per leading channel. */
export function salesByChannel(db: Db, scope: ReportScope): SalesRow[] {
  const outcomes = db.prepare(SET_IN_RANGE).all(rangeParams(scope)) as Outcome[]
  const leading = db.prepare(LEADING_CHANNEL).pluck()
  const rows = new Map<string, SalesRow>()
  for (const o of outcomes) {
    const family = JSON.stringify(contactFamily(db, o.contactId))
    const channel = (leading.get({ family, setAt: o.setAt }) as Channel | undefined) ?? 'none'
    const key = JSON.stringify([channel, o.kind, o.currency])
    const row = rows.get(key) ?? {
      channel,
      kind: o.kind,
      contacts: 0,
      currency: o.currency,
      valueMinor: o.kind === 'sale' ? 0 : null,
    }
    row.contacts++
    if (row.valueMinor !== null) row.valueMinor += o.valueMinor ?? 0
    rows.set(key, row)
  }
  return [...rows.values()].sort(
    (a, b) =>
      channelOrder(a.channel) - channelOrder(b.channel) ||
      OUTCOME_KINDS.indexOf(a.kind) - OUTCOME_KINDS.indexOf(b.kind) ||
      (a.currency ?? '').localeCompare(b.currency ?? ''),
  )
}
