/**
 * Groundswell: is the rate of negative mentions rising well above what is normal for this shop at
 * this hour of the week? Pure functions over a small state; groundswell-watch.ts feeds them live
 * counts from the store and keeps the state there, so a restart does not forget what is normal.
 *
 * Why this model. Negative mentions of a small business are counts of a few per hour with a strong
 * weekly rhythm (a bakery hears about Saturday's queue on Saturday morning), so the baseline is kept
 * per hour of the week: an exponentially weighted mean and variance of each slot's hourly count.
 * A slot learns only once a week, so a young slot is shrunk toward the scope's overall mean (weighted
 * by how much it has seen), and counts are never assumed less variable than Poisson (variance ≥ mean).
 * A spike is a trailing hour's count at least MIN_MENTIONS and Z_ALERT deviations above the expected
 * count. One alert per episode: the episode lasts until the count falls back to Z_CALM deviations
 * (hysteresis, so a rate hovering at the threshold does not flicker), and a new episode within
 * COOL_DOWN_MS of the last alert is absorbed silently. What a spike teaches the baseline is clipped
 * at the alert threshold, so one bad day does not hide the next.
 */

export const HOUR_MS = 3_600_000
export const HOURS_PER_WEEK = 168
/** A slot forgets with a half-life of six weeks (it learns once a week). */
const HALF_LIFE_WEEKS = 6
const ALPHA = 1 - 2 ** (-1 / HALF_LIFE_WEEKS)
/** A slot's own evidence counts against the overall mean as if that mean were this many hours seen. */
const PRIOR_WEIGHT = 2
/** Below this many negative mentions in an hour nothing is a groundswell, whatever the baseline. */
export const MIN_MENTIONS = 5
/**
 * A spike must be this unlikely as chance under Poisson noise at the expected rate (once in a million
 * hours), and Z_ALERT deviations out where a series varies more than Poisson. The rate itself is only
 * estimated, so real chance alerts are likelier than that; groundswell.test.ts runs 96 weeks of a
 * busy shop's everyday noise without one.
 */
const CHANCE = 1e-6
/** The standard normal's upper 1e-6 quantile, for large rates. */
const NORMAL_QUANTILE = 4.75
export const Z_ALERT = 5
const Z_CALM = 2
/** The smallest variance assumed, so a slot that has only ever seen zeros does not alert on one. */
const MIN_VARIANCE = 1
export const COOL_DOWN_MS = 6 * HOUR_MS

export interface Slot {
  mean: number
  variance: number
  /** Decayed number of hours seen: 0 for a slot that has seen none. */
  weight: number
}

export interface GroundswellState {
  /** One per hour of the week, 0 = Sunday 00:00–01:00 local time (see hourOfWeek). */
  slots: Slot[]
  inEpisode: boolean
  lastAlertAt: number | null
}

export const emptyState = (): GroundswellState => ({
  slots: Array.from({ length: HOURS_PER_WEEK }, () => ({ mean: 0, variance: 0, weight: 0 })),
  inEpisode: false,
  lastAlertAt: null,
})

/** The hour of the week in the host's time zone: the shop's computer keeps the shop's hours. */
export function hourOfWeek(at: number): number {
  const date = new Date(at)
  return date.getDay() * 24 + date.getHours()
}

export interface Expectation {
  /** Negative mentions expected in an hour at this slot. */
  expected: number
  deviation: number
  /** A trailing hour at or above this count is a spike. */
  threshold: number
  /** An episode ends once the trailing hour is at or below this count. */
  calm: number
}

/** A slot and its two neighbours, weighted ¼ ½ ¼: a week's rhythm is smooth, and three hours' evidence is steadier than one. */
function neighbourhood(slots: readonly Slot[], slot: number): Slot {
  const before = slots[(slot + HOURS_PER_WEEK - 1) % HOURS_PER_WEEK]!
  const own = slots[slot]!
  const after = slots[(slot + 1) % HOURS_PER_WEEK]!
  const weight = 0.25 * before.weight + 0.5 * own.weight + 0.25 * after.weight
  if (weight === 0) return { mean: 0, variance: 0, weight: 0 }
  const mean = 0.25 * before.weight * before.mean + 0.5 * own.weight * own.mean + 0.25 * after.weight * after.mean
  const variance =
    0.25 * before.weight * before.variance + 0.5 * own.weight * own.variance + 0.25 * after.weight * after.variance
  return { mean: mean / weight, variance: variance / weight, weight }
}

