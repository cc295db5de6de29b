import { describe, expect, it } from 'vitest'
import { clockAt, defaultPolicy, dueFor, policyClock } from './sla-policy'
import { HOUR_MS, MINUTE_MS } from './zone'

const at = (iso: string): number => Date.parse(iso)
const berlin = defaultPolicy('Europe/Berlin')
const fridayAt16 = at('2026-03-06T15:00:00Z')
const saturdayAt10 = at('2026-03-07T09:00:00Z')

describe('when an answer is due', () => {
  it('gives a first question three business hours: Friday 16:00 is due Monday 11:00, soon from 10:30', () => {
    expect(dueFor(policyClock(berlin), { channel: 'email', awaitingSince: fridayAt16, firstReplyAt: null })).toEqual({
      dueAt: at('2026-03-09T10:00:00Z'),
      dueSoonAt: at('2026-03-09T09:30:00Z'),
    })
  })

  it('uses the next-reply target once we have answered', () => {
    const clock = policyClock({ ...berlin, nextReplyMinutes: 60 })
    const due = dueFor(clock, { channel: 'email', awaitingSince: at('2026-03-02T09:00:00Z'), firstReplyAt: 1 })
    expect(due?.dueAt).toBe(at('2026-03-02T10:00:00Z'))
  })

  it('answers social channels within the real-time window on weekends; mail waits for Monday', () => {
    const clock = policyClock({ ...berlin, realtime: { ...berlin.realtime, enabled: true } })
    expect(dueFor(clock, { channel: 'x', awaitingSince: saturdayAt10, firstReplyAt: null })?.dueAt).toBe(
      saturdayAt10 + HOUR_MS,
    )
    expect(dueFor(clock, { channel: 'email', awaitingSince: saturdayAt10, firstReplyAt: null })?.dueAt).toBe(
      at('2026-03-09T11:00:00Z'),
    )
    // A post at 22:30 has half an hour of real-time care left tonight and the rest from 7:00.
    expect(
      dueFor(clock, { channel: 'facebook', awaitingSince: at('2026-03-07T21:30:00Z'), firstReplyAt: null })?.dueAt,
    ).toBe(at('2026-03-08T06:30:00Z'))
  })

  it('keeps a regular target that is already tighter than the real-time one', () => {
    const clock = policyClock({ ...berlin, firstReplyMinutes: 20, realtime: { ...berlin.realtime, enabled: true } })
    const due = dueFor(clock, { channel: 'x', awaitingSince: saturdayAt10, firstReplyAt: null })
    expect(due?.dueAt).toBe(saturdayAt10 + 20 * MINUTE_MS)
  })

  it('is soon from the start when the warning is longer than the target', () => {
    const clock = policyClock({ ...berlin, firstReplyMinutes: 1, dueSoonMinutes: 5 })
    const monday = at('2026-03-02T09:00:00Z')
    expect(dueFor(clock, { channel: 'email', awaitingSince: monday, firstReplyAt: null })).toEqual({
      dueAt: monday + MINUTE_MS,
      dueSoonAt: monday,
    })
  })

  it('runs no clock when nobody waits, or when the workspace never opens', () => {
    expect(dueFor(policyClock(berlin), { channel: 'email', awaitingSince: null, firstReplyAt: null })).toBeNull()
    expect(
      dueFor(policyClock({ ...berlin, businessHours: [] }), {
        channel: 'email',
        awaitingSince: fridayAt16,
        firstReplyAt: null,
      }),
    ).toBeNull()
  })
})

describe('where a clock stands', () => {
  const clock = policyClock(berlin)
  const due = { dueAt: at('2026-03-09T10:00:00Z'), dueSoonAt: at('2026-03-09T09:30:00Z') }

  it('is ok with business time left, paused over the weekend', () => {
    expect(clockAt(clock, 'email', due, saturdayAt10)).toMatchObject({
      state: 'ok',
      businessMsLeft: 2 * HOUR_MS,
      running: false,
      steadyUntil: at('2026-03-09T08:00:00Z'),
    })
  })

  it('is due soon in the last half hour and overdue after, counting business time past due', () => {
    expect(clockAt(clock, 'email', due, at('2026-03-09T09:45:00Z'))).toMatchObject({
      state: 'due-soon',
      businessMsLeft: 15 * MINUTE_MS,
      running: true,
    })
    // Overdue from Monday 11:00; by Tuesday 10:00 that is six hours on Monday and one on Tuesday.
    expect(clockAt(clock, 'email', due, at('2026-03-10T09:00:00Z'))).toMatchObject({
      state: 'overdue',
      businessMsLeft: -7 * HOUR_MS,
    })
  })

  it('says none when no clock runs', () => {
    expect(clockAt(clock, 'email', null, saturdayAt10)).toMatchObject({
      state: 'none',
      dueAt: null,
      businessMsLeft: null,
    })
  })
})
