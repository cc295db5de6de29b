import { describe, expect, it } from 'vitest'
import {
  addBusinessMs,
  businessMsBetween,
  createBusinessCalendar,
  firstReplyBusinessMs,
  type Schedule,
  type WeeklyHours,
} from './business-time'
import { HOUR_MS, MINUTE_MS, localToInstant, zoneOffsetMs } from './zone'

const at = (iso: string): number => Date.parse(iso)
const weekdays = (startMinute: number, endMinute: number, days = [1, 2, 3, 4, 5]): WeeklyHours[] =>
  days.map((weekday) => ({ weekday, startMinute, endMinute }))

/** Monday to Friday, 9:00 to 17:00 in Berlin. */
const berlinOffice: Schedule = { timeZone: 'Europe/Berlin', hours: weekdays(9 * 60, 17 * 60), holidays: [] }
const berlinAlways: Schedule = {
  timeZone: 'Europe/Berlin',
  hours: weekdays(0, 1440, [1, 2, 3, 4, 5, 6, 7]),
  holidays: [],
}

describe('time zones through Intl', () => {
  it('knows Berlin is an hour ahead in winter and two in summer', () => {
    expect(zoneOffsetMs('Europe/Berlin', at('2026-01-15T12:00:00Z'))).toBe(HOUR_MS)
    expect(zoneOffsetMs('Europe/Berlin', at('2026-07-15T12:00:00Z'))).toBe(2 * HOUR_MS)
    expect(zoneOffsetMs('Asia/Kolkata', at('2026-07-15T12:00:00Z'))).toBe(5.5 * HOUR_MS)
  })

  it('resolves a skipped wall time forwards and a repeated one to its first occurrence', () => {
    const day = (iso: string) => Math.floor(at(`${iso}T00:00:00Z`) / (24 * HOUR_MS))
    // 02:30 never happens on 29 March 2026 in Berlin: it becomes 03:30 summer time.
    expect(localToInstant('Europe/Berlin', day('2026-03-29'), 150)).toBe(at('2026-03-29T01:30:00Z'))
    // 02:30 happens twice on 25 October 2026: the summer-time one comes first.
    expect(localToInstant('Europe/Berlin', day('2026-10-25'), 150)).toBe(at('2026-10-25T00:30:00Z'))
    expect(localToInstant('Europe/Berlin', day('2026-10-25'), 0)).toBe(at('2026-10-24T22:00:00Z'))
  })
})

describe('business time on weekdays, weekends and holidays', () => {
  it('counts only opening hours on a working day', () => {
    expect(businessMsBetween(berlinOffice, at('2026-03-02T09:00:00Z'), at('2026-03-02T11:30:00Z'))).toBe(2.5 * HOUR_MS)
    // 07:00 to 19:00 local: only 9 to 17 counts.
    expect(businessMsBetween(berlinOffice, at('2026-03-02T06:00:00Z'), at('2026-03-02T18:00:00Z'))).toBe(8 * HOUR_MS)
  })

  it('skips the weekend: three hours from Friday 16:00 end on Monday at 11:00', () => {
    const friday = at('2026-03-06T15:00:00Z') // 16:00 in Berlin
    const monday = at('2026-03-09T10:00:00Z') // 11:00 in Berlin
    expect(addBusinessMs(berlinOffice, friday, 3 * HOUR_MS)).toBe(monday)
    expect(businessMsBetween(berlinOffice, friday, monday)).toBe(3 * HOUR_MS)
  })

  it('starts counting at the next opening when the clock starts while closed', () => {
    const saturday = at('2026-03-07T09:00:00Z')
    expect(addBusinessMs(berlinOffice, saturday, HOUR_MS)).toBe(at('2026-03-09T09:00:00Z')) // Monday 10:00
  })

  it('ends exactly at closing time when the target fills the day', () => {
    expect(addBusinessMs(berlinOffice, at('2026-03-06T15:00:00Z'), HOUR_MS)).toBe(at('2026-03-06T16:00:00Z'))
  })

  it('skips holidays: Good Friday and Easter Monday close the long weekend', () => {
    const easter: Schedule = { ...berlinOffice, holidays: ['2026-04-03', '2026-04-06'] }
    const thursday = at('2026-04-02T14:00:00Z') // 16:00 summer time
    expect(addBusinessMs(easter, thursday, 3 * HOUR_MS)).toBe(at('2026-04-07T09:00:00Z')) // Tuesday 11:00
    expect(businessMsBetween(easter, thursday, at('2026-04-07T09:00:00Z'))).toBe(3 * HOUR_MS)
  })

  it('measures the first reply of a conversation that spans a closed weekend', () => {
    const calendar = createBusinessCalendar(berlinOffice)
    const askedSaturday = at('2026-03-07T10:00:00Z')
    const answeredMonday = at('2026-03-09T08:30:00Z') // 09:30 in Berlin
    expect(firstReplyBusinessMs(calendar, askedSaturday, answeredMonday)).toBe(30 * MINUTE_MS)
    expect(firstReplyBusinessMs(calendar, askedSaturday, null)).toBeNull()
  })

  it('counts backwards as a negative span', () => {
    expect(businessMsBetween(berlinOffice, at('2026-03-02T11:30:00Z'), at('2026-03-02T09:00:00Z'))).toBe(-2.5 * HOUR_MS)
  })

  it('never comes due on a schedule with no opening hours', () => {
    expect(addBusinessMs({ ...berlinOffice, hours: [] }, at('2026-03-02T09:00:00Z'), HOUR_MS)).toBeNull()
  })
})