/** Weighted sums over every slot: the scope's overall level, which young slots lean on. */
interface Totals {
  weight: number
  mean: number
  variance: number
}

function totalsOf(slots: readonly Slot[]): Totals {
  const totals = { weight: 0, mean: 0, variance: 0 }
  for (const s of slots) addTo(totals, s, 1)
  return totals
}

function addTo(totals: Totals, s: Slot, sign: 1 | -1): void {
  totals.weight += sign * s.weight
  totals.mean += sign * s.weight * s.mean
  totals.variance += sign * s.weight * s.variance
}

export const expectationAt = (state: GroundswellState, slot: number): Expectation =>
  expectationWith(state.slots, slot, totalsOf(state.slots))

function expectationWith(slots: readonly Slot[], slot: number, totals: Totals): Expectation {
  const overallMean = totals.weight > 0 ? totals.mean / totals.weight : 0
  const overallVariance = totals.weight > 0 ? totals.variance / totals.weight : 0
  const own = neighbourhood(slots, slot)
  const trust = own.weight / (own.weight + PRIOR_WEIGHT)
  const expected = trust * own.mean + (1 - trust) * overallMean
  const variance = trust * own.variance + (1 - trust) * overallVariance
  // Little evidence is uncertain evidence: the spread widens while the slot is young.
  const uncertainty = 1 + PRIOR_WEIGHT / (own.weight + 1)
  const deviation = Math.sqrt(Math.max(variance, expected, MIN_VARIANCE) * uncertainty)
  return {
    expected,
    deviation,
    threshold: Math.max(MIN_MENTIONS, expected + Z_ALERT * deviation, poissonThreshold(expected * uncertainty, CHANCE)),
    calm: expected + Z_CALM * deviation,
  }
}

/** The smallest count k with P(X ≥ k) ≤ chance for X ~ Poisson(rate). */
export function poissonThreshold(rate: number, chance: number): number {
  if (rate <= 0) return 1
  // Past a hundred an hour the normal approximation is close (and e^-rate would underflow further on).
  if (rate > 100) return Math.ceil(rate + NORMAL_QUANTILE * Math.sqrt(rate))
  let probability = Math.exp(-rate)
  let below = 0
  let k = 0
  // Sums P(X < k) upwards; past the mean the terms shrink, so few steps are needed.
  while (1 - (below + probability) > chance && k < rate + 1_000) {
    below += probability
    k++
    probability *= rate / k
  }
  return k + 1
}

/**
 * Folds finished hours' counts, in order, into their slots. Early on a slot averages what it has
 * seen; later it weighs recent weeks more (ALPHA). Each count is clipped at the alert threshold first.
 */
export function learnHours(
  state: GroundswellState,
  hours: Iterable<{ slot: number; count: number }>,
): GroundswellState {
  // One copy for the whole run, and running totals: a first start replays eight weeks of hours.
  const slots = state.slots.map((s) => ({ ...s }))
  const totals = totalsOf(slots)
  for (const { slot, count } of hours) {
    const clipped = Math.min(count, expectationWith(slots, slot, totals).threshold)
    const own = slots[slot]!
    addTo(totals, own, -1)
    const rate = Math.max(ALPHA, 1 / (own.weight + 1))
    const difference = clipped - own.mean
    const increment = rate * difference
    own.mean += increment
    own.variance = (1 - rate) * (own.variance + difference * increment)
    own.weight = (1 - ALPHA) * own.weight + 1
    addTo(totals, own, 1)
  }
  return { ...state, slots }
}

export const learnHour = (state: GroundswellState, slot: number, count: number): GroundswellState =>
  learnHours(state, [{ slot, count }])

export interface Assessment {
  state: GroundswellState
  /** True exactly when a new episode starts outside the cool-down: raise one alert. */
  alert: boolean
  expectation: Expectation
}

/** Looks at the negative mentions of the hour up to `now` (`count`) against the baseline of `slot`. */
export function assess(state: GroundswellState, slot: number, count: number, now: number): Assessment {
  const expectation = expectationAt(state, slot)
  if (count >= expectation.threshold && !state.inEpisode) {
    const coolingDown = state.lastAlertAt !== null && now - state.lastAlertAt < COOL_DOWN_MS
    return {
      state: { ...state, inEpisode: true, lastAlertAt: coolingDown ? state.lastAlertAt : now },
      alert: !coolingDown,
      expectation,
    }
  }
  if (state.inEpisode && count <= expectation.calm)
    return { state: { ...state, inEpisode: false }, alert: false, expectation }
  return { state, alert: false, expectation }
}
