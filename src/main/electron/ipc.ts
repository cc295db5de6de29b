import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { EVENT_NAMES } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { Core } from '../core/index'

/** The two channels of the bridge; the preload uses the same names. */
export const INVOKE_CHANNEL = 'earshot:invoke'
export const EVENT_CHANNEL = 'earshot:event'

/**
 * One IPC handler for the whole contract: the core validates the command name and argument, so
 * the shell adds no per-command surface. Only the app's own top frame may call it.
 */
export function registerInvokeHandler(
  ipcMain: IpcMain,
  core: Pick<Core, 'invoke'>,
  isTrustedSender: (url: string) => boolean,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, arg: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isTrustedSender(frame.url)) {
      return { ok: false, error: { code: 'INVALID', message: 'This frame may not call Earshot commands.' } }
    }
    if (typeof name !== 'string') {
      return { ok: false, error: { code: 'INVALID', message: 'A command name must be a string.' } }
    }
    try {
      return await core.invoke(name, arg)
    } catch (error) {
      // invoke is documented never to throw; if it does anyway, the renderer still gets a value.
      console.error('earshot: command failed', name, error)
      return { ok: false, error: { code: 'INTERNAL', message: 'The command failed unexpectedly.' } }
    }
  })
  return () => ipcMain.removeHandler(INVOKE_CHANNEL)
}

/** Pushes every core event to the window; events for a closed window are dropped. */
export function forwardEvents(core: Pick<Core, 'on'>, target: () => WebContents | null): () => void {
  const unsubscribers = EVENT_NAMES.map((name) =>
    core.on(name, (payload) => {
      const contents = target()
      if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload)
    }),
  )
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe()
  }
}
