import { describe, expect, it } from 'vitest'
import type { SlaPolicy } from '../../../../shared/contract'
import { fromForm, timeToMinutes, toForm } from './policyForm'

const policy: SlaPolicy = {
  timeZone: 'Europe/Berlin',
  businessHours: [
    { weekday: 1, startMinute: 480, endMinute: 1080 },
    { weekday: 6, startMinute: 480, endMinute: 840 },
  ],
  holidays: ['2026-12-25'],
  firstReplyMinutes: 180,
  nextReplyMinutes: 120,
  dueSoonMinutes: 30,
  realtime: { enabled: true, startMinute: 420, endMinute: 1380, replyMinutes: 60 },
  reachAlertFollowers: 100_000,
}

describe('the policy form', () => {
  it('round-trips a policy, one row per weekday', () => {
    const form = toForm(policy)
    expect(form.days.map((d) => [d.weekday, d.open])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [6, true],
      [7, false],
    ])
    expect(form.days[0]).toMatchObject({ opens: '08:00', closes: '18:00' })
    expect(fromForm(form)).toEqual({ policy })
  })

  it('reads a closing time of 00:00 as midnight at the end of the day', () => {
    expect(timeToMinutes('00:00', true)).toBe(1440)
    expect(timeToMinutes('00:00')).toBe(0)
    const form = toForm(policy)
    form.days = form.days.map((d) => ({ ...d, open: true, opens: '00:00', closes: '00:00' }))
    const result = fromForm(form)
    expect('policy' in result && result.policy.businessHours).toHaveLength(7)
    expect('policy' in result && result.policy.businessHours[0]).toEqual({
      weekday: 1,
      startMinute: 0,
      endMinute: 1440,
    })
  })

  it('says what is wrong: hours that end before they start, targets that are not whole minutes', () => {
    const form = toForm(policy)
    expect(fromForm({ ...form, days: form.days.map((d) => ({ ...d, opens: '18:00', closes: '08:00' })) })).toEqual({
      problem: 'hours',
    })
    expect(fromForm({ ...form, firstReplyMinutes: '1.5' })).toEqual({ problem: 'numbers' })
    expect(fromForm({ ...form, firstReplyMinutes: '' })).toEqual({ problem: 'numbers' })
    expect(fromForm({ ...form, realtimeFrom: '23:00', realtimeTo: '07:00' })).toEqual({ problem: 'realtime' })
  })
})
