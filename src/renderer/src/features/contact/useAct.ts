import { useCallback, useState } from 'react'

/** Runs a command; on failure keeps the error to show, and refetches either way. Resolves to success. */
export type Act = (run: () => Promise<unknown>) => Promise<boolean>

export function useAct(reload: () => void): { act: Act; error: unknown } {
  const [error, setError] = useState<unknown>(undefined)
  const act: Act = useCallback(
    async (run) => {
      setError(undefined)
      try {
        await run()
        return true
      } catch (err) {
        setError(err)
        return false
      } finally {
        reload()
      }
    },
    [reload],
  )
  return { act, error }
}
