/**
 * Resolves on the event loop's next turn, after pending I/O and timers: long work in steps awaits
 * it between steps so the host (its IPC, the web host's requests) is never held for long.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve))
