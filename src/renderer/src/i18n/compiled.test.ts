import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { compileMessage } from './compiled'
import { de, en } from './catalogues'

async function translator(lng: 'de' | 'en') {
  const i18n = i18next.createInstance()
  await i18n.init({
    lng,
    resources: { de: { translation: de }, en: { translation: en } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  })
  return i18n.t
}

describe('compileMessage', () => {
  it('fills a message in as i18next does, in both languages', async () => {
    for (const lng of ['de', 'en'] as const) {
      const t = await translator(lng)
      const select = compileMessage(t, 'triage.select.row', ['contact'])
      expect(select({ contact: 'Anna Schmidt' })).toBe(t('triage.select.row', { contact: 'Anna Schmidt' }))
      const values = { contact: 'Ben', subject: 'Torte', snippet: 'Wo?', overdue: 'x', mood: 'y' }
      expect(compileMessage(t, 'inbox.rowLabel', ['contact', 'subject', 'snippet', 'overdue', 'mood'])(values)).toBe(
        t('inbox.rowLabel', values),
      )
    }
  })

  it('takes values literally, placeholders and replacement patterns too', async () => {
    const select = compileMessage(await translator('en'), 'triage.select.row', ['contact'])
    expect(select({ contact: '{{contact}} $& $1' })).toBe('Select conversation with {{contact}} $& $1')
  })
})
