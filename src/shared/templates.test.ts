import { describe, expect, it } from 'vitest'
import { expandTemplate, firstNameOf, unfilledPlaceholders } from './templates'

const values = {
  'contact.firstName': 'Anna',
  'contact.name': 'Anna Schmidt',
  'agent.name': 'Lena',
  'workspace.name': 'Bäckerei Sonnenschein',
}

describe('expandTemplate', () => {
  it('fills every known variable, with or without spaces inside the braces', () => {
    expect(
      expandTemplate('Hallo {{contact.firstName}}, viele Grüße, {{ agent.name }} ({{workspace.name}})', values),
    ).toBe('Hallo Anna, viele Grüße, Lena (Bäckerei Sonnenschein)')
  })

  it('leaves unknown variables and variables without a value visible', () => {
    expect(expandTemplate('Hi {{contact.nickname}}!', values)).toBe('Hi {{contact.nickname}}!')
    expect(
      expandTemplate('Hi {{contact.firstName}}, {{agent.name}}', {
        ...values,
        'contact.firstName': null,
        'agent.name': '  ',
      }),
    ).toBe('Hi {{contact.firstName}}, {{agent.name}}')
  })

  it('inserts values literally: no second expansion, no replacement patterns', () => {
    expect(expandTemplate('{{contact.name}}', { 'contact.name': '{{agent.name}} $& $1' })).toBe('{{agent.name}} $& $1')
  })

  it('leaves text without placeholders alone', () => {
    expect(expandTemplate('Preis: {5} € {{ }}', values)).toBe('Preis: {5} € {{ }}')
  })
})

describe('unfilledPlaceholders', () => {
  it('lists each remaining placeholder once, in order', () => {
    expect(unfilledPlaceholders('{{agent.name}} and {{x}} and {{agent.name}}')).toEqual(['{{agent.name}}', '{{x}}'])
    expect(unfilledPlaceholders('Danke!')).toEqual([])
  })
})

describe('firstNameOf', () => {
  it('takes the first word of a full name', () => {
    expect(firstNameOf('Anna Schmidt')).toBe('Anna')
    expect(firstNameOf('Jean-Luc Picard')).toBe('Jean-Luc')
    expect(firstNameOf('Dr. Ingrid Hoffmann')).toBe('Ingrid')
  })

  it('knows no first name behind a title and a surname, a handle or an address', () => {
    expect(firstNameOf('Frau Klein')).toBeNull()
    expect(firstNameOf('Herr Dr. Weber')).toBeNull()
    expect(firstNameOf('@brezel_fan')).toBeNull()
    expect(firstNameOf('anna@example.de')).toBeNull()
    expect(firstNameOf('')).toBeNull()
  })
})
