import { describe, expect, it } from 'vitest'
import { translator } from '../../i18n/test-translator'
import type { Alert } from '../../../../shared/domain'
import { alertText } from './alertText'

const alert = (overrides: Partial<Alert> = {}): Alert => ({
  kind: 'overdue',
  workspaceId: 1,
  conversationIds: [7],
  detail: { count: 1, contact: 'Anna Schmidt' },
  raisedAt: 1,
  ...overrides,
})
const plain = (n: number) => String(n)

describe('alert toast text', () => {
  it('names the kind and the contact, in either language', async () => {
    expect(alertText(await translator('en'), alert(), plain)).toEqual({
      title: 'Reply overdue',
      body: 'Anna Schmidt',
      tone: 'danger',
    })
    expect(alertText(await translator('de'), alert({ kind: 'due-soon' }), plain)).toEqual({
      title: 'Antwort bald fällig',
      body: 'Anna Schmidt',
      tone: 'warning',
    })
  })

  it('counts the others from the core, which names only the first few', async () => {
    const many = alert({ conversationIds: [1, 2, 3], detail: { count: 57, contact: 'Anna Schmidt' } })
    expect(alertText(await translator('en'), many, plain).body).toBe('Anna Schmidt and 56 more')
  })

  it('gives the following behind a reach alert', async () => {
    const reach = alert({ kind: 'reach', detail: { count: 1, contact: 'Lena Krüger', reach: 184_300 } })
    expect(alertText(await translator('en'), reach, () => '184K').body).toBe('Lena Krüger (184K followers)')
  })

  it('falls back to a count when no contact is named', async () => {
    expect(alertText(await translator('en'), alert({ conversationIds: [1, 2], detail: {} }), plain).body).toBe(
      '2 conversations',
    )
  })
})
