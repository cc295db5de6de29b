import { describe, expect, it } from 'vitest'
import type { CannedReply } from '../../../../shared/contract'
import { filterCanned, stepIndex } from './cannedFilter'

const reply = (id: number, language: 'de' | 'en', title: string, body: string): CannedReply => ({
  id,
  workspaceId: 1,
  language,
  title,
  body,
  updatedAt: 0,
})

const replies = [
  reply(1, 'en', 'Thanks', 'Thank you, {{contact.firstName}}!'),
  reply(2, 'de', 'Danke', 'Vielen Dank für Ihre Nachricht über den Käsekuchen.'),
  reply(3, 'de', 'Abholbereit', 'Ihre Bestellung liegt bereit.'),
]

describe('filterCanned', () => {
  it('puts the person’s language first, then sorts by title', () => {
    expect(filterCanned(replies, '', 'de').map((r) => r.id)).toEqual([3, 2, 1])
    expect(filterCanned(replies, '', 'en').map((r) => r.id)).toEqual([1, 3, 2])
  })

  it('matches every typed word in the title or the text, ignoring case and accents', () => {
    expect(filterCanned(replies, 'kasekuchen uber', 'de').map((r) => r.id)).toEqual([2])
    expect(filterCanned(replies, 'BESTELLUNG', 'de').map((r) => r.id)).toEqual([3])
    expect(filterCanned(replies, 'thank firstname', 'de').map((r) => r.id)).toEqual([1])
    expect(filterCanned(replies, 'pizza', 'de')).toEqual([])
  })
})

describe('stepIndex', () => {
  it('wraps around at both ends', () => {
    expect(stepIndex(3, 2, 1)).toBe(0)
    expect(stepIndex(3, 0, -1)).toBe(2)
    expect(stepIndex(0, 0, 1)).toBe(0)
  })
})
