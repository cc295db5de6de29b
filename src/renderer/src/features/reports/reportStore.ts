import { create } from 'zustand'

/** The days the reports view shows: null for both means the core's default (the last 30 days). */
export interface ReportRangeState {
  from: string | null
  to: string | null
  setRange(from: string | null, to: string | null): void
}

export const useReportRange = create<ReportRangeState>()((set) => ({
  from: null,
  to: null,
  setRange: (from, to) => set({ from, to }),
}))
