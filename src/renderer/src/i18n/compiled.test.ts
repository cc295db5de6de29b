import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { de, en } from './catalogues'
import { translator } from './test-translator'
import { fill } from './compiled'

describe('fill', () => {
  it('fills a message in as i18next does, in both languages, again and again', async () => {
    for (const lng of ['de', 'en'] as const) {
      const t = await translator(lng)
      for (const contact of ['Anna Schmidt', 'Ben']) {
        expect(fill(t, lng, 'triage.select.row', { contact })).toBe(t('triage.select.row', { contact }))
      }
      const values = { contact: 'Ben', subject: 'Torte', snippet: 'Wo?', overdue: 'x', mood: 'y' }
      expect(fill(t, lng, 'inbox.rowLabel', values)).toBe(t('inbox.rowLabel', values))
      expect(fill(t, lng, 'sla.state.overdue')).toBe(t('sla.state.overdue'))
    }
  })

  it('keeps each language apart', async () => {
    const [de, en] = [await translator('de'), await translator('en')]
    expect(fill(en, 'en', 'sla.state.overdue')).not.toBe(fill(de, 'de', 'sla.state.overdue'))
  })

  it('follows a change of language made under a translator it has seen', async () => {
    const i18n = i18next.createInstance()
    await i18n.init({ lng: 'en', resources: { de: { translation: de }, en: { translation: en } } })
    const t = i18n.t
    expect(fill(t, 'en', 'sla.state.overdue')).toBe('Overdue')
    await i18n.changeLanguage('de')
    expect(fill(t, 'de', 'sla.state.overdue')).toBe(i18n.t('sla.state.overdue'))
    expect(fill(t, 'de', 'sla.state.overdue')).not.toBe('Overdue')
  })

  it('takes values literally, placeholders and replacement patterns too', async () => {
    const t = await translator('en')
    expect(fill(t, 'en', 'triage.select.row', { contact: '{{contact}} $& $1' })).toBe(
      'Select conversation with {{contact}} $& $1',
    )
  })

  it('leaves plurals to i18next', async () => {
    const t = await translator('en')
    expect(fill(t, 'en', 'contact.reach', { count: '1', reach: '1' })).toBe(
      t('contact.reach', { count: '1', reach: '1' }),
    )
  })
})
