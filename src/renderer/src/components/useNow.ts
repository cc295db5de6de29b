import { useEffect, useState } from 'react'

/** The current time, refreshed once a minute so "5 min ago" and overdue badges stay true. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return now
}
