import { create } from 'zustand'
import type { Alert } from '../../../../shared/domain'

/** More than this many at once would cover the navigation; the oldest make room. */
export const MAX_TOASTS = 3

export interface AlertToast {
  id: number
  alert: Alert
}

interface AlertsState {
  toasts: AlertToast[]
  show(alert: Alert): void
  dismiss(id: number): void
}

let nextId = 1

/** Alerts the core raised while the app is open, newest first, until someone dismisses them. */
export const useAlerts = create<AlertsState>()((set) => ({
  toasts: [],
  show: (alert) => set((s) => ({ toasts: [{ id: nextId++, alert }, ...s.toasts].slice(0, MAX_TOASTS) })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}))