describe('business time across daylight-saving changes in Berlin', () => {
  it('spring forward: Friday 16:00 plus three hours is Monday 11:00 summer time (09:00 UTC)', () => {
    const friday = at('2026-03-27T15:00:00Z')
    expect(addBusinessMs(berlinOffice, friday, 3 * HOUR_MS)).toBe(at('2026-03-30T09:00:00Z'))
    expect(businessMsBetween(berlinOffice, friday, at('2026-03-30T09:00:00Z'))).toBe(3 * HOUR_MS)
  })

  it('fall back: Friday 16:00 plus three hours is Monday 11:00 winter time (10:00 UTC)', () => {
    const friday = at('2026-10-23T14:00:00Z')
    expect(addBusinessMs(berlinOffice, friday, 3 * HOUR_MS)).toBe(at('2026-10-26T10:00:00Z'))
    expect(businessMsBetween(berlinOffice, friday, at('2026-10-26T10:00:00Z'))).toBe(3 * HOUR_MS)
  })

  it('a round-the-clock weekend lasts 47 hours in spring and 49 in autumn', () => {
    expect(businessMsBetween(berlinAlways, at('2026-03-27T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(47 * HOUR_MS)
    expect(businessMsBetween(berlinAlways, at('2026-10-23T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(49 * HOUR_MS)
  })

  it('night hours over the change are one hour shorter in spring and one longer in autumn', () => {
    const sundayNights: Schedule = { timeZone: 'Europe/Berlin', hours: weekdays(60, 240, [7]), holidays: [] }
    expect(businessMsBetween(sundayNights, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(2 * HOUR_MS)
    expect(businessMsBetween(sundayNights, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(4 * HOUR_MS)
    // Hours that lie wholly in the skipped hour never open that night.
    const lostHour: Schedule = { timeZone: 'Europe/Berlin', hours: weekdays(120, 180, [7]), holidays: [] }
    expect(businessMsBetween(lostHour, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(0)
  })
})

describe('where the clock stands', () => {
  const calendar = createBusinessCalendar(berlinOffice)

  it('knows whether it is running and when that changes next', () => {
    const fridayAfternoon = at('2026-03-06T15:00:00Z')
    expect(calendar.isOpen(fridayAfternoon)).toBe(true)
    expect(calendar.nextChange(fridayAfternoon)).toBe(at('2026-03-06T16:00:00Z'))
    const saturday = at('2026-03-07T12:00:00Z')
    expect(calendar.isOpen(saturday)).toBe(false)
    expect(calendar.nextChange(saturday)).toBe(at('2026-03-09T08:00:00Z'))
  })
})
