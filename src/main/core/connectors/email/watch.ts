import type { ImapFlow } from 'imapflow'
import { connect, imapClient } from './imap'
import type { EmailCredentials, EmailSettings } from './settings'

export interface MailWatch {
  close(): Promise<void>
}

/**
 * Near-real-time mail: keeps one connection IDLE on a folder and calls back when the server reports
 * new messages (EXISTS). The callback should trigger a normal incremental pull; the watch itself
 * fetches nothing. A dropped connection is re-established with growing delays until close().
 */
export function watchFolder(
  settings: EmailSettings,
  credentials: () => EmailCredentials,
  folder: string,
  onChange: (folder: string) => void,
  onError: (error: Error) => void = () => undefined,
): MailWatch {
  let closed = false
  let client: ImapFlow | null = null
  let delay = 1000
  let timer: NodeJS.Timeout | null = null

  const open = async () => {
    if (closed) return
    const current = imapClient(settings, credentials())
    client = current
    current.on('exists', () => onChange(folder))
    current.on('close', () => {
      if (closed || client !== current) return
      timer = setTimeout(() => void open(), delay)
      delay = Math.min(delay * 2, 60_000)
    })
    current.on('error', (error: Error) => onError(error))
    try {
      await connect(current)
      await current.mailboxOpen(folder, { readOnly: true })
      delay = 1000
      // Anything that arrived while we were away: let the caller pull once.
      onChange(folder)
      // imapflow enters IDLE by itself whenever the connection is quiet.
      await current.idle()
    } catch (error) {
      onError(error as Error)
      if (!closed && current.usable === false) current.close()
    }
  }
  void open()
  return {
    close: async () => {
      closed = true
      if (timer) clearTimeout(timer)
      await client?.logout().catch(() => client?.close())
    },
  }
}
