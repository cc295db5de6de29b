import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import type { ConnectionState } from '../../api/transport'

/** The browser's own idea of the network (navigator.onLine), kept current by its online/offline events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine)
  useEffect(() => {
    const update = (): void => setOnline(navigator.onLine)
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])
  return online
}

/** The link to the core (the web host's event stream; always connected under Electron). */
export function useConnection(): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connecting')
  useEffect(() => api.onConnection(setState), [])
  return state
}
