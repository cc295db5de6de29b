import { describe, expect, it } from 'vitest'
import { normalizeEmail, normalizeHandle, normalizeName, normalizePhone, userNameStem } from './normalize'

describe('normal forms of what identifies a person', () => {
  it('folds case, sub-addresses and Gmail dots into one address, and refuses what is not one', () => {
    expect(normalizeEmail(' Anna.Schmidt+shop@Example.DE ')).toBe('anna.schmidt@example.de')
    expect(normalizeEmail('a.n.n.a+x@googlemail.com')).toBe('anna@gmail.com')
    expect(normalizeEmail('mailto:ben@web.example')).toBe('ben@web.example')
    expect(normalizeEmail('not an address')).toBeNull()
    expect(normalizeEmail('+tag@example.de')).toBeNull()
  })

  it('matches a phone number with or without country code and trunk zero', () => {
    const key = normalizePhone('0211 123456')
    expect(key).toBe('11123456')
    expect(normalizePhone('+49 211 123456')).toBe(key)
    expect(normalizePhone('0049 (0)211 / 12 34 56')).toBe(key)
    expect(normalizePhone('12 34')).toBeNull()
  })

  it('reads handles with or without "@" and names in any order and umlaut spelling', () => {
    expect(normalizeHandle('@Helene_Isst')).toBe('helene_isst')
    expect(normalizeHandle('no spaces please')).toBeNull()
    const name = normalizeName('Jürgen Müller')
    expect(normalizeName('Mueller, Juergen')).toBe(name)
    expect(normalizeName('JURGEN MULLER')).toBe(name)
    expect(normalizeName('Straße Anna')).toBe(normalizeName('Anna Strasse'))
    expect(normalizeName('Anna')).toBeNull()
  })

  it('takes the user name people reuse across services, but not role addresses or short names', () => {
    expect(userNameStem('anna.mueller84@web.example')).toBe('annamueller84')
    expect(userNameStem('@anna_mueller84')).toBe('annamueller84')
    expect(userNameStem('info@baeckerei.example')).toBeNull()
    expect(userNameStem('kontakt@x.example')).toBeNull()
    expect(userNameStem('@ab12')).toBeNull()
    expect(userNameStem('123456@x.example')).toBeNull()
  })
})
