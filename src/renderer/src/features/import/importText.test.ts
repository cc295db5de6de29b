import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { de, en } from '../../i18n/catalogues'
import { describeArchiveImport, describeImport, parseAddresses, parsePaths } from './importText'

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: 'en',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  })
})

describe('describeImport', () => {
  it('says what happened in words, with grouped numbers', () => {
    const t = i18n.getFixedT('en')
    expect(describeImport(t, 'en', { total: 1237, inserted: 1234, quarantined: 3 })).toBe(
      '1,234 messages imported, 3 could not be read and were set aside.',
    )
    expect(describeImport(t, 'en', { total: 5, inserted: 1, quarantined: 0 })).toBe(
      '1 message imported, 4 were already in Earshot.',
    )
  })
  it('speaks German', () => {
    const t = i18n.getFixedT('de')
    expect(describeImport(t, 'de', { total: 1235, inserted: 1234, quarantined: 1 })).toBe(
      '1.234 Nachrichten importiert, 1 Nachricht konnte nicht gelesen werden und wurde beiseitegelegt.',
    )
  })
  it('says so when the files held no mail', () => {
    expect(describeImport(i18n.getFixedT('en'), 'en', { total: 0, inserted: 0, quarantined: 0 })).toMatch(/No mail/)
  })
})

describe('describeArchiveImport', () => {
  it('counts contacts for a CSV and says what an archive left out', () => {
    expect(
      describeArchiveImport(i18n.getFixedT('en'), 'en', {
        kind: 'contacts-csv',
        total: 6,
        inserted: 3,
        quarantined: 2,
        skipped: 0,
      }),
    ).toBe('3 contacts imported, 1 was already in Earshot, 2 could not be read and were set aside.')
    expect(
      describeArchiveImport(i18n.getFixedT('de'), 'de', {
        kind: 'x-archive',
        total: 5,
        inserted: 5,
        quarantined: 0,
        skipped: 2,
      }),
    ).toBe('5 Nachrichten importiert, 2 waren keine Gespräche und wurden ausgelassen.')
    expect(
      describeArchiveImport(i18n.getFixedT('en'), 'en', {
        kind: 'facebook-archive',
        total: 0,
        inserted: 0,
        quarantined: 0,
        skipped: 0,
      }),
    ).toMatch(/Nothing/)
  })
})

describe('parsing the form', () => {
  it('takes one path per line and ignores blank lines', () => {
    expect(parsePaths(' /a/b.eml\n\n  /c d/mbox \r\n')).toEqual(['/a/b.eml', '/c d/mbox'])
  })
  it('splits addresses on commas, semicolons and spaces', () => {
    expect(parseAddresses('Hallo@Shop.de, info@shop.de;\nx@y.z')).toEqual(['hallo@shop.de', 'info@shop.de', 'x@y.z'])
  })
})
