import type { Browser, Page } from '@playwright/test'

/**
 * What the renderer benchmark measures inside the page. Each figure comes from the page's own clock
 * (performance.now) at frame boundaries: a timestamp taken in a task right after the frame that shows
 * the thing, so it includes that frame's layout and paint. Elements are found as a person would: the
 * grid named "Conversations", the list named "Timeline" (English UI).
 */

// The functions below run in the page. This file compiles for Node (no DOM library), so the few page
// globals they use are declared here, for this module only.
interface PageElement {
  scrollTop: number
  getAttribute(name: string): string | null
  querySelector(selector: string): PageElement | null
}
declare const document: {
  querySelector(selector: string): PageElement | null
  querySelectorAll(selector: string): Iterable<PageElement>
  addEventListener(type: 'click', listener: () => void, options: { capture: boolean; once: boolean }): void
}
declare function requestAnimationFrame(callback: (now: number) => void): number
/** What the measuring code leaves on the page's global object for the benchmark to read. */
interface Marks {
  firstRowsAt?: number
  timelinePaint?: Promise<number>
}

/**
 * The benchmark runs through tsx, whose esbuild transform keeps function names by wrapping named
 * functions in `__name(fn, "name")`. The functions below run in the page, which has no such helper.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name ??= (target) => target'

/** Body rows of the inbox grid (the header row is aria-rowindex 1). */
const BODY_ROWS = '[role="grid"][aria-label="Conversations"] [role="row"]:not([aria-rowindex="1"])'

/** A new page that records when the inbox first shows rows, from the navigation's start. */
export async function openInbox(browser: Browser, url: string): Promise<{ page: Page; firstRowsMs: number }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } })
  await context.addInitScript({ content: KEEP_NAMES_SHIM })
  const page = await context.newPage()
  await page.addInitScript((selector) => {
    const marks = globalThis as Marks
    const check = (): void => {
      if (document.querySelector(selector)) setTimeout(() => (marks.firstRowsAt = performance.now()), 0)
      else requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  }, BODY_ROWS)
  await page.goto(url)
  await page.waitForFunction(() => (globalThis as Marks).firstRowsAt !== undefined, null, { timeout: 120_000 })
  return { page, firstRowsMs: await page.evaluate(() => (globalThis as Marks).firstRowsAt!) }
}

export interface ScrollFigures {
  /** The display's refresh interval: the median frame time of the page at rest, before scrolling. */
  refreshMs: number
  /** Frame times while the list kept pace: from a frame that scrolled the full step to the next frame. */
  frames: number[]
  rowsReached: number
  /**
   * Times the list came near the end of what was loaded and could not move the full step (it moved
   * less, or not at all) until the next page came; those frames are not in `frames`.
   */
  pageWaits: number
  pageWaitMs: number
}

/** Frames the page rests for before it scrolls, to measure the display's refresh interval. */
const RESTING_FRAMES = 30

/**
 * Scrolls the inbox by `pxPerFrame` each animation frame until row `rows` is shown (or the list
 * ends), as a steady fling would. Pages load as the list nears its end, exactly as for a person.
 */
export async function scrollInbox(page: Page, rows: number, pxPerFrame: number): Promise<ScrollFigures> {
  return page.evaluate(
    ({ rows, pxPerFrame, selector, resting }) =>
      new Promise<ScrollFigures>((resolve, reject) => {
        const grid = document.querySelector('[role="grid"][aria-label="Conversations"]')
        const scroller = grid?.querySelector('[role="rowgroup"]:last-of-type')
        if (!grid || !scroller) return reject(new Error('no inbox grid to scroll'))
        const lastShown = (): number =>
          Math.max(
            -1,
            ...[...document.querySelectorAll(selector)].map((row) => Number(row.getAttribute('aria-rowindex')) - 2),
          )
        const frames: number[] = []
        const restingFrames: number[] = []
        let previous: number | null = null
        let fullStep = false
        let waitingSince: number | null = null
        let pageWaits = 0
        let pageWaitMs = 0
        const step = (now: number): void => {
          if (previous !== null && fullStep) frames.push(now - previous)
          previous = now
          const reached = lastShown()
          const total = Number(grid.getAttribute('aria-rowcount'))
          const ended = total !== -1 && reached >= total - 2
          if (reached >= rows - 1 || ended) {
            const refreshMs = restingFrames.sort((a, b) => a - b)[restingFrames.length >> 1]!
            return resolve({ refreshMs, frames, rowsReached: reached + 1, pageWaits, pageWaitMs })
          }
          if (waitingSince !== null && now - waitingSince > 60_000) {
            return reject(new Error(`the inbox stopped loading at row ${reached + 1}`))
          }
          const before = scroller.scrollTop
          scroller.scrollTop = before + pxPerFrame
          // The scroll position is whole pixels; a step cut short means the rows ran out.
          fullStep = scroller.scrollTop - before >= pxPerFrame - 1
          if (!fullStep && waitingSince === null) {
            waitingSince = now
            pageWaits++
          } else if (fullStep && waitingSince !== null) {
            pageWaitMs += now - waitingSince
            waitingSince = null
          }
          requestAnimationFrame(step)
        }
        const rest = (now: number): void => {
          if (previous !== null) restingFrames.push(now - previous)
          previous = now
          requestAnimationFrame(restingFrames.length < resting ? rest : step)
        }
        requestAnimationFrame(rest)
      }),
    { rows, pxPerFrame, selector: BODY_ROWS, resting: RESTING_FRAMES },
  )
}

/** The renderer's JS heap through the DevTools protocol: as it is, and after a full garbage collection. */
export async function jsHeap(page: Page): Promise<{ usedMb: number; afterGcMb: number }> {
  const cdp = await page.context().newCDPSession(page)
  const mb = (bytes: number): number => bytes / 2 ** 20
  const before = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.send('HeapProfiler.collectGarbage')
  const after = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  return { usedMb: mb(before.usedSize), afterGcMb: mb(after.usedSize) }
}

/**
 * Finds the contact through the search box, then measures from the click on their name to the first
 * frame that shows timeline events: what "opening a customer" costs.
 */
export async function openTimeline(page: Page, contactName: string): Promise<number> {
  const box = page.getByRole('searchbox', { name: 'Search' })
  await box.fill(contactName)
  await box.press('Enter')
  const hit = page
    .getByRole('region', { name: /contacts?$/ })
    .getByRole('button', { name: contactName })
    .first()
  await hit.waitFor({ timeout: 60_000 })
  await page.evaluate(() => {
    ;(globalThis as Marks).timelinePaint = new Promise<number>((resolve, reject) => {
      const opened = (): void => {
        const start = performance.now()
        const check = (): void => {
          const timeline = document.querySelector('[aria-label="Timeline"]')
          if (timeline?.querySelector('li, [role="row"], [role="listitem"]'))
            setTimeout(() => resolve(performance.now() - start), 0)
          else if (performance.now() - start > 60_000) reject(new Error('the timeline showed no event within 60 s'))
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }
      document.addEventListener('click', opened, { capture: true, once: true })
    })
  })
  await hit.click()
  return page.evaluate(() => (globalThis as Marks).timelinePaint!)
}
