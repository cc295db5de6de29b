import type { VirtualItem } from '@tanstack/react-virtual'
import type { CSSProperties } from 'react'

export interface VirtualWindow {
  /** The rows shown, in normal flow, moved into place. */
  window: CSSProperties
  /** Makes up the rest of the list's height, so the scrollbar stands for every row. */
  rest: CSSProperties
}

/**
 * How a virtual list of fixed-height rows is laid out: the rows shown sit in normal flow inside a
 * window exactly as tall as they are, moved into place with a transform; a spacer after it makes up
 * the rest. With its size set from outside (`contain: strict` in the stylesheet) the window bounds
 * the layout of the rows that come in and go out while the list scrolls. Chromium starts that layout
 * from the document instead when the rows are positioned absolutely, when the size changes on the
 * box itself (a top padding), or when the bounding box is a flex item, as the scroller is.
 */
export function virtualWindow(items: readonly VirtualItem[], rowHeight: number, totalSize: number): VirtualWindow {
  const height = items.length * rowHeight
  return {
    window: { height, transform: `translateY(${items[0]?.start ?? 0}px)` },
    rest: { height: Math.max(0, totalSize - height) },
  }
}
