import { describe, expect, it } from 'vitest'
import { amountForInput, formatMoney, parseAmount } from './money'

describe('amounts as people type them', () => {
  it('reads German and English notation into cents', () => {
    expect(parseAmount('129,90')).toBe(12_990)
    expect(parseAmount('129.9')).toBe(12_990)
    expect(parseAmount('1.299,00')).toBe(129_900)
    expect(parseAmount('1,299.00')).toBe(129_900)
    expect(parseAmount(' 45 ')).toBe(4_500)
    expect(parseAmount('12 500')).toBe(1_250_000)
  })

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1,2,3', '12.345,678', '1e5']) expect(parseAmount(bad), bad).toBeNull()
  })

  it('writes amounts back in the language of the interface', () => {
    expect(amountForInput('de', 12_990)).toBe('129,90')
    expect(amountForInput('en', 12_990)).toBe('129.90')
    expect(formatMoney('de', 48_000, 'EUR')).toMatch(/^480,00\s€$/)
    expect(formatMoney('en', 48_000, 'USD')).toBe('$480.00')
  })
})
