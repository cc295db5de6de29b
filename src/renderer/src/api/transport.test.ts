import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../../shared/errors'
import { de, en } from '../i18n/catalogues'
import { resultOf } from './transport'

describe("the web host's answers", () => {
  it('pass a command Result through as it is', () => {
    expect(resultOf(200, { ok: true, value: [1] })).toEqual({ ok: true, value: [1] })
    expect(resultOf(200, { ok: false, error: { code: 'CONFLICT', message: 'taken' } })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'taken' },
    })
  })

  it("turn the host's own refusals and non-Results into codes the UI can phrase", () => {
    expect(resultOf(401, { ok: false, error: { code: 'AUTH', message: 'Open the address Earshot printed' } })).toEqual({
      ok: false,
      error: { code: 'AUTH_EXPIRED', message: 'Open the address Earshot printed' },
    })
    expect(resultOf(413, { ok: false, error: { code: 'TOO_LARGE', message: 'limited' } })).toMatchObject({
      error: { code: 'INVALID' },
    })
    expect(resultOf(502, null)).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'HTTP 502' } })
    expect(resultOf(200, { unexpected: true })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
  })
})

describe('error messages', () => {
  it('exist in both languages for every code a failing command can carry', () => {
    for (const code of ERROR_CODES) {
      expect(typeof (en['errors'] as Record<string, unknown>)[code], `en errors.${code}`).toBe('string')
      expect(typeof (de['errors'] as Record<string, unknown>)[code], `de errors.${code}`).toBe('string')
    }
  })
})
