import { describe, expect, it } from 'vitest'
import { translator } from './test-translator'
import { fill } from './compiled'

describe('fill', () => {
  it('fills a message in as i18next does, in both languages, again and again', async () => {
    for (const lng of ['de', 'en'] as const) {
      const t = await translator(lng)
      for (const contact of ['Anna Schmidt', 'Ben']) {
        expect(fill(t, 'triage.select.row', { contact })).toBe(t('triage.select.row', { contact }))
      }
      const values = { contact: 'Ben', subject: 'Torte', snippet: 'Wo?', overdue: 'x', mood: 'y' }
      expect(fill(t, 'inbox.rowLabel', values)).toBe(t('inbox.rowLabel', values))
      expect(fill(t, 'sla.state.overdue')).toBe(t('sla.state.overdue'))
    }
  })

  it('keeps each language apart', async () => {
    const [de, en] = [await translator('de'), await translator('en')]
    expect(fill(en, 'sla.state.overdue')).not.toBe(fill(de, 'sla.state.overdue'))
  })

  it('takes values literally, placeholders and replacement patterns too', async () => {
    const t = await translator('en')
    expect(fill(t, 'triage.select.row', { contact: '{{contact}} $& $1' })).toBe(
      'Select conversation with {{contact}} $& $1',
    )
  })

  it('leaves plurals to i18next', async () => {
    const t = await translator('en')
    expect(fill(t, 'contact.reach', { count: '1', reach: '1' })).toBe(t('contact.reach', { count: '1', reach: '1' }))
  })
})
